package dev.deemwb.app.probes;

import dev.deemwb.eval.BenchmarkKind;
import java.util.List;

/** An entry of the benchmark picker: one of the mini benchmarks, or a real benchmark file of a kind. */
sealed interface BenchmarkChoice {

    List<BenchmarkChoice> ALL = List.of(
            new Mini("mini-POPE random", "pope_random"),
            new Mini("mini-POPE popular", "pope_popular"),
            new Mini("mini-POPE adversarial", "pope_adversarial"),
            new Mini("mini-MMVP", "mmvp"),
            new Mini("mini-RobustVQA", "robustvqa"),
            new File("POPE split file…", BenchmarkKind.POPE),
            new File("MMVP Questions.csv…", BenchmarkKind.MMVP),
            new File("RobustVQA JSON…", BenchmarkKind.ROBUSTVQA));

    String label();

    /** @param name one of {@link ProbesViewModel#MINI} */
    record Mini(String label, String name) implements BenchmarkChoice {
        @Override
        public String toString() {
            return label;
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
