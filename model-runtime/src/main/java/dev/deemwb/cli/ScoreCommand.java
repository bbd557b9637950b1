package dev.deemwb.cli;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.BinaryMetrics;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.PredictionFiles;
import dev.deemwb.bench.Skips;
import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpLabelCorrections;
import dev.deemwb.bench.mmvp.MmvpPattern;
import dev.deemwb.bench.mmvp.MmvpScore;
import dev.deemwb.bench.mmvp.MmvpScorer;
import dev.deemwb.bench.mmvp.MmvpVlmFiles;
import dev.deemwb.bench.mmvp.MmvpVlmScore;
import dev.deemwb.bench.mmvp.MmvpVlmScorer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeScore;
import dev.deemwb.bench.pope.PopeScorer;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaScore;
import dev.deemwb.bench.robustvqa.RobustVqaScorer;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score predictions against a benchmark and print the metrics table.",
            "Predictions: pope — POPE's official answer file ({\"question\", \"answer\"} per line, in label order);",
            "mmvp — {\"index\", \"answer\"} per line; mmvp-vlm — {\"qid\", \"image\": 0|1};",
            "robustvqa — {\"question_id\": \"imagenet_r[3].gt\", \"answer\"}.",
            "Predictions that match no question, and questions without one, are reported as skipped."})
final class ScoreCommand implements Callable<Integer> {

    enum Format { pope, mmvp, mmvp_vlm, robustvqa }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, converter = FormatConverter.class,
            description = "pope, mmvp, mmvp-vlm or robustvqa.")
    Format format;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "The benchmark file: a POPE split (.jsonl), MMVP or MMVP-VLM Questions.csv, RobustVQA .json.")
    Path labels;

    @Option(names = "--predictions", required = true, paramLabel = "FILE", description = "The model's answers (JSON Lines).")
    Path predictions;

    @Option(names = "--json", description = "Print one JSON object (fractions, not percents) instead of the table.")
    boolean json;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            String name = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Format format : Format.values()) {
                if (format.name().equals(name)) {
                    return format;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown format '" + value + "' (known: pope, mmvp, mmvp-vlm, robustvqa)");
        }
    }

    @Override
    public Integer call() throws IOException {
        Map<String, Object> report = switch (format) {
            case pope -> pope();
            case mmvp -> mmvp();
            case mmvp_vlm -> mmvpVlm();
            case robustvqa -> robustVqa();
        };
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compactWriter().writeValueAsString(report));
        } else {
            MetricsTable.print(out, format.name().replace('_', '-') + "  " + labels.getFileName(), report);
        }
        return 0;
    }

    private Map<String, Object> pope() throws IOException {
        PopeScore score = PopeScorer.score(nonEmpty(PopeFiles.readQuestions(labels)), PopeFiles.readAnswers(predictions));
        BinaryMetrics m = score.official();
        requireScored(m.n(), score.skipped());
        return report(score.skipped(), report -> {
            report.put("accuracy", m.accuracy());
            report.put("precision", m.precision());
            report.put("recall", m.recall());
            report.put("f1", m.f1());
            report.put("yes_ratio", m.yesRatio());
            report.put("tp", m.tp());
            report.put("fp", m.fp());
            report.put("tn", m.tn());
            report.put("fn", m.fn());
            report.put("n", m.n());
            putExactMatch(report, "exact_match", score.exactMatch());
        });
    }

    private Map<String, Object> mmvp() throws IOException {
        var pairs = nonEmpty(MmvpFiles.readQuestions(labels));
        var answers = PredictionFiles.readAnswersByIndex(predictions);
        MmvpScorer.requireNotTheLabels(pairs, answers);
        MmvpScore score = MmvpScorer.score(pairs, answers);
        requireScored(score.questions().total(), score.skipped());
        var corrected = MmvpLabelCorrections.corrected(pairs).map(fixed -> MmvpScorer.score(fixed, answers));
        return report(score.skipped(), report -> {
            putAccuracy(report, "question", score.questions());
            putPairs(report, score.pairs(), score.pairsByPattern());
            corrected.ifPresent(fixed -> {
                // MMVP's four known label errors corrected; the figures above are the labels as published.
                putAccuracy(report, "labels_corrected_question", fixed.questions());
                putAccuracy(report, "labels_corrected_pair", fixed.pairs());
            });
        });
    }

    private Map<String, Object> mmvpVlm() throws IOException {
        MmvpVlmScore score = MmvpVlmScorer.score(nonEmpty(MmvpVlmFiles.readStatements(labels)),
                PredictionFiles.readChosenImages(predictions));
        requireScored(score.pairs().total(), score.skipped());
        return report(score.skipped(), report -> {
            report.put("mean_pair_accuracy", score.meanPairAccuracy());
            putPairs(report, score.pairs(), score.pairsByPattern());
        });
    }

    private Map<String, Object> robustVqa() throws IOException {
        RobustVqaScore score = RobustVqaScorer.score(nonEmpty(RobustVqaFiles.read(labels).questions()),
                PredictionFiles.readAnswersById(predictions));
        requireScored(score.overall().accuracy().total(), score.skipped());
        return report(score.skipped(), report -> {
            score.bySplit().forEach((split, exact) -> putExactMatch(report, split, exact));
            putExactMatch(report, "overall", score.overall());
        });
    }

    /** A report: the format's metrics in order, then, for every format alike, what was skipped and why. */
    private static Map<String, Object> report(Skips skipped, Consumer<Map<String, Object>> metrics) {
        Map<String, Object> report = new LinkedHashMap<>();
        metrics.accept(report);
        report.put("skipped", skipped.count());
        report.put("skipped_by_reason", skipped.byReason());
        return report;
    }

    /** A benchmark without questions is a mistake (a wrong or truncated file), not a perfect score of 0 of 0. */
    private <T> List<T> nonEmpty(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(labels + ": no questions to score");
        }
        return items;
    }

    /**
     * Predictions of which none could be scored (an empty file, ids matching no label) are a mistake to
     * report, not an accuracy of 0. The benchmark has questions (see {@link #nonEmpty}), so every one of
     * them was skipped, each with its reason.
     */
    private void requireScored(int scored, Skips skipped) {
        if (scored == 0) {
            String reasons = skipped.byReason().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(predictions + ": no prediction could be scored against " + labels
                    + " (skipped: " + reasons + "); every metric would be n/a");
        }
    }

    /** A fraction over nothing (a pattern or split no item fell in) is n/a: null in JSON. */
    private static void putAccuracy(Map<String, Object> report, String name, Accuracy accuracy) {
        report.put(name + "_accuracy", accuracy.fraction());
        report.put(name + "_n", accuracy.total());
    }

    /** MMVP's pair accuracy (a pair counts only if both are right), overall and per visual pattern. */
    private static void putPairs(Map<String, Object> report, Accuracy pairs, Map<MmvpPattern, Accuracy> byPattern) {
        putAccuracy(report, "pair", pairs);
        byPattern.forEach((pattern, accuracy) -> putAccuracy(report, "pair_" + pattern.id(), accuracy));
    }

    /** DEEM's variant: an answer counts only if, cleaned, it is exactly the right yes or no. */
    private static void putExactMatch(Map<String, Object> report, String name, ExactMatch exact) {
        putAccuracy(report, name, exact.accuracy());
        report.put(name + "_not_yes_or_no", exact.notYesOrNo());
    }
}
