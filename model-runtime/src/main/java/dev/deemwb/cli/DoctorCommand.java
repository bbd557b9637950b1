package dev.deemwb.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleException;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.numerics.CpuInfo;
import dev.deemwb.numerics.NumericsCheck;
import dev.deemwb.numerics.NumericsReport;
import dev.deemwb.numerics.SafeKernels;
import dev.deemwb.train.Vocabulary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks that the engine computes right on this machine: prints the engine, its version, device "
                + "and threads, the CPU's kernel flags and the instruction-set cap in effect, then runs the numerics "
                + "check (every convolution of the bundle's architecture and DEEM's CSR gradient path, float32 "
                + "against float64).",
            "Exit status: 0 when everything matched, 1 when something did not (each mismatch is named, with the fix)."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    /** The check to run; tests put in one with a wrong kernel. */
    NumericsCheck check = new NumericsCheck();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DjlSetup.configure();
        ModelConfig config = configToCheck(out);
        Engine engine = Engine.getInstance();
        out.printf(Locale.ROOT, "engine    %s %s, device %s, %s intra-op and %s inter-op threads%n",
                engine.getEngineName(), engine.getVersion(), engine.defaultDevice(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        CpuInfo cpu = CpuInfo.current();
        out.printf("cpu       %s; kernel flags: %s%n", cpu.model(), String.join(" ", cpu.kernelFlags()));
        out.printf("kernels   %s%n", SafeKernels.inEffect().source());
        out.printf("this cpu  %s%n", SafeKernels.cached().map(DoctorCommand::describe)
                .orElse("not checked at its default kernels yet (./deemwb does so on its first start without "
                        + SafeKernels.ISA_VARIABLE + ")"));
        NumericsReport report;
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = MiniDeemModels.create(manager, config, Vocabulary.standard())) {
            report = check.check(manager, models);
        }
        if (report.passed()) {
            out.printf(Locale.ROOT, "numerics  passed: %d checks, the worst at %.1f %% of its tolerance%n",
                    report.findings().size(), 100 * report.worstMargin());
            return 0;
        }
        spec.commandLine().getErr().println(report.failureMessage());
        return 1;
    }

    /** The bundle's architecture when its manifest reads, else the shipped default's. */
    private ModelConfig configToCheck(PrintWriter out) {
        try {
            return Bundles.readManifest(bundleOption.bundle).architecture();
        } catch (BundleException e) {
            out.println("bundle    " + e.getMessage() + "; checking the default architecture");
            return ModelConfig.standard();
        }
    }

    private static String describe(SafeKernels.Verdict verdict) {
        String refused = verdict.refused().entrySet().stream()
                .map(e -> e.getKey() + " refused (" + e.getValue() + ")").collect(Collectors.joining("; "));
        String chosen = verdict.isa() == null ? "no cap passed" : verdict.isa() + " passes";
        return "checked " + verdict.checked() + ": " + (refused.isEmpty() ? "" : refused + "; ") + chosen;
    }
}
