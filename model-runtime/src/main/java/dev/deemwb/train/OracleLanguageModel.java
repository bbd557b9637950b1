package dev.deemwb.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.deemwb.model.LanguageModel;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Prompts;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.world.Category;
import dev.deemwb.world.Orientation;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneObject;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.ShapeColor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Diagnostic 1a (DESIGN §3.5, "measure the LMM with an oracle input before blaming an encoder"): a
 * fresh language model of a bundle's architecture and vocabulary, trained exactly as the LMM stage
 * trains (same examples, steps, batch and learning rate), but fed the scene's <em>symbolic</em> object
 * tokens instead of an encoder's visual tokens — one token per object, the one-hot codes of its shape,
 * colour, orientation, fill, row and column; empty slots zero. What it cannot learn with perfect eyes,
 * no encoder can teach it. Scored on every template question of fresh scenes: an answer counts when the
 * most probable first answer word is the ground truth (every template answer is one word).
 */
public final class OracleLanguageModel {

    /** Width of one symbolic token: the one-hot codes, side by side. */
    static final int FEATURES = dev.deemwb.world.Shape.values().length + ShapeColor.values().length
            + Orientation.values().length + 1 + 2 + 3 + 3;
    private static final int SCORING_BATCH = 256;

    private final ModelConfig config;
    private final WordTokenizer tokenizer;
    private final Recipe recipe;

    public OracleLanguageModel(ModelConfig config, WordTokenizer tokenizer, Recipe recipe) {
        if (config.visualTokens() < Scene.MAX_OBJECTS) {
            throw new IllegalArgumentException("the oracle needs a token per object: " + config.visualTokens()
                    + " visual tokens for up to " + Scene.MAX_OBJECTS + " objects");
        }
        this.config = config;
        this.tokenizer = tokenizer;
        this.recipe = recipe;
    }

    /** Right and asked answers of one category. */
    public record Score(int right, int asked) {
        public double accuracy() {
            return asked == 0 ? Double.NaN : (double) right / asked;
        }
    }

    /**
     * Trains on scenes of {@code trainSeed}, then scores {@code testScenes} scenes of {@code testSeed}.
     *
     * @param logs where the training log ({@code lmm-oracle.jsonl}) goes
     */
    public Map<Category, Score> trainAndScore(long trainSeed, long testSeed, int testScenes, Path logs,
                                              Consumer<String> progress) {
        Engine.getInstance().setRandomSeed((int) trainSeed);
        try (NDManager root = NDManager.newBaseManager()) {
            LanguageModel lmm = new LanguageModel(config, tokenizer.size());
            lmm.initialize(root, DataType.FLOAT32, new Shape(1, config.visualTokens(), FEATURES),
                    new Shape(1, config.maxPromptLength()));
            WorldBatches data = new WorldBatches(config, tokenizer, trainSeed);
            LmmExamples examples = new LmmExamples(tokenizer, recipe.captionColorProbability());
            new TrainingLoop(root, logs, progress).run("lmm-oracle", recipe.lmmSteps(), recipe.lmmLearningRate(),
                    Map.of("oracle_lmm", lmm), (manager, ps) -> {
                        List<Scene> scenes = data.nextScenes(recipe.lmmBatch());
                        SplittableRandom random = data.randomFor(scenes);
                        LmmExamples.Batch text = LmmExamples.collate(manager,
                                scenes.stream().map(s -> examples.draw(s, random)).toList());
                        NDArray logits = lmm.forward(ps, new NDList(tokens(manager, scenes), text.inputs()), true)
                                .singletonOrThrow();
                        return Map.of("answer", Losses.maskedCrossEntropy(logits, text.targets(), text.scored()));
                    });
            return score(root, lmm, testSeed, testScenes);
        }
    }

    private Map<Category, Score> score(NDManager root, LanguageModel lmm, long seed, int sceneCount) {
        SceneGenerator generator = new SceneGenerator();
        List<Scene> scenes = new ArrayList<>();
        List<QaPair> questions = new ArrayList<>();
        for (int i = 0; i < sceneCount; i++) {
            Scene scene = generator.generate(Seeds.derive(seed, i));
            for (QaPair qa : Questions.all(scene)) {
                scenes.add(scene);
                questions.add(qa);
            }
        }
        Map<Category, int[]> tally = new EnumMap<>(Category.class);
        ParameterStore ps = new ParameterStore(root, false);
        for (int from = 0; from < questions.size(); from += SCORING_BATCH) {
            int to = Math.min(questions.size(), from + SCORING_BATCH);
            int[] firstWords = firstAnswerWords(root, lmm, ps, scenes.subList(from, to), questions.subList(from, to));
            for (int i = from; i < to; i++) {
                QaPair qa = questions.get(i);
                int[] counts = tally.computeIfAbsent(qa.category(), c -> new int[2]);
                counts[0] += tokenizer.word(firstWords[i - from]).equals(qa.answer()) ? 1 : 0;
                counts[1]++;
            }
        }
        Map<Category, Score> scores = new LinkedHashMap<>();
        tally.forEach((category, counts) -> scores.put(category, new Score(counts[0], counts[1])));
        return scores;
    }

    /** The most probable word after each question's {@code <bos>}. */
    private int[] firstAnswerWords(NDManager root, LanguageModel lmm, ParameterStore ps, List<Scene> scenes,
                                   List<QaPair> questions) {
        try (NDManager manager = root.newSubManager()) {
            List<int[]> prompts = questions.stream().map(qa -> Prompts.question(tokenizer, qa.question())).toList();
            int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(1);
            int[] ids = new int[prompts.size() * longest];
            for (int i = 0; i < prompts.size(); i++) {
                System.arraycopy(prompts.get(i), 0, ids, i * longest, prompts.get(i).length);
            }
            NDArray logits = lmm.forward(ps, new NDList(tokens(manager, scenes),
                    manager.create(ids, new Shape(prompts.size(), longest))), false).singletonOrThrow();
            long[] best = logits.argMax(2).toLongArray();
            int[] first = new int[prompts.size()];
            for (int i = 0; i < first.length; i++) {
                first[i] = (int) best[i * longest + prompts.get(i).length - 1];
            }
            return first;
        }
    }

    /** The scenes' symbolic tokens {@code (B, visualTokens, FEATURES)}. */
    NDArray tokens(NDManager manager, List<Scene> scenes) {
        int slots = config.visualTokens();
        float[] values = new float[scenes.size() * slots * FEATURES];
        for (int i = 0; i < scenes.size(); i++) {
            List<SceneObject> objects = scenes.get(i).objects();
            for (int k = 0; k < objects.size(); k++) {
                encode(objects.get(k), values, (i * slots + k) * FEATURES);
            }
        }
        return manager.create(values, new Shape(scenes.size(), slots, FEATURES));
    }

    static void encode(SceneObject object, float[] into, int offset) {
        int at = offset;
        into[at + object.shape().ordinal()] = 1;
        at += dev.deemwb.world.Shape.values().length;
        into[at + object.color().ordinal()] = 1;
        at += ShapeColor.values().length;
        into[at + (object.orientation() == null ? Orientation.values().length : object.orientation().ordinal())] = 1;
        at += Orientation.values().length + 1;
        into[at + (object.filled() ? 1 : 0)] = 1;
        at += 2;
        into[at + object.row()] = 1;
        at += 3;
        into[at + object.column()] = 1;
    }
}
