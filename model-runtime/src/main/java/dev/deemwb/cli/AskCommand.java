package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask both models (the CLIP-only baseline and DEEM), and any --model endpoints, a question about "
                + "an image.",
            "Prints each model's answer, its most likely first words with their probabilities (where the model gives "
                    + "them), and how long it took."})
final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Mixin
    ContenderOptions contenderOptions;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The picture (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = "--question", required = true, paramLabel = "TEXT", description = "The question, in the models' words.")
    String question;

    @Option(names = "--json", description = "Print one JSON object instead of the text report.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // Everything that can be wrong with the input is checked before the engine starts (seconds).
        if (!contenderOptions.withoutMini) {
            BundleManifest manifest = Bundles.readManifest(bundleOption.bundle);
            MiniDeem.checkQuestion(question, new WordTokenizer(manifest.vocabulary()),
                    manifest.architecture().maxPromptLength());
        }
        BufferedImage picture = ImageFiles.read(image);
        List<Contender> remote = ContenderOptions.connect(contenderOptions.endpoints());
        Map<Contender, Reply> replies = new LinkedHashMap<>();
        try {
            if (!contenderOptions.withoutMini) {
                DjlSetup.configure();
                try (NDManager manager = NDManager.newBaseManager();
                     MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
                    for (Contender mini : MiniContender.pair(new MiniDeem(models))) {
                        replies.put(mini, ask(mini, picture));
                    }
                }
            }
            for (Contender endpoint : remote) {
                replies.put(endpoint, ask(endpoint, picture));
            }
        } finally {
            remote.forEach(Contender::close);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compactWriter().writeValueAsString(report(replies)));
        } else {
            print(out, replies);
        }
        String failed = replies.entrySet().stream().filter(e -> !e.getValue().isAnswered())
                .map(e -> e.getKey().id() + ": " + e.getValue().error()).collect(Collectors.joining("; "));
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("ask: no answer from " + failed);
            return 1;
        }
        return 0;
    }

    private Reply ask(Contender contender, BufferedImage picture) {
        String problem = contender.questionProblem(question);
        return problem != null ? Reply.failed(problem, 0)
                : contender.answer(List.of(new Question(contender.prepare(picture), question))).join().get(0);
    }

    private static Map<String, Object> report(Map<Contender, Reply> replies) {
        Map<String, Object> report = new LinkedHashMap<>();
        replies.forEach((contender, reply) -> {
            Map<String, Object> model = new LinkedHashMap<>();
            if (!reply.isAnswered()) {
                model.put("error", reply.error());
                report.put(contender.id(), model);
                return;
            }
            model.put("answer", reply.text());
            if (!reply.alternatives().isEmpty()) {
                List<Map<String, Object>> alternatives = new ArrayList<>();
                for (Answer.Alternative alternative : reply.alternatives()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("word", alternative.word());
                    entry.put("probability", alternative.probability());
                    alternatives.add(entry);
                }
                model.put("alternatives", alternatives);
            }
            model.put("latency_ms", reply.latencyMillis());
            if (reply.usage() != null) {
                model.put("usage", reply.usage());
            }
            report.put(contender.id(), model);
        });
        return report;
    }

    private static void print(PrintWriter out, Map<Contender, Reply> replies) {
        replies.forEach((contender, reply) -> {
            String name = Arrays.stream(Variant.values()).filter(v -> v.id().equals(contender.id()))
                    .map(Variant::displayName).findFirst().orElse(contender.id());
            if (!reply.isAnswered()) {
                out.println(name + ": (no answer: " + reply.error() + ")");
                return;
            }
            out.println(name + ": " + (reply.text().isEmpty() ? "(no answer)" : reply.text()));
            if (!reply.alternatives().isEmpty()) {
                List<String> alternatives = reply.alternatives().stream()
                        .map(a -> String.format(Locale.ROOT, "%s %.1f %%", a.word(), 100 * a.probability()))
                        .toList();
                out.println("  first word: " + String.join(", ", alternatives));
            }
            out.printf(Locale.ROOT, "  latency: %.1f ms%s%n", reply.latencyMillis(), reply.usage() == null ? ""
                    : String.format(Locale.ROOT, "; tokens: %d in, %d out", reply.usage().promptTokens(),
                            reply.usage().completionTokens()));
        });
    }
}
