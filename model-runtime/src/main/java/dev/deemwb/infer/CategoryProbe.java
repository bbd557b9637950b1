package dev.deemwb.infer;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.model.Variant;
import dev.deemwb.world.Category;
import dev.deemwb.world.OodShift;
import dev.deemwb.world.OodTransform;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-category accuracy of both models on fresh scenes: every template question of every scene, on
 * the clean render ("id") and under each out-of-distribution transform at a middle severity ("ood",
 * pooled over transforms, and per transform). An answer counts when, lower-cased and stripped of
 * punctuation, it is exactly the ground-truth word.
 */
public final class CategoryProbe {

    public static final int OOD_SEVERITY = 3;
    private static final int BATCH = 256;

    private final MiniDeem models;

    public CategoryProbe(MiniDeem models) {
        this.models = models;
    }

    /** Accuracy per category, for one variant and one condition. */
    public record Accuracies(Map<String, Double> byCategory, Map<String, Integer> questions) {
    }

    /** variant id → {"id": …, "ood": …, "ood_<transform>": …}. */
    public Map<String, Map<String, Accuracies>> run(long seed, int sceneCount) {
        SceneGenerator generator = new SceneGenerator();
        List<Scene> scenes = new ArrayList<>(sceneCount);
        for (int i = 0; i < sceneCount; i++) {
            scenes.add(generator.generate(Seeds.derive(seed, i)));
        }
        Map<String, Map<String, Accuracies>> report = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            Map<String, Accuracies> conditions = new LinkedHashMap<>();
            conditions.put("id", accuracies(variant, scenes, java.util.Collections.singletonList(null)));
            List<OodShift> shifts = new ArrayList<>();
            for (OodTransform t : OodTransform.values()) {
                shifts.add(new OodShift(t, OOD_SEVERITY));
            }
            conditions.put("ood", accuracies(variant, scenes, shifts));
            for (OodShift shift : shifts) {
                conditions.put("ood_" + shift.transform().id(), accuracies(variant, scenes, List.of(shift)));
            }
            report.put(variant.id(), conditions);
        }
        return report;
    }

    private Accuracies accuracies(Variant variant, List<Scene> scenes, List<OodShift> shifts) {
        SceneRenderer renderer = new SceneRenderer();
        Map<Category, int[]> tally = new EnumMap<>(Category.class);
        List<float[]> images = new ArrayList<>();
        List<QaPair> asked = new ArrayList<>();
        for (OodShift shift : shifts) {
            for (Scene scene : scenes) {
                float[] image = models.input(renderer.render(scene, models.models().config().imageSize(), shift));
                for (QaPair qa : Questions.all(scene)) {
                    images.add(image);
                    asked.add(qa);
                    if (images.size() == BATCH) {
                        score(variant, images, asked, tally);
                    }
                }
            }
        }
        score(variant, images, asked, tally);
        Map<String, Double> byCategory = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        tally.forEach((category, rightOfTotal) -> {
            byCategory.put(category.id(), rightOfTotal[0] / (double) rightOfTotal[1]);
            counts.put(category.id(), rightOfTotal[1]);
        });
        return new Accuracies(byCategory, counts);
    }

    private void score(Variant variant, List<float[]> images, List<QaPair> asked, Map<Category, int[]> tally) {
        if (images.isEmpty()) {
            return;
        }
        List<Answer> answers = models.answer(variant, images, asked.stream().map(QaPair::question).toList());
        for (int i = 0; i < answers.size(); i++) {
            QaPair qa = asked.get(i);
            int[] rightOfTotal = tally.computeIfAbsent(qa.category(), c -> new int[2]);
            rightOfTotal[1]++;
            if (AnswerCleaning.normalize(answers.get(i).text()).equals(qa.answer().toLowerCase(Locale.ROOT))) {
                rightOfTotal[0]++;
            }
        }
        images.clear();
        asked.clear();
    }
}
