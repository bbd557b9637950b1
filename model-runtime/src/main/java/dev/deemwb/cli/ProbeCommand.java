package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.CategoryProbe;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import dev.deemwb.world.Category;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Per-category accuracy of both models on fresh scenes: every template question of every scene, "
                + "on the clean render (id) and pooled over the out-of-distribution transforms at severity "
                + CategoryProbe.OOD_SEVERITY + " (ood).",
            "--json prints {\"baseline\": {\"id\": {category: fraction}, \"ood\": {...}}, \"deem\": {...}}; "
                    + "a category no scene asked about is null."})
final class ProbeCommand implements Callable<Integer> {

    private static final List<String> CONDITIONS = List.of("id", "ood");

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--seed", defaultValue = "1000", paramLabel = "SEED",
            description = "Seed of the scenes; use one the bundle was not trained on (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--n", defaultValue = "200", paramLabel = "SCENES",
            description = "Number of scenes (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--json", description = "Print one JSON object (fractions, not percents) instead of the table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (scenes < 1) {
            throw new ParameterException(spec.commandLine(), "--n must be at least 1, was " + scenes);
        }
        BundleManifest manifest = Bundles.readManifest(bundleOption.bundle); // a bad bundle is reported before the engine starts
        DjlSetup.configure();
        Map<String, Map<String, CategoryProbe.Accuracies>> result;
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
            result = new CategoryProbe(new MiniDeem(models)).run(seed, scenes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compactWriter().writeValueAsString(report(result)));
        } else {
            printTable(out, manifest.bundleId(), result);
        }
        return 0;
    }

    /** variant → condition → category → fraction; every category is present, null where nothing was asked. */
    private static Map<String, Object> report(Map<String, Map<String, CategoryProbe.Accuracies>> result) {
        Map<String, Object> report = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            Map<String, Object> conditions = new LinkedHashMap<>();
            for (String condition : CONDITIONS) {
                Map<String, Double> byCategory = result.get(variant.id()).get(condition).byCategory();
                Map<String, Double> row = new LinkedHashMap<>();
                for (Category category : Category.values()) {
                    row.put(category.id(), byCategory.get(category.id()));
                }
                conditions.put(condition, row);
            }
            report.put(variant.id(), conditions);
        }
        return report;
    }

    private void printTable(PrintWriter out, String bundleId,
                            Map<String, Map<String, CategoryProbe.Accuracies>> result) {
        out.printf(Locale.ROOT, "category probe: bundle %s, %d scenes from seed %d; ood = all transforms at severity %d%n",
                bundleId, scenes, seed, CategoryProbe.OOD_SEVERITY);
        out.printf(Locale.ROOT, "%-12s %12s %12s %13s %13s %8s %8s%n",
                "category", "baseline id", "deem id", "baseline ood", "deem ood", "n id", "n ood");
        CategoryProbe.Accuracies baselineId = result.get(Variant.BASELINE.id()).get("id");
        CategoryProbe.Accuracies deemId = result.get(Variant.DEEM.id()).get("id");
        CategoryProbe.Accuracies baselineOod = result.get(Variant.BASELINE.id()).get("ood");
        CategoryProbe.Accuracies deemOod = result.get(Variant.DEEM.id()).get("ood");
        for (Category category : Category.values()) {
            String id = category.id();
            out.printf(Locale.ROOT, "%-12s %12s %12s %13s %13s %8s %8s%n", id,
                    percent(baselineId, id), percent(deemId, id), percent(baselineOod, id), percent(deemOod, id),
                    count(baselineId, id), count(baselineOod, id));
        }
    }

    private static String percent(CategoryProbe.Accuracies accuracies, String category) {
        Double fraction = accuracies.byCategory().get(category);
        return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static String count(CategoryProbe.Accuracies accuracies, String category) {
        Integer n = accuracies.questions().get(category);
        return n == null ? "0" : n.toString();
    }
}
