package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.TokenProbe;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"What each image encoder kept, apart from what its language model reads: per attribute (shape, "
                + "colour, structure, orientation and position of a lone object; the number of objects), a linear "
                + "classifier trained on the encoder's frozen visual tokens of fresh scenes, scored on a third of "
                + "them held out. Compare with `probe`, which asks the language models.",
            "--json prints {\"bundle\", \"seed\", \"scenes_per_attribute\", \"token_probes\": {variant: {attribute: "
                    + "{classes, train, test, accuracy, chance}}}} (fractions); chance is the held-out majority rate."})
final class DiagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--seed", defaultValue = "1000", paramLabel = "SEED",
            description = "Seed of the scenes; use one the bundle was not trained on (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--n", defaultValue = "900", paramLabel = "SCENES",
            description = "Scenes per attribute, two thirds to train each classifier (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (scenes < 6) {
            throw new ParameterException(spec.commandLine(), "--n must be at least 6, was " + scenes);
        }
        BundleManifest manifest = Bundles.readManifest(bundleOption.bundle);
        DjlSetup.configure();
        Map<String, Map<String, TokenProbe.Result>> result;
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
            result = new TokenProbe(new MiniDeem(models)).run(seed, scenes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("bundle", manifest.bundleId());
            report.put("seed", seed);
            report.put("scenes_per_attribute", scenes);
            report.put("token_probes", result);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        }
        out.printf(Locale.ROOT, "token probes: bundle %s, %d scenes per attribute from seed %d (a third held out)%n",
                manifest.bundleId(), scenes, seed);
        out.printf(Locale.ROOT, "%-12s %8s %8s %10s %10s %6s%n", "attribute", "classes", "chance", "baseline", "deem",
                "test");
        for (TokenProbe.Attribute attribute : TokenProbe.Attribute.values()) {
            TokenProbe.Result baseline = result.get(Variant.BASELINE.id()).get(attribute.id());
            TokenProbe.Result deem = result.get(Variant.DEEM.id()).get(attribute.id());
            out.printf(Locale.ROOT, "%-12s %8d %7.1f%% %9.1f%% %9.1f%% %6d%n", attribute.id(), baseline.classes(),
                    100 * baseline.chance(), 100 * baseline.accuracy(), 100 * deem.accuracy(), baseline.test());
        }
        return 0;
    }
}
