package dev.deemwb.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per model, the median, 90th and 99th percentile of the latencies its records carry. */
public record Latencies(int n, double p50, double p90, double p99) {

    /** Model → percentiles, for the models whose answers carry a latency. */
    public static Map<String, Latencies> of(List<RunRecord> records) {
        Map<String, List<Double>> byModel = new LinkedHashMap<>();
        for (RunRecord record : records) {
            record.answers().forEach((model, answer) -> {
                if (answer.latencyMillis() != null) {
                    byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(answer.latencyMillis());
                }
            });
        }
        Map<String, Latencies> result = new LinkedHashMap<>();
        byModel.forEach((model, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            result.put(model, new Latencies(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9),
                    percentile(sorted, 0.99)));
        });
        return result;
    }

    /** The nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
