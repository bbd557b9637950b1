package dev.deemwb.eval;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-category accuracy of contenders (the mini pair, or any model) on fresh scenes: every template question of every scene, on
 * the clean render ("id") and under each out-of-distribution transform at a middle severity ("ood",
 * pooled over transforms, and per transform). An answer counts when, lower-cased and stripped of
 * punctuation, it is exactly the ground-truth word; a question a model could not be asked, or got no
 * answer to, counts as asked and wrong.
 */
public final class CategoryProbe {

    public static final int OOD_SEVERITY = 3;

    private final List<Contender> contenders;
    private final int imageSize;

    /** @param imageSize the side scenes are drawn at (the mini models' input size draws exactly what they see) */
    public CategoryProbe(List<Contender> contenders, int imageSize) {
        this.contenders = List.copyOf(contenders);
        this.imageSize = imageSize;
    }

    /** Accuracy per category, for one model and one condition. */
    public record Accuracies(Map<String, Double> byCategory, Map<String, Integer> questions) {
    }

    /**
     * How two contenders' answers fall together on one category's questions of clean scenes: the
     * fractions of its questions both get right, only the first, only the second (null over none).
     */
    public record Hits(int questions, Double bothRight, Double firstOnly, Double secondOnly) {
    }

    /** model id → {"id": …, "ood": …, "ood_<transform>": …}; "ood" pools the transforms' questions. */
    public Map<String, Map<String, Accuracies>> run(long seed, int sceneCount) {
        List<Scene> scenes = scenes(seed, sceneCount);
        Map<String, Map<String, Accuracies>> report = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            Map<String, Accuracies> conditions = new LinkedHashMap<>();
            conditions.put("id", accuracies(tally(contender, scenes, null)));
            Map<Category, int[]> pooled = new EnumMap<>(Category.class);
            Map<String, Accuracies> perTransform = new LinkedHashMap<>();
            for (OodTransform transform : OodTransform.values()) {
                Map<Category, int[]> tally = tally(contender, scenes, new OodShift(transform, OOD_SEVERITY));
                tally.forEach((category, counts) -> {
                    int[] sum = pooled.computeIfAbsent(category, c -> new int[2]);
                    sum[0] += counts[0];
                    sum[1] += counts[1];
                });
                perTransform.put("ood_" + transform.id(), accuracies(tally));
            }
            conditions.put("ood", accuracies(pooled));
            conditions.putAll(perTransform);
            report.put(contender.id(), conditions);
        }
        return report;
    }

    /** Per category, how the first two contenders' answers on the clean scenes fall together. */
    public Map<Category, Hits> hits(long seed, int sceneCount) {
        if (contenders.size() < 2) {
            throw new IllegalArgumentException("hits compare two models; " + contenders.size() + " given");
        }
        List<Scene> scenes = scenes(seed, sceneCount);
        List<QaPair> asked = asked(scenes);
        boolean[] first = correctness(contenders.get(0), scenes, null);
        boolean[] second = correctness(contenders.get(1), scenes, null);
        Map<Category, int[]> counts = new EnumMap<>(Category.class); // questions, both, first only, second only
        for (int i = 0; i < asked.size(); i++) {
            int[] c = counts.computeIfAbsent(asked.get(i).category(), k -> new int[4]);
            c[0]++;
            if (first[i] && second[i]) {
                c[1]++;
            } else if (first[i]) {
                c[2]++;
            } else if (second[i]) {
                c[3]++;
            }
        }
        Map<Category, Hits> hits = new EnumMap<>(Category.class);
        counts.forEach((category, c) -> hits.put(category, new Hits(c[0], fraction(c[1], c[0]), fraction(c[2], c[0]),
                fraction(c[3], c[0]))));
        return hits;
    }

    private static Double fraction(int part, int whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    private static List<Scene> scenes(long seed, int sceneCount) {
        SceneGenerator generator = new SceneGenerator();
        List<Scene> scenes = new ArrayList<>(sceneCount);
        for (int i = 0; i < sceneCount; i++) {
            scenes.add(generator.generate(Seeds.derive(seed, i)));
        }
        return scenes;
    }

    /** Every template question of every scene, in the order {@link #correctness} answers them. */
    private static List<QaPair> asked(List<Scene> scenes) {
        return scenes.stream().flatMap(scene -> Questions.all(scene).stream()).toList();
    }

    /** Right and asked, per category, for every template question of every scene under {@code shift}. */
    private Map<Category, int[]> tally(Contender contender, List<Scene> scenes, OodShift shift) {
        List<QaPair> asked = asked(scenes);
        boolean[] right = correctness(contender, scenes, shift);
        Map<Category, int[]> tally = new EnumMap<>(Category.class);
        for (int i = 0; i < asked.size(); i++) {
            int[] rightOfTotal = tally.computeIfAbsent(asked.get(i).category(), c -> new int[2]);
            rightOfTotal[1]++;
            rightOfTotal[0] += right[i] ? 1 : 0;
        }
        return tally;
    }

    /**
     * Whether {@code contender} answered each of {@link #asked}'s questions right, in batches; a
     * question it could not be asked, or got no answer to, is wrong.
     */
    private boolean[] correctness(Contender contender, List<Scene> scenes, OodShift shift) {
        SceneRenderer renderer = new SceneRenderer();
        List<Boolean> right = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        List<QaPair> asked = new ArrayList<>();
        for (Scene scene : scenes) {
            PreparedImage image = contender.prepare(renderer.render(scene, imageSize, shift));
            for (QaPair qa : Questions.all(scene)) {
                questions.add(new Question(image, qa.question()));
                asked.add(qa);
                if (questions.size() == ProbeRunner.DEFAULT_BATCH) {
                    score(contender, questions, asked, right);
                }
            }
        }
        score(contender, questions, asked, right);
        boolean[] result = new boolean[right.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = right.get(i);
        }
        return result;
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

    private static void score(Contender contender, List<Question> questions, List<QaPair> asked, List<Boolean> right) {
        if (questions.isEmpty()) {
            return;
        }
        List<Question> askable = questions.stream().filter(q -> contender.questionProblem(q.text()) == null).toList();
        Map<Question, Reply> replies = new IdentityHashMap<>();
        List<Reply> answered = askable.isEmpty() ? List.of() : contender.answer(askable).join();
        for (int i = 0; i < askable.size(); i++) {
            replies.put(askable.get(i), answered.get(i));
        }
        for (int i = 0; i < questions.size(); i++) {
            Reply reply = replies.get(questions.get(i));
            right.add(reply != null && reply.isAnswered()
                    && AnswerCleaning.normalize(reply.text()).equals(asked.get(i).answer().toLowerCase(Locale.ROOT)));
        }
        questions.clear();
        asked.clear();
    }
}
