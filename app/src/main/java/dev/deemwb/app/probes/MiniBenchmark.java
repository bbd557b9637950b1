package dev.deemwb.app.probes;

/** The mini benchmarks the probes screen runs in one click, generated once per machine. */
public enum MiniBenchmark {
    POPE_RANDOM("pope_random", "mini-POPE random"),
    POPE_POPULAR("pope_popular", "mini-POPE popular"),
    POPE_ADVERSARIAL("pope_adversarial", "mini-POPE adversarial"),
    MMVP("mmvp", "mini-MMVP"),
    ROBUSTVQA("robustvqa", "mini-RobustVQA");

    private final String benchmarkName;
    private final String label;

    MiniBenchmark(String benchmarkName, String label) {
        this.benchmarkName = benchmarkName;
        this.label = label;
    }

    /** The generated benchmark's {@code Benchmark.name()}. */
    public String benchmarkName() {
        return benchmarkName;
    }

    public String label() {
        return label;
    }
}
