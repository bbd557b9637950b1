package dev.deemwb.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: generate the mini benchmarks, score predictions.")
final class BenchCommand {
}
