package dev.deemwb.app.probes;

import dev.deemwb.eval.BenchmarkKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** An entry of the benchmark picker: one of the mini benchmarks, or a real benchmark file of a kind. */
sealed interface BenchmarkChoice {

    /** The picker's entries: every mini benchmark, then one file entry per kind. */
    List<BenchmarkChoice> ALL = Stream.<BenchmarkChoice>concat(
            Arrays.stream(MiniBenchmark.values()).map(Mini::new),
            Stream.of(new File("POPE split file…", BenchmarkKind.POPE),
                    new File("MMVP Questions.csv…", BenchmarkKind.MMVP),
                    new File("RobustVQA JSON…", BenchmarkKind.ROBUSTVQA))).toList();

    String label();

    record Mini(MiniBenchmark benchmark) implements BenchmarkChoice {
        @Override
        public String label() {
            return benchmark.label();
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** A file the user picks, with its image folder. */
    record File(String label, BenchmarkKind kind) implements BenchmarkChoice {
        @Override
        public String toString() {
            return label;
        }
    }
}
