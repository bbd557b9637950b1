package dev.deemwb.eval;

import dev.deemwb.bench.Csv;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation's {@value #JSON_FILE} (every run: what was run, metrics, disagreement of the
 * compared pair, items that failed, each model's latency percentiles, timing) and {@value #CSV_FILE} (one row per metric: benchmark, model, metric, variant,
 * value, n and the confusion counts where they apply). Both atomically.
 */
public final class EvalReports {

    public static final String JSON_FILE = "report.json";
    public static final String CSV_FILE = "report.csv";
    static final List<String> CSV_HEADER = List.of("benchmark", "model", "metric", "variant", "value", "n",
            "tp", "fp", "tn", "fn");

    private EvalReports() {
    }

    /** An item that could not be asked, as the report lists it. */
    record FailedItem(String id, String image, String error) {
    }

    /**
     * One run's report with what it took: in this invocation, and over the whole run (every session of
     * a resumed run, batch by batch).
     */
    public record Entry(RunReport report, ProbeRunner.Timing thisInvocation, ProbeRunner.Timing wholeRun) {
    }

    public static void write(Path out, List<Entry> entries) throws IOException {
        Json.write(out.resolve(JSON_FILE), json(entries));
        List<List<String>> rows = new ArrayList<>();
        for (Entry entry : entries) {
            for (Metric m : entry.report().metrics()) {
                rows.add(List.of(m.benchmark(), m.model(), m.metric(), m.variant(),
                        m.value() == null ? "" : String.format(Locale.ROOT, "%.6f", m.value()), String.valueOf(m.n()),
                        text(m.tp()), text(m.fp()), text(m.tn()), text(m.fn())));
            }
        }
        Csv.write(out.resolve(CSV_FILE), CSV_HEADER, rows);
    }

    private static String text(Integer count) {
        return count == null ? "" : count.toString();
    }

    static Map<String, Object> json(List<Entry> entries) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generated", Instant.now().toString());
        List<Object> runs = new ArrayList<>();
        ProbeRunner.Timing wholeRuns = ProbeRunner.Timing.NONE;
        ProbeRunner.Timing invocation = ProbeRunner.Timing.NONE;
        for (Entry entry : entries) {
            RunReport r = entry.report();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("name", r.info().name());
            run.put("run", r.info());
            run.put("items", r.benchmark().items().size());
            run.put("answered", r.records().size() - r.errors().size());
            run.put("errors", r.errors().stream().map(e -> new FailedItem(e.id(), e.image(), e.error())).toList());
            run.put("metrics", r.metrics());
            Map<String, Object> skipped = new LinkedHashMap<>();
            r.scores().forEach((model, scored) -> skipped.put(model, scored.skipped().byReason()));
            run.put("skipped", skipped);
            Map<String, Object> cells = new LinkedHashMap<>();
            if (r.compared() != null) {
                cells.put("first", r.compared().first());
                cells.put("second", r.compared().second());
            }
            r.disagreement().forEach((outcome, count) -> cells.put(outcome.name().toLowerCase(Locale.ROOT), count));
            run.put("disagreement", cells);
            run.put("latency_ms", Latencies.of(r.records()));
            run.put("timing", timing(entry.wholeRun()));
            run.put("this_invocation", timing(entry.thisInvocation()));
            runs.add(run);
            wholeRuns = wholeRuns.plus(entry.wholeRun());
            invocation = invocation.plus(entry.thisInvocation());
        }
        report.put("runs", runs);
        report.put("timing", timing(wholeRuns));
        report.put("this_invocation", timing(invocation));
        return report;
    }

    /** Items run, questions per model, seconds (wall: summed over batches) and the rate per model. */
    private static Map<String, Object> timing(ProbeRunner.Timing timing) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items_run", timing.items());
        json.put("questions_per_model", timing.questions());
        json.put("questions_by_model", timing.modelQuestions());
        json.put("wall_seconds", timing.wallSeconds());
        json.put("model_seconds", timing.modelSeconds());
        Map<String, Double> rates = new LinkedHashMap<>();
        timing.modelSeconds().keySet().forEach(model -> rates.put(model, timing.questionsPerSecond(model)));
        json.put("questions_per_second", rates);
        return json;
    }
}
