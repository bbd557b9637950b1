package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.CategoryProbe;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.world.Category;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
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
        description = {"Per-category accuracy of the mini pair (and any --model endpoints) on fresh scenes: every template question of every scene, "
                + "on the clean render (id) and pooled over the out-of-distribution transforms at severity "
                + CategoryProbe.OOD_SEVERITY + " (ood).",
            "--json prints {\"baseline\": {\"id\": {category: fraction}, \"ood\": {...}}, \"deem\": {...}, ...}; "
                    + "a category no scene asked about is null; a question a model could not take counts as wrong."})
final class ProbeCommand implements Callable<Integer> {

    private static final List<String> CONDITIONS = List.of("id", "ood");

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Mixin
    ContenderOptions contenderOptions;

    @Option(names = "--seed", defaultValue = "1000", paramLabel = "SEED",
            description = "Seed of the scenes; use one the bundle was not trained on (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--n", defaultValue = "200", paramLabel = "SCENES",
            description = "Number of scenes (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--json", description = "Print one JSON object (fractions, not percents) instead of the table.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (scenes < 1) {
            throw new ParameterException(spec.commandLine(), "--n must be at least 1, was " + scenes);
        }
        BundleManifest manifest = Bundles.readManifest(bundleOption.bundle); // a bad bundle is reported before the engine starts
        int imageSize = manifest.architecture().imageSize();
        List<Contender> remote = ContenderOptions.connect(contenderOptions.endpoints());
        Map<String, Map<String, CategoryProbe.Accuracies>> result = new LinkedHashMap<>();
        try {
            if (!contenderOptions.withoutMini) {
                DjlSetup.configure();
                try (NDManager manager = NDManager.newBaseManager();
                     MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
                    result.putAll(new CategoryProbe(MiniContender.pair(new MiniDeem(models)), imageSize).run(seed, scenes));
                }
            }
            result.putAll(new CategoryProbe(remote, imageSize).run(seed, scenes));
        } finally {
            remote.forEach(Contender::close);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compactWriter().writeValueAsString(report(result)));
        } else {
            printTable(out, manifest.bundleId(), result);
        }
        return 0;
    }

    /** model → condition → category → fraction; every category is present, null where nothing was asked. */
    private static Map<String, Object> report(Map<String, Map<String, CategoryProbe.Accuracies>> result) {
        Map<String, Object> report = new LinkedHashMap<>();
        result.forEach((model, byCondition) -> {
            Map<String, Object> conditions = new LinkedHashMap<>();
            for (String condition : CONDITIONS) {
                Map<String, Double> byCategory = byCondition.get(condition).byCategory();
                Map<String, Double> row = new LinkedHashMap<>();
                for (Category category : Category.values()) {
                    row.put(category.id(), byCategory.get(category.id()));
                }
                conditions.put(condition, row);
            }
            report.put(model, conditions);
        });
        return report;
    }

    /** One column per model and condition (every model's id, then its ood), then the question counts. */
    private void printTable(PrintWriter out, String bundleId,
                            Map<String, Map<String, CategoryProbe.Accuracies>> result) {
        out.printf(Locale.ROOT, "category probe: bundle %s, %d scenes from seed %d; ood = all transforms at severity %d%n",
                bundleId, scenes, seed, CategoryProbe.OOD_SEVERITY);
        List<String> headers = new ArrayList<>();
        List<CategoryProbe.Accuracies> columns = new ArrayList<>();
        for (String condition : CONDITIONS) {
            result.forEach((model, byCondition) -> {
                headers.add(model + " " + condition);
                columns.add(byCondition.get(condition));
            });
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s", "category"));
        headers.forEach(h -> header.append(String.format(Locale.ROOT, " %12s", h)));
        out.println(header.append(String.format(Locale.ROOT, " %8s %8s", "n id", "n ood")));
        Map<String, CategoryProbe.Accuracies> first = result.values().iterator().next();
        for (Category category : Category.values()) {
            String id = category.id();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s", id));
            columns.forEach(column -> line.append(String.format(Locale.ROOT, " %12s", percent(column, id))));
            out.println(line.append(String.format(Locale.ROOT, " %8s %8s", count(first.get("id"), id),
                    count(first.get("ood"), id))));
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
