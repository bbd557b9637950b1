package dev.deemwb.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.deemwb.model.Diffusion;
import dev.deemwb.model.ImageTensors;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Prompts;
import dev.deemwb.model.UnknownWordsException;
import dev.deemwb.model.Variant;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.world.Language;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Answering and reconstruction with a loaded mini-DEEM bundle. Not thread-safe: one thread (the
 * inference worker, or a CLI command) owns an instance. Every call runs in its own sub-manager, so
 * memory stays flat however many requests come.
 */
public final class MiniDeem {

    public static final int TOP_ALTERNATIVES = 3;
    /** Longest question accepted, in characters. */
    public static final int MAX_QUESTION_CHARS = 200;
    public static final int MAX_ANSWER_WORDS = 20;

    private final MiniDeemModels models;
    private final Diffusion diffusion;
    private final ParameterStore ps;

    public MiniDeem(MiniDeemModels models) {
        this.models = models;
        this.diffusion = new Diffusion(models.unet());
        this.ps = new ParameterStore(models.manager(), false);
    }

    public MiniDeemModels models() {
        return models;
    }

    /**
     * Refuses a question the models cannot read: empty, over {@link #MAX_QUESTION_CHARS} characters,
     * with words outside the vocabulary (naming them), or too many words for the language model's
     * context, which leaves room for at least one answer word.
     */
    public static void checkQuestion(String question, WordTokenizer tokenizer, int maxPromptLength) {
        List<String> words = Language.splitWords(question);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the question is empty");
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            throw new IllegalArgumentException("the question has " + question.length() + " characters; at most "
                    + MAX_QUESTION_CHARS + " are allowed");
        }
        List<String> unknown = tokenizer.unknownWords(question);
        if (!unknown.isEmpty()) {
            throw new UnknownWordsException(unknown);
        }
        int maxWords = maxPromptLength - 2; // the prompt ends in <bos>, and one answer word must fit
        if (words.size() > maxWords) {
            throw new IllegalArgumentException("the question has " + words.size() + " words; these models read at most "
                    + maxWords);
        }
    }

    /**
     * One answer per (image, question), for a batch of them; {@code images} are model inputs
     * ({@link #input}). Every question is checked first ({@link #checkQuestion}).
     */
    public List<Answer> answer(Variant variant, List<float[]> images, List<String> questions) {
        if (images.size() != questions.size()) {
            throw new IllegalArgumentException(images.size() + " images for " + questions.size() + " questions");
        }
        long start = System.nanoTime();
        WordTokenizer tokenizer = models.tokenizer();
        List<int[]> prompts = new ArrayList<>(questions.size());
        for (String question : questions) {
            checkQuestion(question, tokenizer, models.config().maxPromptLength());
            prompts.add(Prompts.question(tokenizer, question));
        }
        try (NDManager manager = models.manager().newSubManager()) {
            NDArray tokens = encode(manager, variant, images);
            int n = prompts.size();
            List<List<Integer>> generated = new ArrayList<>(n);
            List<List<Answer.Alternative>> alternatives = new ArrayList<>(n);
            boolean[] finished = new boolean[n];
            for (int i = 0; i < n; i++) {
                generated.add(new ArrayList<>());
            }
            for (int step = 0; step < MAX_ANSWER_WORDS && !allTrue(finished); step++) {
                float[][] next = nextWordProbabilities(manager, variant, tokens, prompts, generated);
                for (int i = 0; i < n; i++) {
                    if (finished[i]) {
                        continue;
                    }
                    if (step == 0) {
                        alternatives.add(top(next[i], tokenizer));
                    }
                    int word = argMax(next[i]);
                    if (word == WordTokenizer.EOS_ID) {
                        finished[i] = true;
                    } else {
                        generated.get(i).add(word);
                        // The context is full: the answer ends here rather than read a cut prompt.
                        finished[i] = prompts.get(i).length + generated.get(i).size() >= models.config().maxPromptLength();
                    }
                }
            }
            double latency = (System.nanoTime() - start) / 1e6;
            List<Answer> answers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int[] ids = generated.get(i).stream().mapToInt(Integer::intValue).toArray();
                answers.add(new Answer(tokenizer.decode(ids), alternatives.get(i), latency));
            }
            return answers;
        }
    }

    /** Each model input's visual tokens, flattened to {@code M × D} values: what the probes of the encoders read. */
    public float[][] visualTokens(Variant variant, List<float[]> images) {
        try (NDManager manager = models.manager().newSubManager()) {
            NDArray tokens = encode(manager, variant, images);
            int width = Math.toIntExact(tokens.getShape().get(1) * tokens.getShape().get(2));
            float[] values = tokens.toFloatArray();
            float[][] perImage = new float[images.size()][];
            for (int i = 0; i < perImage.length; i++) {
                perImage[i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
            }
            return perImage;
        }
    }

    /** The visual tokens {@code (B, M, D)} of model inputs. */
    NDArray encode(NDManager manager, Variant variant, List<float[]> images) {
        int size = models.config().imageSize();
        float[] data = new float[images.size() * 3 * size * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, data, i * 3 * size * size, 3 * size * size);
        }
        NDArray batch = manager.create(data, new Shape(images.size(), 3, size, size));
        return models.eyes(variant).encoder().forward(ps, new NDList(batch), false).singletonOrThrow();
    }

    /** For every prompt, the distribution of the word after its prompt and the words generated so far. */
    private float[][] nextWordProbabilities(NDManager manager, Variant variant, NDArray tokens, List<int[]> prompts,
                                            List<List<Integer>> generated) {
        int n = prompts.size();
        int[] lengths = new int[n];
        int longest = 1;
        for (int i = 0; i < n; i++) {
            lengths[i] = prompts.get(i).length + generated.get(i).size();
            longest = Math.max(longest, lengths[i]);
        }
        int[] ids = new int[n * longest];
        for (int i = 0; i < n; i++) {
            int[] prompt = prompts.get(i);
            for (int j = 0; j < lengths[i]; j++) {
                ids[i * longest + j] = j < prompt.length ? prompt[j] : generated.get(i).get(j - prompt.length);
            }
        }
        NDArray logits = models.eyes(variant).languageModel()
                .forward(ps, new NDList(tokens, manager.create(ids, new Shape(n, longest))), false).singletonOrThrow();
        NDArray probabilities = logits.softmax(2);
        int vocabulary = models.tokenizer().size();
        float[] all = probabilities.toFloatArray();
        float[][] next = new float[n][];
        for (int i = 0; i < n; i++) {
            int offset = (i * longest + lengths[i] - 1) * vocabulary;
            next[i] = Arrays.copyOfRange(all, offset, offset + vocabulary);
        }
        return next;
    }

    private static List<Answer.Alternative> top(float[] probabilities, WordTokenizer tokenizer) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(probabilities[b], probabilities[a]));
        List<Answer.Alternative> top = new ArrayList<>(TOP_ALTERNATIVES);
        for (int k = 0; k < TOP_ALTERNATIVES; k++) {
            top.add(new Answer.Alternative(tokenizer.word(order[k]), probabilities[order[k]]));
        }
        return top;
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean v : values) {
            if (!v) {
                return false;
            }
        }
        return true;
    }

    /** Any picture as the encoder's input: {@code (3, 64, 64)} in [-1, 1]. */
    public float[] input(BufferedImage image) {
        return ImageTensors.toChw(image, models.config().imageSize());
    }

    /** Receives every DDIM step's estimate of the clean image, as a picture. */
    @FunctionalInterface
    public interface ReconstructionListener {
        void onStep(int step, int steps, BufferedImage estimate);
    }

    /**
     * What {@code variant}'s encoder kept: the input, averaged down to the UNet's size and noised to
     * {@code noiseFraction} of the schedule with noise from {@code seed}, denoised by the frozen UNet
     * conditioned only on the encoder's projected tokens.
     */
    public BufferedImage reconstruct(Variant variant, float[] image, float noiseFraction, int steps, long seed,
                                     ReconstructionListener listener) {
        return reconstruct(variant, image, image, noiseFraction, steps, seed, listener);
    }

    /**
     * As {@link #reconstruct(Variant, float[], float, int, long, ReconstructionListener)}, but conditioned
     * on the tokens of {@code conditionImage}: with another image's tokens, a model whose reconstruction
     * really depends on its tokens draws the wrong objects (the conditioning gap).
     */
    public BufferedImage reconstruct(Variant variant, float[] image, float[] conditionImage, float noiseFraction,
                                     int steps, long seed, ReconstructionListener listener) {
        int small = models.config().diffusionSize();
        try (NDManager manager = models.manager().newSubManager()) {
            NDArray tokens = encode(manager, variant, List.of(conditionImage));
            NDArray condition = models.eyes(variant).projection().forward(ps, new NDList(tokens), false)
                    .singletonOrThrow();
            NDArray mask = manager.ones(new Shape(1, condition.getShape().get(1)));
            NDArray x0 = manager.create(ImageTensors.halve(image, models.config().imageSize()),
                    new Shape(1, 3, small, small));
            NDArray noise = manager.create(gaussian(seed, 3 * small * small), new Shape(1, 3, small, small));
            NDArray result = diffusion.sample(ps, x0, noise, condition, mask, noiseFraction, steps,
                    listener == null ? null : (step, total, estimate) ->
                            listener.onStep(step, total, ImageTensors.fromChw(estimate.toFloatArray(), small)));
            return ImageTensors.fromChw(result.clip(-1f, 1f).toFloatArray(), small);
        }
    }

    /** Noise drawn in Java from the seed, so a reconstruction is the same on every engine and run. */
    private static float[] gaussian(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
