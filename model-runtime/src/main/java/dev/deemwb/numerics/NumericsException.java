package dev.deemwb.numerics;

/** The engine's kernels failed the numerics check: nothing may be trained on them. */
public final class NumericsException extends IllegalStateException {

    private final transient NumericsReport report;

    public NumericsException(NumericsReport report) {
        super(report.failureMessage());
        this.report = report;
    }

    public NumericsReport report() {
        return report;
    }
}
