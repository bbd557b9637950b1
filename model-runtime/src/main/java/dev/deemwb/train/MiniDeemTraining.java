package dev.deemwb.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.Json;
import dev.deemwb.model.ConsistencyLoss;
import dev.deemwb.model.Diffusion;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Prompts;
import dev.deemwb.model.Variant;
import dev.deemwb.model.nn.Scalars;
import dev.deemwb.world.Captions;
import dev.deemwb.numerics.NumericsCheck;
import dev.deemwb.numerics.NumericsException;
import dev.deemwb.numerics.NumericsReport;
import dev.deemwb.world.Scene;
import dev.deemwb.world.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Trains a mini-DEEM bundle's models, stage by stage (DESIGN §3.3):
 *
 * <ol>
 *   <li>{@code diffusion} — the text-to-image UNet on detailed descriptions; then frozen for good;
 *   <li>{@code clip} — the shared encoder, contrastively against coarse captions, with
 *       caption-preserving rotations and flips;
 *   <li>{@code fork} — from the same weights and on the same data, the baseline continues CLIP for
 *       N steps while DEEM trains on CLIP + λ·CSR, the frozen UNet's denoising loss conditioned on
 *       its projected visual tokens, the gradient flowing through the UNet into the projection,
 *       the Perceiver and the CNN; then the baseline's projection is fitted on its frozen tokens so
 *       both reconstructions use the same UNet;
 *   <li>{@code lmm} — each language model on its frozen encoder, same data, steps and seed.
 * </ol>
 *
 * After every stage all parameters are saved under {@code checkpoints/<stage>}; a run that finds a
 * stage's checkpoint resumes after it.
 */
public final class MiniDeemTraining {

    public static final List<String> STAGES = List.of("diffusion", "clip", "fork", "lmm");

    private final MiniDeemModels models;
    private final Recipe recipe;
    private final long seed;
    private final Path workDir;
    private final Consumer<String> progress;
    private final Diffusion diffusion;
    private final NumericsCheck numericsCheck;
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> finalLosses = new LinkedHashMap<>();

    public MiniDeemTraining(MiniDeemModels models, Recipe recipe, long seed, Path workDir, Consumer<String> progress) {
        this(models, recipe, seed, workDir, progress, new NumericsCheck());
    }

    /** @param numericsCheck run before anything is trained (tests give it a wrong kernel) */
    MiniDeemTraining(MiniDeemModels models, Recipe recipe, long seed, Path workDir, Consumer<String> progress,
                     NumericsCheck numericsCheck) {
        this.numericsCheck = numericsCheck;
        this.models = models;
        this.recipe = recipe;
        this.seed = seed;
        this.workDir = workDir;
        this.progress = progress;
        this.diffusion = new Diffusion(models.unet());
    }

    /** Per stage: wall seconds, and the mean of each loss over the stage's last logged window. */
    public record Summary(Map<String, Double> stageSeconds, Map<String, Map<String, Double>> finalLosses) {
    }

    /**
     * Runs the stages not yet done.
     *
     * @throws NumericsException before any training when the engine's kernels compute wrong results
     */
    public Summary run() throws IOException {
        return runThrough(STAGES.get(STAGES.size() - 1));
    }

    /**
     * Runs the stages not yet done up to and including {@code lastStage} (checkpointed like every
     * stage), so a variant can be measured before the later stages are paid for.
     */
    public Summary runThrough(String lastStage) throws IOException {
        if (!STAGES.contains(lastStage)) {
            throw new IllegalArgumentException("unknown stage '" + lastStage + "' (stages: " + STAGES + ")");
        }
        Checkpoints checkpoints = new Checkpoints(workDir.resolve("checkpoints"), models);
        String resumeAfter = checkpoints.lastCompleted(STAGES);
        boolean skipping = resumeAfter != null;
        if (skipping) {
            checkpoints.load(resumeAfter);
            for (String done : STAGES.subList(0, STAGES.indexOf(resumeAfter) + 1)) {
                freezeAfter(done);
            }
            progress.accept("resuming after stage '" + resumeAfter + "'");
        }
        if (resumeAfter == null || STAGES.indexOf(resumeAfter) < STAGES.indexOf(lastStage)) {
            checkNumerics();
        }
        Engine.getInstance().setRandomSeed((int) seed);
        for (String stage : STAGES.subList(0, STAGES.indexOf(lastStage) + 1)) {
            if (skipping) {
                skipping = !stage.equals(resumeAfter);
                continue;
            }
            switch (stage) {
                case "diffusion" -> trainDiffusion();
                case "clip" -> trainClip();
                case "fork" -> trainFork();
                case "lmm" -> trainLanguageModels();
                default -> throw new IllegalStateException(stage);
            }
            freezeAfter(stage);
            checkpoints.save(stage);
        }
        recallEarlierStages();
        return new Summary(stageSeconds, finalLosses);
    }

