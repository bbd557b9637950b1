package dev.deemwb.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.EvaluationTable;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.train.MiniDeemTraining;
import dev.deemwb.train.Recipe;
import dev.deemwb.train.Vocabulary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a mini-DEEM bundle (baseline and DEEM) from a recipe and a seed, evaluate it on "
                + "fresh seeds and write it to a folder.",
            "Progress goes to standard error; the training logs and per-stage checkpoints to --work, from which "
                    + "an interrupted run resumes."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle folder to write.")
    Path out;

    @Option(names = "--recipe", defaultValue = "standard", description = "standard, csr-throughout or tiny (default: ${DEFAULT-VALUE}).")
    String recipeName;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Change one field of the recipe, by its name in the manifest (repeatable), e.g. "
                    + "--set lmmSteps=8000: how a variant is tried. The bundle records the changed recipe.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--stop-after", paramLabel = "STAGE",
            description = "Stop once this stage (diffusion, clip, fork or lmm) is trained and checkpointed, without "
                    + "writing a bundle: `diagnose --checkpoint` measures it; the same command without this option "
                    + "resumes and finishes.")
    String stopAfter;

    @Option(names = "--lmm-layers", paramLabel = "N",
            description = "Transformer layers of both language models (default: the architecture's, "
                    + "2 in standard). The bundle's manifest records the architecture it was trained with.")
    Integer lmmLayers;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Logs and checkpoints (default: .cache/training/<bundle>-seed<seed>).")
    Path work;

    @Option(names = "--eval-seed", defaultValue = "1000",
            description = "Seed of the evaluation scenes, unseen in training (default: ${DEFAULT-VALUE}).")
    long evalSeed;

    @Override
    public Integer call() throws Exception {
        Recipe recipe;
        try {
            recipe = Recipe.named(recipeName).with(overrides);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (stopAfter != null && !MiniDeemTraining.STAGES.contains(stopAfter)) {
            throw new ParameterException(spec.commandLine(), "--stop-after takes one of " + MiniDeemTraining.STAGES
                    + ", not '" + stopAfter + "'");
        }
        String recordedName = recipeName + overrides.entrySet().stream().map(e -> "+" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
        ModelConfig config = recipeName.equals("tiny") ? ModelConfig.tiny() : ModelConfig.standard();
        if (lmmLayers != null) {
            if (lmmLayers < 1) {
                throw new ParameterException(spec.commandLine(), "--lmm-layers must be at least 1, was " + lmmLayers);
            }
            config = config.withLmmLayers(lmmLayers);
        }
        Path workDir = work != null ? work : Path.of(".cache", "training", out.getFileName() + "-seed" + seed);
        DjlSetup.configureAllCores();
        Engine.getInstance().setRandomSeed((int) seed);
        WordTokenizer tokenizer = Vocabulary.standard();
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = MiniDeemModels.create(manager, config, tokenizer)) {
            MiniDeemTraining training = new MiniDeemTraining(models, recipe, seed, workDir,
                    line -> spec.commandLine().getErr().println(line));
            if (stopAfter != null) {
                training.runThrough(stopAfter);
                spec.commandLine().getOut().printf(Locale.ROOT, "stopped after stage '%s'; its checkpoint: %s%n",
                        stopAfter, workDir.resolve("checkpoints").resolve(stopAfter));
                return 0;
            }
            MiniDeemTraining.Summary summary = training.run();
            // Summed over stages, so a resumed run counts the stages an earlier run trained too.
            double trainingSeconds = summary.stageSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
            spec.commandLine().getErr().println("evaluating on fresh scenes (seed " + evalSeed + ")...");
            EvaluationTable.Sizes sizes = recipeName.equals("tiny") ? EvaluationTable.Sizes.tiny()
                    : EvaluationTable.Sizes.standard();
            var evaluation = EvaluationTable.build(new MiniDeem(models), evalSeed, sizes, workDir);
            BundleManifest manifest = new BundleManifest(BundleManifest.SCHEMA_VERSION, out.getFileName().toString(),
                    "mini-DEEM: a CLIP-only baseline and DEEM on the procedural shapes world",
                    config, tokenizer.vocabulary(), recordedName, Json.mapper().valueToTree(recipe), seed,
                    new BundleManifest.Training(trainingSeconds, summary.stageSeconds(), summary.finalLosses(),
                            steps(recipe)),
                    Bundles.describe(models), evaluation);
            Bundles.write(out, models, manifest);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (trained in %.0f s)%n", out,
                    trainingSeconds);
        }
        return 0;
    }

    private static Map<String, Integer> steps(Recipe recipe) {
        Map<String, Integer> steps = new LinkedHashMap<>();
        steps.put("diffusion", recipe.diffusionSteps());
        steps.put("clip", recipe.clipSteps());
        steps.put("fork", recipe.forkSteps());
        steps.put("projection", recipe.projectionSteps());
        steps.put("lmm", recipe.lmmSteps());
        return steps;
    }
}
