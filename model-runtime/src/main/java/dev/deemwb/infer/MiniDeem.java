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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
            throw new IllegalArgumentException(question.isBlank() ? "the question is empty"
                    : "the question has no words, only symbols: these models read English words");
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
     * ({@link #input}). A question the models cannot read ({@link #checkQuestion}) refuses the batch.
     */
    public List<Answer> answer(Variant variant, List<float[]> images, List<String> questions) {
        if (images.size() != questions.size()) {
            throw new IllegalArgumentException(images.size() + " images for " + questions.size() + " questions");
        }
        Decoding decoding = decoding(variant);
        List<CompletableFuture<Answer>> answers = decoding.admit(images, questions);
        for (CompletableFuture<Answer> answer : answers) {
            if (answer.isCompletedExceptionally()) {
                // admit checked every question: the batch is refused with the first bad one's reason
                try {
                    answer.join();
                } catch (CompletionException e) {
                    throw (RuntimeException) e.getCause();
                }
            }
        }
        while (decoding.inFlight() > 0) {
            decoding.step();
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** A decoding that questions can join between steps (for serving: see {@link Decoding}). */
    public Decoding decoding(Variant variant) {
        return new Decoding(variant);
    }

    /**
     * Greedy decoding by steps, which questions join and leave between steps (continuous batching, as
     * serving engines do): each step runs the language model once over every answer in flight, so
     * questions arriving while others decode share their model calls instead of waiting for them.
     * Confined, like the models, to their owner's thread.
     */
    public final class Decoding {

        private final Variant variant;
        private final List<Row> rows = new ArrayList<>();

        /** One answer in flight: its visual tokens {@code (M·D)}, prompt, words so far and where it goes. */
        private static final class Row {
            final float[] tokens;
            final int[] prompt;
            final List<Integer> generated = new ArrayList<>();
            final long start;
            final CompletableFuture<Answer> answer;
            List<Answer.Alternative> alternatives;

            Row(float[] tokens, int[] prompt, long start, CompletableFuture<Answer> answer) {
                this.tokens = tokens;
                this.prompt = prompt;
                this.start = start;
                this.answer = answer;
            }
        }

        private Decoding(Variant variant) {
            this.variant = variant;
        }

        /**
         * Encodes the images (one encoder call) and puts their questions in flight; each answer completes
         * in the step that ends it. A question the models cannot read fails alone, saying why; a failed
         * encoder call fails these and every answer in flight.
         */
        public List<CompletableFuture<Answer>> admit(List<float[]> images, List<String> questions) {
            if (images.size() != questions.size()) {
                throw new IllegalArgumentException(images.size() + " images for " + questions.size() + " questions");
            }
            long start = System.nanoTime();
            List<CompletableFuture<Answer>> answers = new ArrayList<>(questions.size());
            List<float[]> readable = new ArrayList<>();
            List<int[]> prompts = new ArrayList<>();
            List<CompletableFuture<Answer>> admitted = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                CompletableFuture<Answer> answer = new CompletableFuture<>();
                answers.add(answer);
                try {
                    checkQuestion(questions.get(i), models.tokenizer(), models.config().maxPromptLength());
                } catch (IllegalArgumentException e) {
                    answer.completeExceptionally(e);
                    continue;
                }
                readable.add(images.get(i));
                prompts.add(Prompts.question(models.tokenizer(), questions.get(i)));
                admitted.add(answer);
            }
            if (admitted.isEmpty()) {
                return answers;
            }
            float[] tokens;
            try (NDManager manager = models.manager().newSubManager()) {
                tokens = encode(manager, variant, readable).toFloatArray();
            } catch (RuntimeException e) {
                admitted.forEach(answer -> answer.completeExceptionally(e));
                failAll(e);
                throw e;
            }
            int width = tokens.length / admitted.size();
            for (int i = 0; i < admitted.size(); i++) {
                rows.add(new Row(Arrays.copyOfRange(tokens, i * width, (i + 1) * width), prompts.get(i), start,
                        admitted.get(i)));
            }
            return answers;
        }

        /** A failed model call fails every answer in flight: none is left waiting for a step that cannot run. */
        private void failAll(RuntimeException e) {
            rows.forEach(row -> row.answer.completeExceptionally(e));
            rows.clear();
        }

        /** Answers still decoding. */
        public int inFlight() {
            return rows.size();
        }

        /**
         * One language-model call over every answer in flight: each takes its most likely next word, and
         * those that end (end of answer, {@link #MAX_ANSWER_WORDS}, or a full context) complete. If the
         * call fails, every answer in flight fails with it.
         */
        public void step() {
            if (rows.isEmpty()) {
                return;
            }
            float[][] next;
            try (NDManager manager = models.manager().newSubManager()) {
                int width = rows.get(0).tokens.length;
                float[] tokens = new float[rows.size() * width];
                for (int i = 0; i < rows.size(); i++) {
                    System.arraycopy(rows.get(i).tokens, 0, tokens, i * width, width);
                }
                long[] shape = {rows.size(), models.config().visualTokens(), models.config().tokenDim()};
                next = nextWordProbabilities(manager, variant, manager.create(tokens, new Shape(shape)),
                        rows.stream().map(r -> r.prompt).toList(), rows.stream().map(r -> r.generated).toList());
            } catch (RuntimeException e) {
                failAll(e);
                throw e;
            }
            WordTokenizer tokenizer = models.tokenizer();
            List<Row> running = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (row.alternatives == null) {
                    row.alternatives = top(next[i], tokenizer);
                }
                int word = argMax(next[i]);
                boolean finished = word == WordTokenizer.EOS_ID;
                if (!finished) {
                    row.generated.add(word);
                    // The context is full: the answer ends here rather than read a cut prompt.
                    finished = row.generated.size() >= MAX_ANSWER_WORDS
                            || row.prompt.length + row.generated.size() >= models.config().maxPromptLength();
                }
                if (finished) {
                    int[] ids = row.generated.stream().mapToInt(Integer::intValue).toArray();
                    row.answer.complete(new Answer(tokenizer.decode(ids), row.alternatives,
                            (System.nanoTime() - row.start) / 1e6));
                } else {
                    running.add(row);
                }
            }
            rows.clear();
            rows.addAll(running);
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
