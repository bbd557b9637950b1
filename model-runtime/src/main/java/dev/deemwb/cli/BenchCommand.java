package dev.deemwb.cli;

import dev.deemwb.bench.mini.MiniBenchmarks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: generate the mini benchmarks, score predictions.",
        subcommands = {BenchCommand.Generate.class, ScoreCommand.class})
final class BenchCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write mini-POPE, mini-MMVP (with MMVP-VLM) and mini-RobustVQA, in the real "
                    + "benchmarks' formats with their PNG images, to a folder.")
    static final class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created if missing).")
        Path out;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of everything drawn (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--pope-images", defaultValue = "500",
                description = "Images per POPE split, six questions each (default: ${DEFAULT-VALUE}).")
        int popeImages;

        @Option(names = "--mmvp-pairs", defaultValue = "150", description = "MMVP pairs (default: ${DEFAULT-VALUE}).")
        int mmvpPairs;

        @Option(names = "--robustvqa-records", defaultValue = "1000",
                description = "RobustVQA records, two questions each (default: ${DEFAULT-VALUE}).")
        int robustVqaRecords;

        @Option(names = "--image-size", defaultValue = "64",
                description = "Side of the images in pixels; the models read 64 (default: ${DEFAULT-VALUE}).")
        int imageSize;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            MiniBenchmarks.Summary summary = MiniBenchmarks.generate(
                    new MiniBenchmarks.Spec(seed, popeImages, mmvpPairs, robustVqaRecords, imageSize), out);
            double seconds = (System.nanoTime() - start) / 1e9;
            summary.questions().forEach((name, n) -> spec.commandLine().getOut().printf("%-18s %6d questions%n", name, n));
            summary.images().forEach((name, n) -> spec.commandLine().getOut().printf("%-18s %6d images%n", name, n));
            spec.commandLine().getOut().printf("wrote %s in %.1f s%n", out, seconds);
            return 0;
        }
    }
}
