package dev.deemwb.cli;

import dev.deemwb.numerics.SafeKernels;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code deemwb}: the workbench's command line. Set {@code DEEMWB_DEBUG} to see stack traces of failures. */
@Command(name = "deemwb", mixinStandardHelpOptions = true, version = "deemwb 0.1.0",
        description = "DEEM Workbench: the shapes world, benchmarks and models from the command line.",
        subcommands = {WorldCommand.class, BenchCommand.class, TrainCommand.class, AskCommand.class,
            ReconstructCommand.class, ProbeCommand.class, EvalCommand.class, PerfCommand.class, ServePerfCommand.class,
            SoakCommand.class,
            ServeCommand.class, DiagnoseCommand.class, DoctorCommand.class, CurateCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        SafeKernels.relaunchIfNeeded(System.err);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + UserErrors.describe(e));
                    if (System.getenv("DEEMWB_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
    }
}
