package dev.deemwb.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import dev.deemwb.bench.robustvqa.RobustVqaQuestion;
import dev.deemwb.model.Prompts;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.world.Captions;
import dev.deemwb.world.Category;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The language model's training text for a scene: one templated question, its category drawn
 * uniformly among those the scene can be asked (so rare categories like orientation are not drowned
 * by the many position questions); for one-object scenes sometimes RobustVQA's "main object"
 * question; and sometimes the caption, as the answer to the empty question.
 */
final class LmmExamples {

    private static final double CAPTION_PROBABILITY = 0.1;
    private static final double MAIN_OBJECT_PROBABILITY = 0.3;

    private final WordTokenizer tokenizer;
    private final double captionColorProbability;

    LmmExamples(WordTokenizer tokenizer, double captionColorProbability) {
        this.tokenizer = tokenizer;
        this.captionColorProbability = captionColorProbability;
    }

    Prompts.Example draw(Scene scene, SplittableRandom random) {
        double r = random.nextDouble();
        if (r < CAPTION_PROBABILITY) {
            return Prompts.example(tokenizer, "", Captions.caption(scene, random, captionColorProbability));
        }
        if (scene.objects().size() == 1 && r < CAPTION_PROBABILITY + MAIN_OBJECT_PROBABILITY) {
            Shape truth = scene.objects().get(0).shape();
            boolean askTruth = random.nextBoolean();
            Shape asked = askTruth ? truth : Shape.values()[(truth.ordinal() + 1
                    + random.nextInt(Shape.values().length - 1)) % Shape.values().length];
            return Prompts.example(tokenizer, RobustVqaQuestion.promptFor("a " + asked.noun()), askTruth ? "yes" : "no");
        }
        Map<Category, List<QaPair>> byCategory = new EnumMap<>(Category.class);
        for (QaPair qa : Questions.all(scene)) {
            byCategory.computeIfAbsent(qa.category(), c -> new ArrayList<>()).add(qa);
        }
        List<Category> categories = new ArrayList<>(byCategory.keySet());
        List<QaPair> pool = byCategory.get(categories.get(random.nextInt(categories.size())));
        QaPair qa = pool.get(random.nextInt(pool.size()));
        return Prompts.example(tokenizer, qa.question(), qa.answer());
    }

    /** Inputs, targets and the scored mask, right-padded to the longest example. */
    record Batch(NDArray inputs, NDArray targets, NDArray scored) {
    }

    static Batch collate(NDManager manager, List<Prompts.Example> examples) {
        int longest = examples.stream().mapToInt(e -> e.input().length).max().orElse(1);
        int n = examples.size();
        int[] inputs = new int[n * longest];
        int[] targets = new int[n * longest];
        float[] scored = new float[n * longest];
        for (int i = 0; i < n; i++) {
            Prompts.Example e = examples.get(i);
            System.arraycopy(e.input(), 0, inputs, i * longest, e.input().length);
            System.arraycopy(e.target(), 0, targets, i * longest, e.target().length);
            for (int j = 0; j < e.scored().length; j++) {
                scored[i * longest + j] = e.scored()[j] ? 1f : 0f;
            }
        }
        ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(n, longest);
        return new Batch(manager.create(inputs, shape), manager.create(targets, shape), manager.create(scored, shape));
    }
}
