package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import dev.deemwb.model.WordTokenizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask both models (the CLIP-only baseline and DEEM) a question about an image.",
            "Prints each model's answer, its most likely first words with their probabilities, and how long it took."})
final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The picture (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = "--question", required = true, paramLabel = "TEXT", description = "The question, in the models' words.")
    String question;

    @Option(names = "--json", description = "Print one JSON object instead of the text report.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        // Everything that can be wrong with the input is checked before the engine starts (seconds).
        BundleManifest manifest = Bundles.readManifest(bundleOption.bundle);
        MiniDeem.checkQuestion(question, new WordTokenizer(manifest.vocabulary()), manifest.architecture().maxPromptLength());
        BufferedImage picture = ImageFiles.read(image);

        DjlSetup.configure();
        Map<Variant, Answer> answers = new EnumMap<>(Variant.class);
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
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
