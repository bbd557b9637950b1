package dev.deemwb.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Variant;
import dev.deemwb.model.WordTokenizer;
import dev.deemwb.numerics.NumericsCheck;
import dev.deemwb.numerics.NumericsException;
import dev.deemwb.testing.Heavy;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Heavy
class MiniDeemTrainingTest {

    /** Enough steps of a tiny model for the losses to move, in seconds. */
    private static final Recipe SMOKE = new Recipe(30, 8, 2e-3f, 4f, 60, 16, 2e-3f, 10, 8, 5e-4f, 5f, 0.4f, 0.9f, 5,
            100, 32, 3e-3f, 20f, 0.3f, 0f);

    @TempDir
    Path dir;

    @Test
    void lossesFallAndTheBundleRoundTrips() throws IOException {
        DjlSetup.configure();
        Engine.getInstance().setRandomSeed(5);
        WordTokenizer tokenizer = Vocabulary.standard();
        List<String> progress = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
            new MiniDeemTraining(models, SMOKE, 5, dir.resolve("work"), progress::add).run();

            for (String stage : List.of("diffusion", "lmm-baseline", "lmm-deem")) {
                List<Double> losses = firstLoss(dir.resolve("work/logs/" + stage + ".jsonl"));
                assertThat(losses.get(losses.size() - 1)).as(stage).isLessThan(0.9 * losses.get(0));
            }
            // Contrastive learning is slow at this size: 60 steps only start the fall.
            List<Double> clip = firstLoss(dir.resolve("work/logs/clip.jsonl"));
            assertThat(clip.get(clip.size() - 1)).isLessThan(clip.get(0));
            assertThat(progress).anyMatch(line -> line.startsWith("fork-deem step 10/10") && line.contains("csr="));

            BundleManifest manifest = new BundleManifest(BundleManifest.SCHEMA_VERSION, "smoke", "test", ModelConfig.tiny(),
                    tokenizer.vocabulary(), "smoke", Json.mapper().valueToTree(SMOKE), 5, null, Bundles.describe(models), null);
            Bundles.write(dir.resolve("bundle"), models, manifest);
            List<float[]> images = images(3);
            List<String> questions = List.of("How many objects are there?", "Is there a circle in the image?",
                    "What color is the square?");
            List<Answer> before = new MiniDeem(models).answer(Variant.DEEM, images, questions);
            try (MiniDeemModels loaded = Bundles.load(dir.resolve("bundle"), manager)) {
                List<Answer> after = new MiniDeem(loaded).answer(Variant.DEEM, images, questions);
                for (int i = 0; i < questions.size(); i++) {
                    assertThat(after.get(i).text()).isEqualTo(before.get(i).text());
                    assertThat(after.get(i).alternatives().get(0).probability())
                            .isCloseTo(before.get(i).alternatives().get(0).probability(),
                                    org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void aFinishedRunResumesWithoutRetraining() throws IOException {
        DjlSetup.configure();
        Recipe tiny = Recipe.tiny();
        WordTokenizer tokenizer = Vocabulary.standard();
        try (NDManager manager = NDManager.newBaseManager()) {
            MiniDeemTraining.Summary first;
            try (MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
                first = new MiniDeemTraining(models, tiny, 2, dir, line -> { }).run();
            }
            List<String> progress = new ArrayList<>();
            try (MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
                MiniDeemTraining.Summary summary = new MiniDeemTraining(models, tiny, 2, dir, progress::add).run();
                assertThat(progress).as("nothing is trained again").containsExactly("resuming after stage 'lmm'");
                // The earlier run's stages are still reported, from their logs.
                assertThat(summary.stageSeconds()).containsOnlyKeys(first.stageSeconds().keySet());
                assertThat(summary.finalLosses()).isEqualTo(first.finalLosses());
            }
        }
    }

    @Test
    void aRunResumedAfterAStageTrainsEveryBlockOfTheLaterStages() throws IOException {
        DjlSetup.configure();
        Recipe tiny = Recipe.tiny();
        WordTokenizer tokenizer = Vocabulary.standard();
        try (NDManager manager = NDManager.newBaseManager()) {
            try (MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
                new MiniDeemTraining(models, tiny, 3, dir, line -> { }).run();
            }
            for (String stage : List.of("clip", "fork", "lmm")) {
                try (var files = Files.walk(dir.resolve("checkpoints").resolve(stage))) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            List<String> progress = new ArrayList<>();
            try (MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
                new MiniDeemTraining(models, tiny, 3, dir, progress::add).run();
            }
            assertThat(progress.get(0)).isEqualTo("resuming after stage 'diffusion'");
            assertThat(progress.get(1)).startsWith("numerics check passed");
            for (String block : List.of("baseline-encoder", "deem-encoder", "deem-projection", "deem-lmm")) {
                byte[] before = Files.readAllBytes(dir.resolve("checkpoints/diffusion/" + block + ".params"));
                byte[] after = Files.readAllBytes(dir.resolve("checkpoints/lmm/" + block + ".params"));
                assertThat(after).as(block + " was trained after resuming").isNotEqualTo(before);
            }
            byte[] clip = Files.readAllBytes(dir.resolve("checkpoints/clip/deem-encoder.params"));
            byte[] fork = Files.readAllBytes(dir.resolve("checkpoints/fork/deem-encoder.params"));
            assertThat(fork).as("DEEM's encoder, copied from the baseline's, still trains in the fork").isNotEqualTo(clip);
        }
    }

    @Test
    void aRunStoppedAfterAStageCheckpointsItAndTheFullRunResumesFromIt() throws IOException {
        DjlSetup.configure();
        WordTokenizer tokenizer = Vocabulary.standard();
        try (NDManager manager = NDManager.newBaseManager()) {
            try (MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
                new MiniDeemTraining(models, Recipe.tiny(), 5, dir, line -> { }).runThrough("clip");
            }
            assertThat(dir.resolve("checkpoints/clip/COMPLETE")).exists();
            assertThat(dir.resolve("checkpoints/fork")).doesNotExist();
            assertThat(dir.resolve("logs/fork-deem.jsonl")).doesNotExist();

            List<String> progress = new ArrayList<>();
            try (MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), tokenizer)) {
                new MiniDeemTraining(models, Recipe.tiny(), 5, dir, progress::add).run();
            }
            assertThat(progress.get(0)).isEqualTo("resuming after stage 'clip'");
            assertThat(dir.resolve("checkpoints/lmm/COMPLETE")).exists();
        }
    }

    @Test
    void aRunRefusesToStartOnKernelsThatComputeWrong() {
        DjlSetup.configure();
        NumericsCheck wrongOutputConvolution = new NumericsCheck((x, w, b, shape) -> {
            NDArray y = NumericsCheck.ENGINE.apply(x, w, b, shape);
            return shape.outChannels() == 3 ? y.add(0.5f) : y;
        });
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), Vocabulary.standard())) {
            MiniDeemTraining training = new MiniDeemTraining(models, Recipe.tiny(), 4, dir, line -> { },
                    wrongOutputConvolution);

            assertThatThrownBy(training::run).isInstanceOf(NumericsException.class)
                    .hasMessageContaining("conv2d forward wrong for 8→3 channels")
                    .hasMessageContaining("unet/output")
                    .hasMessageContaining("ONEDNN_MAX_CPU_ISA=SSE41");
            assertThat(dir.resolve("logs")).as("nothing was trained").doesNotExist();
        }
    }

    private static List<Double> firstLoss(Path log) throws IOException {
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode entry = Json.mapper().readTree(line);
            values.add(entry.get("losses").elements().next().asDouble());
            assertThat(entry.has("time_s")).isTrue();
        }
        return values;
    }

    private static List<float[]> images(int count) {
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(dev.deemwb.model.ImageTensors.toChw(new SceneRenderer().render(new SceneGenerator().generate(i), 64), 64));
        }
        return images;
    }
}
