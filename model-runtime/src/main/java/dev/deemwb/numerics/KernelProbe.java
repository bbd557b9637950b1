package dev.deemwb.numerics;

import ai.djl.ndarray.NDManager;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.WordTokenizer;
import java.util.List;

/**
 * The numerics check in a process of its own, at whatever {@value SafeKernels#ISA_VARIABLE} its
 * environment holds, on the shapes of the shipped and the test configurations (the vocabulary, which
 * sizes only embeddings and output heads, is the world's own words). Prints each failure
 * on a line starting with {@value #FAILURE}; exits 0 when everything passed, 3 when not.
 */
public final class KernelProbe {

    static final String FAILURE = "failure: ";

    private KernelProbe() {
    }

    public static void main(String[] args) {
        DjlSetup.configure();
        boolean passed = true;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (ModelConfig config : List.of(ModelConfig.standard(), ModelConfig.tiny())) {
                try (MiniDeemModels models = MiniDeemModels.create(manager, config, WordTokenizer.forWorld(List.of()))) {
                    NumericsReport report = new NumericsCheck().check(manager, models);
                    for (NumericsReport.Finding failure : report.failures()) {
                        System.out.println(FAILURE + failure.describe());
                    }
                    passed &= report.passed();
                }
            }
        }
        System.exit(passed ? 0 : 3);
    }
}
