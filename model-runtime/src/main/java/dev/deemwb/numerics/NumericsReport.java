package dev.deemwb.numerics;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the numerics check found: one finding per operation and shape, each the largest error of
 * the float32 result against the float64 reference, relative to the reference's largest value.
 */
public record NumericsReport(List<Finding> findings) {

    /** How to get correct kernels, said wherever a mismatch is reported. */
    public static final String FIX = "this CPU's oneDNN kernels compute wrong float32 results; start the program with "
            + SafeKernels.ISA_VARIABLE + "=" + SafeKernels.SAFE_ISA + " in its environment (./deemwb, the app and the "
            + "tests do so by themselves where this check fails; README, 'CPUs and numerics')";

    public NumericsReport {
        findings = List.copyOf(findings);
    }

    /**
     * @param op        what was compared, e.g. "conv2d input gradient" or "CSR gradient at deem-encoder/conv1/weight"
     * @param shape     the shape it was compared on
     * @param usedBy    the model blocks that run it
     * @param error     max |float32 − float64| / max |float64| (NaN when the float32 result holds a NaN)
     * @param tolerance the largest error accepted
     */
    public record Finding(String op, String shape, String usedBy, double error, double tolerance) {

        public boolean ok() {
            return error <= tolerance;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s wrong for %s (used by %s): relative error %s, tolerance %.0e",
                    op, shape, usedBy, Double.isNaN(error) ? "NaN" : String.format(Locale.ROOT, "%.3g", error),
                    tolerance);
        }
    }

    public boolean passed() {
        return findings.stream().allMatch(Finding::ok);
    }

    public List<Finding> failures() {
        return findings.stream().filter(f -> !f.ok()).toList();
    }

    /** The largest error relative to its tolerance: how close the worst check came to failing. */
    public double worstMargin() {
        return findings.stream().mapToDouble(f -> Double.isNaN(f.error) ? Double.POSITIVE_INFINITY : f.error / f.tolerance)
                .max().orElse(0);
    }

    /** Every failure on its own line, then the fix; empty when the check passed. */
    public String failureMessage() {
        if (passed()) {
            return "";
        }
        return "numerics check failed (" + failures().size() + " of " + findings.size() + " checks):\n"
                + failures().stream().map(f -> "  " + f.describe()).collect(Collectors.joining("\n"))
                + "\nfix: " + FIX;
    }
}
