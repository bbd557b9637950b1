package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.UnknownWordsException;
import dev.deemwb.model.Variant;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.world.Language;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask both models (the CLIP-only baseline and DEEM) a question about an image.",
            "Prints each model's answer, its most likely first words with their probabilities, and how long it took."})
final class AskCommand implements Callable<Integer> {

    /** Longest question accepted, in characters. */
    static final int MAX_QUESTION_CHARS = 200;
    /** Largest image decoded; bigger ones are refused from their header, before any pixel is read. */
    static final long MAX_PIXELS = 50_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--bundle", defaultValue = "assets/models/mini-deem", paramLabel = "DIR",
            description = "Model bundle folder (default: ${DEFAULT-VALUE}).")
    Path bundle;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The picture (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = "--question", required = true, paramLabel = "TEXT", description = "The question, in the models' words.")
    String question;

    @Option(names = "--json", description = "Print one JSON object instead of the text report.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // Everything that can be wrong with the input is checked before the engine starts (seconds).
        BundleManifest manifest = Bundles.readManifest(bundle);
        checkQuestion(question, new WordTokenizer(manifest.vocabulary()), manifest.architecture().maxPromptLength());
        BufferedImage picture = readImage(image);

        DjlSetup.configure();
        Map<Variant, Answer> answers = new EnumMap<>(Variant.class);
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundle, manager)) {
            MiniDeem miniDeem = new MiniDeem(models);
            float[] input = miniDeem.input(picture);
            for (Variant variant : Variant.values()) {
                answers.put(variant, miniDeem.answer(variant, List.of(input), List.of(question)).get(0));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compactWriter().writeValueAsString(report(answers)));
        } else {
            print(out, answers);
        }
        return 0;
    }

    /**
     * Refuses a question the models cannot read: empty, over {@link #MAX_QUESTION_CHARS} characters,
     * with words outside the vocabulary (naming them), or too many words for the language model's
     * context, which leaves room for at least one answer word.
     */
    static void checkQuestion(String question, WordTokenizer tokenizer, int maxPromptLength) {
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
     * Decodes an image file, refusing — with the file and the reason — what is not an image and
     * images over {@link #MAX_PIXELS} pixels, the latter from the header alone so a decompression
     * bomb never reaches the decoder.
     */
    static BufferedImage readImage(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder, not an image");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAnImage(file, null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkPixelCount(file, reader);
                return decode(file, reader);
            } finally {
                reader.dispose();
            }
        }
    }

    private static void checkPixelCount(Path file, ImageReader reader) {
        long width;
        long height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw notAnImage(file, e);
        }
        if (width * height > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d×%d pixels is over the %d-megapixel limit",
                    file, width, height, MAX_PIXELS / 1_000_000));
        }
    }

    private static BufferedImage decode(Path file, ImageReader reader) {
        BufferedImage decoded;
        try {
            decoded = reader.read(0);
        } catch (IOException | RuntimeException e) { // decoders of damaged files throw both kinds
            throw notAnImage(file, e);
        }
        if (decoded == null) {
            throw notAnImage(file, null);
        }
        return decoded;
    }

    private static IllegalArgumentException notAnImage(Path file, Throwable cause) {
        return new IllegalArgumentException(file + ": not a readable image", cause);
    }

    private static Map<String, Object> report(Map<Variant, Answer> answers) {
        Map<String, Object> report = new LinkedHashMap<>();
        answers.forEach((variant, answer) -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("answer", answer.text());
            List<Map<String, Object>> alternatives = new ArrayList<>();
            for (Answer.Alternative alternative : answer.alternatives()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("word", alternative.word());
                entry.put("probability", alternative.probability());
                alternatives.add(entry);
            }
            model.put("alternatives", alternatives);
            model.put("latency_ms", answer.latencyMillis());
            report.put(variant.id(), model);
        });
        return report;
    }

    private static void print(PrintWriter out, Map<Variant, Answer> answers) {
        answers.forEach((variant, answer) -> {
            out.println(variant.displayName() + ": " + (answer.text().isEmpty() ? "(no answer)" : answer.text()));
            List<String> alternatives = answer.alternatives().stream()
                    .map(a -> String.format(Locale.ROOT, "%s %.1f %%", a.word(), 100 * a.probability()))
                    .toList();
            out.println("  first word: " + String.join(", ", alternatives));
            out.printf(Locale.ROOT, "  latency: %.1f ms%n", answer.latencyMillis());
        });
    }
}
