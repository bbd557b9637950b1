package dev.deemwb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --bundle}, shared by every command that runs the models (a picocli mixin). */
final class BundleOption {

    @Option(names = "--bundle", defaultValue = "assets/models/mini-deem", paramLabel = "DIR",
            description = "Model bundle folder (default: ${DEFAULT-VALUE}).")
    Path bundle;
}
