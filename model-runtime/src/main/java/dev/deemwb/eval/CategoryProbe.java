package dev.deemwb.eval;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
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

    private final MiniDeem models;

    public CategoryProbe(MiniDeem models) {
        this.models = models;
    }

    /** Accuracy per category, for one variant and one condition. */
    public record Accuracies(Map<String, Double> byCategory, Map<String, Integer> questions) {
    }

    /** variant id → {"id": …, "ood": …, "ood_<transform>": …}; "ood" pools the transforms' questions. */
    public Map<String, Map<String, Accuracies>> run(long seed, int sceneCount) {
        SceneGenerator generator = new SceneGenerator();
        List<Scene> scenes = new ArrayList<>(sceneCount);
        for (int i = 0; i < sceneCount; i++) {
            scenes.add(generator.generate(Seeds.derive(seed, i)));
        }
        Map<String, Map<String, Accuracies>> report = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            Map<String, Accuracies> conditions = new LinkedHashMap<>();
            conditions.put("id", accuracies(tally(variant, scenes, null)));
            Map<Category, int[]> pooled = new EnumMap<>(Category.class);
            Map<String, Accuracies> perTransform = new LinkedHashMap<>();
            for (OodTransform transform : OodTransform.values()) {
                Map<Category, int[]> tally = tally(variant, scenes, new OodShift(transform, OOD_SEVERITY));
                tally.forEach((category, counts) -> {
                    int[] sum = pooled.computeIfAbsent(category, c -> new int[2]);
                    sum[0] += counts[0];
                    sum[1] += counts[1];
                });
                perTransform.put("ood_" + transform.id(), accuracies(tally));
            }
            conditions.put("ood", accuracies(pooled));
            conditions.putAll(perTransform);
            report.put(variant.id(), conditions);
        }
        return report;
    }

    /** Right and asked, per category, for every template question of every scene under {@code shift}. */
    private Map<Category, int[]> tally(Variant variant, List<Scene> scenes, OodShift shift) {
        SceneRenderer renderer = new SceneRenderer();
        Map<Category, int[]> tally = new EnumMap<>(Category.class);
        List<float[]> images = new ArrayList<>();
        List<QaPair> asked = new ArrayList<>();
        for (Scene scene : scenes) {
            float[] image = models.input(renderer.render(scene, models.models().config().imageSize(), shift));
            for (QaPair qa : Questions.all(scene)) {
                images.add(image);
                asked.add(qa);
                if (images.size() == ProbeRunner.DEFAULT_BATCH) {
                    score(variant, images, asked, tally);
                }
            }
        }
        score(variant, images, asked, tally);
        return tally;
    }

    private static Accuracies accuracies(Map<Category, int[]> tally) {
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
