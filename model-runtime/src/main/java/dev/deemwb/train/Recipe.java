package dev.deemwb.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deemwb.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training recipe of a mini-DEEM bundle (DESIGN §3.3), stored in its manifest.
 *
 * @param diffusionSteps      stage 0: text-to-image pretraining of the UNet, then frozen for good
 * @param foregroundWeight    extra loss weight on object pixels (1 + w on objects, 1 on background)
 * @param clipSteps           stage 1: contrastive pretraining of the shared encoder
 * @param forkSteps           stage 2: N more steps, plain CLIP for the baseline, CLIP + λ·CSR for DEEM
 * @param csrWeight           λ, the weight of the diffusion loss on DEEM's encoder
 * @param csrMinNoise         lowest noise level of the CSR loss (fraction of the schedule)
 * @param csrMaxNoise         highest noise level of the CSR loss
 * @param projectionSteps     the baseline's reconstruction projection, trained on its frozen tokens
 * @param lmmSteps            stage 3: each language model on its frozen encoder
 * @param captionColorProbability how often a caption names the colour of a lone object of its shape
 *                            (the CLIP stages and the LMM's caption examples): what captions say is
 *                            what a contrastive encoder is taught to keep
 * @param clipFillFlipProbability how often the CLIP stage draws an object with its fill flipped
 *                            (filled ↔ hollow) in the view its encoder sees: captions never say fill, so
 *                            this augmentation keeps the caption true and makes fill useless to the
 *                            contrastive loss; the fork, CSR and language-model views keep the true fill
 */
public record Recipe(int diffusionSteps, int diffusionBatch, float diffusionLearningRate, float foregroundWeight,
                     int clipSteps, int clipBatch, float clipLearningRate,
                     int forkSteps, int forkBatch, float forkLearningRate, float csrWeight,
                     float csrMinNoise, float csrMaxNoise, int projectionSteps,
                     int lmmSteps, int lmmBatch, float lmmLearningRate, float logitScale,
                     float captionColorProbability, float clipFillFlipProbability) {

    public static final String DEFAULT_NAME = "standard";

    /** The shipped default bundle's recipe. */
    public static Recipe standard() {
        return new Recipe(1500, 32, 2e-3f, 4f,
                1500, 64, 1e-3f,
                1200, 32, 5e-4f, 5f, 0.4f, 0.9f, 600,
                2500, 64, 1e-3f, 20f, 0.3f, 0f);
    }

    /**
     * The variant where DEEM's encoder gets the diffusion feedback from its first step: no shared
     * CLIP stage, the baseline trains CLIP for all of its steps and DEEM CLIP + λ·CSR for as many.
     * Tried because, with a shared CLIP stage first, the feedback of the fork came too late to
     * change what the bottleneck keeps (see the closing notes and docs/evaluation.md).
     */
    public static Recipe csrThroughout() {
        Recipe standard = standard();
        return new Recipe(standard.diffusionSteps, standard.diffusionBatch, standard.diffusionLearningRate,
                standard.foregroundWeight, 0, standard.clipBatch, standard.clipLearningRate,
                standard.clipSteps + standard.forkSteps, standard.forkBatch, 1e-3f, standard.csrWeight,
                standard.csrMinNoise, standard.csrMaxNoise, standard.projectionSteps, standard.lmmSteps,
                standard.lmmBatch, standard.lmmLearningRate, standard.logitScale, standard.captionColorProbability,
                standard.clipFillFlipProbability);
    }

    /** A few steps of everything, for tests: the same code paths in seconds. */
    public static Recipe tiny() {
        return new Recipe(6, 4, 2e-3f, 4f, 6, 8, 1e-3f, 4, 4, 5e-4f, 5f, 0.4f, 0.9f, 3, 8, 8, 1e-3f, 20f, 0.3f, 0f);
    }

    /**
     * The same recipe with some fields changed, by their names in the manifest ({@code lmmSteps=8000}):
     * how a variant is tried without a new named recipe. An unknown name (with the names that exist), a
     * value of the wrong kind, a negative one or NaN is refused.
     */
    public Recipe with(Map<String, String> overrides) {
        ObjectNode fields = Json.mapper().valueToTree(this);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            JsonNode current = fields.get(override.getKey());
            if (current == null) {
                List<String> names = new ArrayList<>();
                fields.fieldNames().forEachRemaining(names::add);
                throw new IllegalArgumentException("unknown recipe field '" + override.getKey() + "' (known: "
                        + String.join(", ", names) + ")");
            }
            try {
                double value = current.isIntegralNumber() ? Integer.parseInt(override.getValue().trim())
                        : Float.parseFloat(override.getValue().trim());
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("recipe field '" + override.getKey() + "' takes a finite value "
                            + "of 0 or more, not '" + override.getValue() + "'");
                }
                if (current.isIntegralNumber()) {
                    fields.put(override.getKey(), (int) value);
                } else {
                    fields.put(override.getKey(), (float) value);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("recipe field '" + override.getKey() + "' takes "
                        + (current.isIntegralNumber() ? "a whole number" : "a number") + ", not '"
                        + override.getValue() + "'");
            }
        }
        try {
            return Json.mapper().treeToValue(fields, Recipe.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recipe read back from its own fields", e);
        }
    }

    /**
     * The recipe a bundle's manifest records: its named recipe ({@code standard} of
     * {@code standard+lmmSteps=8000}) with every field the manifest lists laid over it, so a manifest
     * written before a field existed reads as the recipe that trained it.
     */
    public static Recipe fromManifest(String recipeName, JsonNode fields) {
        Map<String, String> recorded = new LinkedHashMap<>();
        if (fields != null) {
            fields.fields().forEachRemaining(field -> recorded.put(field.getKey(), field.getValue().asText()));
        }
        return named(recipeName.split("\\+", 2)[0]).with(recorded);
    }

    public static Recipe named(String name) {
        return switch (name) {
            case "standard" -> standard();
            case "tiny" -> tiny();
            case "csr-throughout" -> csrThroughout();
            default -> throw new IllegalArgumentException(
                    "unknown recipe '" + name + "' (known: standard, csr-throughout, tiny)");
        };
    }
}
