package dev.deemwb.eval;

import dev.deemwb.model.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results: each model's score by the benchmark's own scorer (ours from the records, external
 * ones from their files), the 2×2 disagreement of the compared pair, and the items that could not be
 * asked, with their reasons.
 *
 * @param info     what was run; null for an evaluation run in memory (of the mini pair)
 * @param scores   by model: the run's models in order, then any external model by its name
 * @param compared the two models of {@code disagreement}; null (and the table empty) for a run of one model
 */
public record RunReport(Benchmark<?> benchmark, RunInfo info, List<RunRecord> records,
                        Map<String, Benchmark.Scored<?>> scores, ComparedPair compared,
                        Map<Outcome, Integer> disagreement) {

    /** The report with the disagreement of the mini pair. */
    public static RunReport of(Benchmark<?> benchmark, RunInfo info, List<RunRecord> records,
                               Map<String, Map<String, String>> external) {
        return of(benchmark, info, records, external, ComparedPair.MINI);
    }

    public static RunReport of(Benchmark<?> benchmark, RunInfo info, List<RunRecord> records,
                               Map<String, Map<String, String>> external, ComparedPair compared) {
        List<String> models = info != null ? info.models() : Arrays.stream(Variant.values()).map(Variant::id).toList();
        Map<String, Benchmark.Scored<?>> scores = new LinkedHashMap<>();
        for (String model : models) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (RunRecord record : records) {
                RunRecord.ModelAnswer answer = record.answers().get(model);
                if (answer != null) {
                    answers.put(record.id(), answer.answer());
                }
            }
            scores.put(model, benchmark.score(model, answers));
        }
        external.forEach((name, answers) -> scores.put(name, benchmark.score(name, answers)));
        return new RunReport(benchmark, info, List.copyOf(records), scores, compared,
                compared == null ? Map.of() : Slices.counts(records, compared, Slices.Slice.ALL));
    }

    /**
     * Each model's score in the benchmark's own type, by model.
     *
     * @param ofBenchmark this report's benchmark, which gives the type
     */
    @SuppressWarnings("unchecked") // every score here came from this benchmark's own score(), typed S
    public <S> Map<String, S> scores(Benchmark<S> ofBenchmark) {
        if (ofBenchmark != benchmark) {
            throw new IllegalArgumentException("not this report's benchmark: " + ofBenchmark.name());
        }
        Map<String, S> typed = new LinkedHashMap<>();
        scores.forEach((model, scored) -> typed.put(model, ((Benchmark.Scored<S>) scored).score()));
        return typed;
    }

    /** Items some model could not be asked. */
    public List<RunRecord> errors() {
        return records.stream().filter(RunRecord::isError).toList();
    }

    /** Every model's metrics, in model order. */
    public List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        scores.values().forEach(scored -> metrics.addAll(scored.metrics()));
        return metrics;
    }
}