    /**
     * The models as one stage's checkpoint left them ({@code <work>/checkpoints/<stage>}), for measuring
     * a variant before its later stages are trained.
     */
    public static MiniDeemModels loadCheckpoint(NDManager manager, ModelConfig config, Path stageDir)
            throws IOException {
        if (!Files.isRegularFile(stageDir.resolve(Checkpoints.COMPLETE))) {
            throw new IOException(stageDir + " is not a finished stage's checkpoint (it has no "
                    + Checkpoints.COMPLETE + " marker)");
        }
        MiniDeemModels models = MiniDeemModels.create(manager, config, Vocabulary.standard());
        new Checkpoints(stageDir.toAbsolutePath().getParent(), models).load(stageDir.getFileName().toString());
        return models;
    }

    /** Refuses to train on kernels that compute wrong results (DESIGN §3.5: check the numerics first). */
    private void checkNumerics() {
        NumericsReport numerics = numericsCheck.check(models.manager(), models);
        if (!numerics.passed()) {
            throw new NumericsException(numerics);
        }
        progress.accept(String.format(Locale.ROOT, "numerics check passed (%d checks, the worst at %.0f %% of its "
                + "tolerance)", numerics.findings().size(), 100 * numerics.worstMargin()));
    }

    /** Stages finished by an earlier, resumed-from run: their time and last losses from their logs. */
    private void recallEarlierStages() throws IOException {
        Path logs = workDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                String loop = log.getFileName().toString().replace(".jsonl", "");
                List<String> lines = Files.readAllLines(log);
                if (stageSeconds.containsKey(loop) || lines.isEmpty()) {
                    continue;
                }
                JsonNode last = Json.mapper().readTree(lines.get(lines.size() - 1));
                stageSeconds.put(loop, last.get("time_s").asDouble());
                Map<String, Double> losses = new LinkedHashMap<>();
                last.get("losses").fields().forEachRemaining(e -> losses.put(e.getKey(), e.getValue().asDouble()));
                finalLosses.put(loop, losses);
            }
        }
    }

    /** What a finished stage leaves frozen: the diffusion model for good, then the encoders. */
    private void freezeAfter(String stage) {
        if (stage.equals("diffusion")) {
            models.unet().freezeParameters(true);
            models.diffusionText().freezeParameters(true);
        } else if (stage.equals("fork")) {
            for (Variant variant : Variant.values()) {
                models.eyes(variant).encoder().freezeParameters(true);
            }
        }
    }

    private void trainDiffusion() {
        List<Block> trainable = List.of(models.diffusionText(), models.unet());
        WorldBatches data = batches(0);
        loop("diffusion", recipe.diffusionSteps(), recipe.diffusionLearningRate(), trainable, (manager, ps) -> {
            List<Scene> scenes = data.nextScenes(recipe.diffusionBatch());
            WorldBatches.Views views = data.views(manager, scenes, WorldBatches.identity(scenes.size()));
            WorldBatches.TextBatch text = data.texts(manager,
                    scenes.stream().map(Captions::detailedDescription).collect(Collectors.toList()));
            NDArray states = models.diffusionText().forward(ps, new NDList(text.intIds(), text.mask()), true)
                    .singletonOrThrow();
            NDArray loss = diffusion.loss(ps, views.diffusionImages(), states, text.mask(), views.objectMasks(),
                    recipe.foregroundWeight(), 0f, 1f);
            return Map.of("denoise", loss);
        });
    }

    private void trainClip() {
        MiniDeemModels.Eyes eyes = models.eyes(Variant.BASELINE);
        WorldBatches data = batches(1);
        loop("clip", recipe.clipSteps(), recipe.clipLearningRate(), clipBlocks(eyes), (manager, ps) -> {
            List<Scene> scenes = data.nextScenes(recipe.clipBatch());
            SplittableRandom random = data.randomFor(scenes);
            int[] ops = WorldBatches.randomOps(scenes.size(), random);
            List<Scene> seen = WorldBatches.withFillsFlipped(scenes, random, recipe.clipFillFlipProbability());
            WorldBatches.Views views = data.views(manager, seen, ops);
            NDArray tokens = eyes.encoder().forward(ps, new NDList(views.images()), true).singletonOrThrow();
            return Map.of("clip", clipLoss(eyes, data, scenes, tokens, random, ps));
        });
        Checkpoints.copyParameters(eyes.encoder(), models.eyes(Variant.DEEM).encoder(), models.manager());
        Checkpoints.copyParameters(eyes.clipText(), models.eyes(Variant.DEEM).clipText(), models.manager());
        Checkpoints.copyParameters(eyes.clipHeads(), models.eyes(Variant.DEEM).clipHeads(), models.manager());
    }

    private void trainFork() {
        for (Variant variant : Variant.values()) {
            MiniDeemModels.Eyes eyes = models.eyes(variant);
            boolean deem = variant == Variant.DEEM;
            List<Block> trainable = new ArrayList<>(clipBlocks(eyes));
            if (deem) {
                trainable.add(eyes.projection());
            }
            WorldBatches data = batches(2);
            loop("fork-" + variant.id(), recipe.forkSteps(), recipe.forkLearningRate(), trainable, (manager, ps) -> {
                List<Scene> scenes = data.nextScenes(recipe.forkBatch());
                SplittableRandom random = data.randomFor(scenes);
                WorldBatches.Views views = data.views(manager, scenes, WorldBatches.randomOps(scenes.size(), random));
                NDArray tokens = eyes.encoder().forward(ps, new NDList(views.images()), true).singletonOrThrow();
                NDArray clip = clipLoss(eyes, data, scenes, tokens, random, ps);
                if (!deem) {
                    return Map.of("clip", clip);
                }
                NDArray csr = csrLoss(eyes, tokens, views, ps);
                return Map.of("clip", clip, "csr", csr, "total", clip.add(Scalars.times(csr, recipe.csrWeight())));
            });
        }
        models.eyes(Variant.BASELINE).encoder().freezeParameters(true);
        trainBaselineProjection();
    }

    /** The baseline's tokens, frozen, learn a projection into the same frozen UNet. */
    private void trainBaselineProjection() {
        MiniDeemModels.Eyes eyes = models.eyes(Variant.BASELINE);
        WorldBatches data = batches(3);
        loop("projection-baseline", recipe.projectionSteps(), recipe.forkLearningRate(), List.of(eyes.projection()),
                (manager, ps) -> {
                    List<Scene> scenes = data.nextScenes(recipe.forkBatch());
                    WorldBatches.Views views = data.views(manager, scenes, WorldBatches.identity(scenes.size()));
                    NDArray tokens = eyes.encoder().forward(ps, new NDList(views.images()), false).singletonOrThrow();
                    return Map.of("csr", csrLoss(eyes, tokens, views, ps));
                });
    }

    private void trainLanguageModels() {
        LmmExamples examples = new LmmExamples(models.tokenizer(), recipe.captionColorProbability());
        for (Variant variant : Variant.values()) {
            MiniDeemModels.Eyes eyes = models.eyes(variant);
            WorldBatches data = batches(4);
            loop("lmm-" + variant.id(), recipe.lmmSteps(), recipe.lmmLearningRate(), List.of(eyes.languageModel()),
                    (manager, ps) -> {
                        List<Scene> scenes = data.nextScenes(recipe.lmmBatch());
                        SplittableRandom random = data.randomFor(scenes);
                        List<Prompts.Example> batch = scenes.stream().map(s -> examples.draw(s, random)).toList();
                        LmmExamples.Batch text = LmmExamples.collate(manager, batch);
                        WorldBatches.Views views = data.views(manager, scenes, WorldBatches.identity(scenes.size()));
                        NDArray tokens = eyes.encoder().forward(ps, new NDList(views.images()), false).singletonOrThrow();
                        NDArray logits = eyes.languageModel().forward(ps, new NDList(tokens, text.inputs()), true)
                                .singletonOrThrow();
                        return Map.of("answer", Losses.maskedCrossEntropy(logits, text.targets(), text.scored()));
                    });
        }
    }

    private List<Block> clipBlocks(MiniDeemModels.Eyes eyes) {
        return List.of(eyes.encoder(), eyes.clipText(), eyes.clipHeads());
    }

    private NDArray clipLoss(MiniDeemModels.Eyes eyes, WorldBatches data, List<Scene> scenes, NDArray tokens,
                             SplittableRandom random, ParameterStore ps) {
        WorldBatches.TextBatch captions = data.texts(tokens.getManager(),
                scenes.stream().map(s -> Captions.caption(s, random, recipe.captionColorProbability())).collect(Collectors.toList()));
        NDArray states = eyes.clipText().forward(ps, new NDList(captions.intIds(), captions.mask()), true)
                .singletonOrThrow();
        NDList embeddings = eyes.clipHeads().forward(ps, new NDList(tokens, states, captions.mask()), true);
        return Losses.contrastive(embeddings.get(0), embeddings.get(1), recipe.logitScale());
    }

    private NDArray csrLoss(MiniDeemModels.Eyes eyes, NDArray tokens, WorldBatches.Views views, ParameterStore ps) {
        return ConsistencyLoss.loss(ps, eyes, diffusion, tokens, views.diffusionImages(), views.objectMasks(),
                recipe.foregroundWeight(), recipe.csrMinNoise(), recipe.csrMaxNoise());
    }

    private WorldBatches batches(int stage) {
        return new WorldBatches(models.config(), models.tokenizer(), Seeds.derive(seed, stage));
    }

    private void loop(String stage, int steps, float learningRate, List<Block> trainable, TrainingLoop.Step step) {
        TrainingLoop.Result result = new TrainingLoop(models.manager(), workDir.resolve("logs"), progress)
                .run(stage, steps, learningRate, named(trainable), step);
        stageSeconds.put(stage, result.seconds());
        finalLosses.put(stage, result.finalLosses());
    }

    /** The trained blocks under their bundle names, so a refused gradient names its parameter. */
    private Map<String, Block> named(List<Block> blocks) {
        Map<String, Block> named = new LinkedHashMap<>();
        models.namedBlocks().forEach((name, block) -> {
            if (blocks.stream().anyMatch(b -> b == block)) {
                named.put(name, block);
            }
        });
        return named;
    }
}
