package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.TokenProbe;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Variant;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.train.MiniDeemTraining;
import dev.deemwb.train.OracleLanguageModel;
import dev.deemwb.train.Recipe;
import dev.deemwb.world.Category;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
                    + "{classes, train, test, accuracy, chance}}}} (fractions); chance is the held-out majority rate.",
            "--oracle instead trains the oracle language model: the bundle's LMM architecture and vocabulary, trained "
                    + "as the LMM stage trains but fed each scene's symbolic object tokens (shape, colour, orientation, "
                    + "fill, row, column), and scores it per category on every template question of fresh scenes. "
                    + "What it cannot learn with perfect eyes, no encoder can teach it. --json prints {\"bundle\", "
                    + "\"train_seed\", \"seed\", \"scenes\", \"steps\", \"oracle\": {category: {right, asked, "
                    + "accuracy}}}."})
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

    @Option(names = "--oracle", description = "Train and score the oracle language model instead (a few minutes).")
    boolean oracle;

    @Option(names = "--steps", paramLabel = "N",
            description = "With --oracle: training steps (default: the bundle recipe's LMM steps).")
    Integer steps;

    @Option(names = "--layers", paramLabel = "N",
            description = "With --oracle: transformer layers of the language model (default: the bundle's); with "
                    + "--checkpoint: those it was trained with (train's --lmm-layers).")
    Integer layers;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Probe the encoders of a training stage's checkpoint (<work>/checkpoints/<stage>, as "
                    + "`train --stop-after` leaves it) instead of a bundle.")
    Path checkpoint;

    @Option(names = "--architecture", defaultValue = "standard", paramLabel = "NAME",
            description = "With --checkpoint: the architecture it was trained with, standard or tiny "
                    + "(default: ${DEFAULT-VALUE}).")
    String architecture;

    @Override
    public Integer call() throws IOException {
        if (scenes < 6) {
            throw new ParameterException(spec.commandLine(), "--n must be at least 6, was " + scenes);
        }
        if (checkpoint != null && oracle) {
            throw new ParameterException(spec.commandLine(), "--oracle trains its own language model: it takes a "
                    + "bundle, not --checkpoint");
        }
        DjlSetup.configure();
        if (oracle) {
            return runOracle(Bundles.readManifest(bundleOption.bundle));
        }
        String probed;
        Map<String, Map<String, TokenProbe.Result>> result;
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = checkpoint != null
                     ? MiniDeemTraining.loadCheckpoint(manager, checkpointArchitecture(), checkpoint)
                     : Bundles.load(bundleOption.bundle, manager)) {
            probed = checkpoint != null ? checkpoint.toString() : Bundles.readManifest(bundleOption.bundle).bundleId();
            result = new TokenProbe(new MiniDeem(models)).run(seed, scenes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put(checkpoint != null ? "checkpoint" : "bundle", probed);
            report.put("seed", seed);
            report.put("scenes_per_attribute", scenes);
            report.put("token_probes", result);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        }
        out.printf(Locale.ROOT, "token probes: %s %s, %d scenes per attribute from seed %d (a third held out)%n",
                checkpoint != null ? "checkpoint" : "bundle", probed, scenes, seed);
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

    private ModelConfig checkpointArchitecture() {
        ModelConfig config = switch (architecture) {
            case "standard" -> ModelConfig.standard();
            case "tiny" -> ModelConfig.tiny();
            default -> throw new ParameterException(spec.commandLine(), "--architecture takes standard or tiny, not '"
                    + architecture + "'");
        };
        return layers == null ? config : config.withLmmLayers(validLayers());
    }

    private int validLayers() {
        if (layers < 1) {
            throw new ParameterException(spec.commandLine(), "--layers must be at least 1, was " + layers);
        }
        return layers;
    }

    /** Diagnostic 1a; the training scenes come from the bundle's own seed, the scored ones from {@code --seed}. */
    private int runOracle(BundleManifest manifest) throws IOException {
        Recipe recipe = Recipe.fromManifest(manifest.recipeName(), manifest.recipe());
        if (steps != null) {
            if (steps < 1) {
                throw new ParameterException(spec.commandLine(), "--steps must be at least 1, was " + steps);
            }
            recipe = recipe.with(Map.of("lmmSteps", Integer.toString(steps)));
        }
        ModelConfig architecture = manifest.architecture();
        if (layers != null) {
            architecture = architecture.withLmmLayers(validLayers());
        }
        PrintWriter err = spec.commandLine().getErr();
        Path logs = Files.createTempDirectory("deemwb-oracle-");
        err.println("training log: " + logs.resolve("lmm-oracle.jsonl"));
        Map<Category, OracleLanguageModel.Score> scores = new OracleLanguageModel(architecture,
                new WordTokenizer(manifest.vocabulary()), recipe).trainAndScore(manifest.seed(), seed, scenes, logs,
                line -> {
                    err.println(line);
                    err.flush();
                });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> perCategory = new LinkedHashMap<>();
            scores.forEach((category, score) -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("right", score.right());
                fields.put("asked", score.asked());
                fields.put("accuracy", score.accuracy());
                perCategory.put(category.id(), fields);
            });
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("bundle", manifest.bundleId());
            report.put("train_seed", manifest.seed());
            report.put("seed", seed);
            report.put("scenes", scenes);
            report.put("steps", recipe.lmmSteps());
            report.put("lmm_layers", architecture.lmmLayers());
            report.put("oracle", perCategory);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        }
        out.printf(Locale.ROOT, "oracle LMM: %s's architecture with %d LMM layers, %d steps, fed symbolic object tokens; "
                + "%d fresh scenes from seed %d%n", manifest.bundleId(), architecture.lmmLayers(), recipe.lmmSteps(),
                scenes, seed);
        out.printf(Locale.ROOT, "%-12s %9s %8s%n", "category", "accuracy", "asked");
        scores.forEach((category, score) -> out.printf(Locale.ROOT, "%-12s %8.1f%% %8d%n", category.id(),
                100 * score.accuracy(), score.asked()));
        return 0;
    }
}
