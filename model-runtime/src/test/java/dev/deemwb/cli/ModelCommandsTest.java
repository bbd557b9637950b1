package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.Json;
import dev.deemwb.io.Png;
import dev.deemwb.world.Category;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ask}, {@code reconstruct}, {@code probe} and {@code perf} on a tiny bundle trained once for
 * the class. Tiny models answer nonsense: these tests check the shape of what the commands print and
 * write, and how they refuse bad input, never whether an answer is right.
 */
class ModelCommandsTest {

    private static final String QUESTION = "How many objects are there?";

    @TempDir
    static Path shared;

    private static Path bundle;
    private static Path scenePng;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTinyBundle() throws IOException {
        bundle = shared.resolve("tiny-bundle");
        CliRun train = CliRun.of("train", "--recipe", "tiny", "--out", bundle.toString(),
                "--work", shared.resolve("work").toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        scenePng = shared.resolve("scene.png");
        Files.write(scenePng, Png.encode(new SceneRenderer().render(new SceneGenerator().generate(7), 128)));
    }

    private static CliRun ask(Path image, String question, String... more) {
        List<String> args = new ArrayList<>(List.of("ask", "--bundle", bundle.toString(), "--image", image.toString(),
                "--question", question));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLineFailure(CliRun run, String command, String... contents) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("deemwb " + command + ": ").contains(contents);
    }

    @Test
    void askPrintsBothModelsAnswers() {
        CliRun run = ask(scenePng, QUESTION);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("CLIP-only baseline: ", "DEEM: ", "first word: ", "latency: ", " %");
    }

    @Test
    void askAsJsonGivesBothModelsWithThreeAlternatives() {
        CliRun run = ask(scenePng, QUESTION, "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("baseline", "deem");
        for (String model : List.of("baseline", "deem")) {
            JsonNode answer = json.get(model);
            assertThat(answer.get("answer").isTextual()).as(model).isTrue();
            assertThat(answer.get("latency_ms").asDouble()).as(model).isPositive();
            JsonNode alternatives = answer.get("alternatives");
            assertThat(alternatives).as(model).hasSize(3);
            for (JsonNode alternative : alternatives) {
                assertThat(alternative.get("word").asText()).isNotEmpty();
                assertThat(alternative.get("probability").asDouble()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void askRefusesUnknownWordsNamingThem() {
        CliRun run = ask(scenePng, "Is there a zebra or a unicorn in the image?");

        assertOneLineFailure(run, "ask", "unknown words: zebra, unicorn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void askRefusesAnEmptyQuestion(String question) {
        assertOneLineFailure(ask(scenePng, question), "ask", "the question is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?!", "\uD83D\uDE42 \uD83D\uDC4D"})
    void askRefusesAQuestionOfSymbolsOnlySayingSo(String question) {
        assertOneLineFailure(ask(scenePng, question), "ask", "the question has no words, only symbols");
    }

    @Test
    void askRefusesAnOverlongQuestion() {
        String question = "is there a circle ".repeat(12); // 216 characters

        assertOneLineFailure(ask(scenePng, question), "ask", "216 characters", "200");
    }

    @Test
    void askRefusesAQuestionLongerThanTheLanguageModelReads() {
        String question = "is there a circle ".repeat(6).trim(); // 24 known words in 107 characters

        assertOneLineFailure(ask(scenePng, question), "ask", "the question has 24 words");
    }

    @Test
    void askRefusesAFileThatIsNotAnImage() throws IOException {
        Path notes = dir.resolve("notes.png");
        Files.writeString(notes, "these are notes, not pixels\n");

        assertOneLineFailure(ask(notes, QUESTION), "ask", notes + ": not a readable image");
    }

    @Test
    void askRefusesAHugeImageFromItsHeader() throws IOException {
        Path huge = dir.resolve("huge.png");
        // One bit per pixel and all white: 60 megapixels that compress to a few kilobytes.
        assertThat(ImageIO.write(new BufferedImage(10_000, 6_000, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile()))
                .isTrue();

        assertOneLineFailure(ask(huge, QUESTION), "ask", huge + ": 10000×6000 pixels is over the 50-megapixel limit");
    }

    @Test
    void reconstructWritesOneStripOfThreeEnlargedPanels() throws IOException {
        Path strip = dir.resolve("out/strip.png");

        CliRun run = CliRun.of("reconstruct", "--bundle", bundle.toString(), "--image", scenePng.toString(),
                "--out", strip.toString(), "--scale", "2", "--steps", "3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        BufferedImage image = ImageIO.read(strip.toFile());
        assertThat(image.getWidth()).isEqualTo(3 * 32 * 2 + 2 * ReconstructCommand.GAP);
        assertThat(image.getHeight()).isEqualTo(32 * 2);
        try (var files = Files.list(strip.getParent())) {
            assertThat(files).containsExactly(strip); // no temporary file left behind
        }
    }

    @Test
    void reconstructRejectsANoiseLevelOutsideTheSchedule() {
        Path strip = dir.resolve("strip.png");

        CliRun run = CliRun.of("reconstruct", "--bundle", bundle.toString(), "--image", scenePng.toString(),
                "--out", strip.toString(), "--noise", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--noise must be in (0, 1]");
        assertThat(strip).doesNotExist();
    }

    @Test
    void probeAsJsonGivesIdAndOodAccuracyPerCategoryForBothModels() {
        CliRun run = CliRun.of("probe", "--bundle", bundle.toString(), "--seed", "1000", "--n", "2", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("baseline", "deem");
        List<String> categories = Arrays.stream(Category.values()).map(Category::id).toList();
        for (String model : List.of("baseline", "deem")) {
            assertThat(json.get(model).fieldNames()).toIterable().as(model).containsExactly("id", "ood");
            for (String condition : List.of("id", "ood")) {
                JsonNode row = json.get(model).get(condition);
                assertThat(row.fieldNames()).toIterable().as(model + " " + condition)
                        .containsExactlyElementsOf(categories);
                row.forEach(value -> assertThat(value.isNumber()).as(model + " " + condition + " " + row).isTrue());
                row.forEach(value -> assertThat(value.asDouble()).isBetween(0.0, 1.0));
            }
        }
    }

    @Test
    void diagnoseAsJsonGivesAHeldOutTokenProbePerAttributeForBothEncoders() {
        CliRun run = CliRun.of("diagnose", "--bundle", bundle.toString(), "--seed", "1000", "--n", "30", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode probes = run.json().get("token_probes");
        assertThat(probes.fieldNames()).toIterable().containsExactly("baseline", "deem");
        for (String model : List.of("baseline", "deem")) {
            assertThat(probes.get(model).fieldNames()).toIterable().as(model)
                    .containsExactly("shape", "color", "structure", "orientation", "position", "count");
            probes.get(model).forEach(result -> {
                assertThat(result.get("train").asInt()).isEqualTo(20);
                assertThat(result.get("test").asInt()).isEqualTo(10);
                assertThat(result.get("accuracy").asDouble()).isBetween(0.0, 1.0);
                assertThat(result.get("chance").asDouble()).isBetween(1.0 / result.get("classes").asInt(), 1.0);
            });
        }
    }

    @Test
    void aStageCheckpointIsProbedLikeABundle() {
        Path clip = shared.resolve("work/checkpoints/clip");
        CliRun run = CliRun.of("diagnose", "--checkpoint", clip.toString(), "--architecture", "tiny", "--n", "30",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("checkpoint").asText()).isEqualTo(clip.toString());
        assertThat(run.json().get("token_probes").fieldNames()).toIterable().containsExactly("baseline", "deem");
    }

    @Test
    void aFolderThatIsNoFinishedCheckpointIsRefused() {
        CliRun run = CliRun.of("diagnose", "--checkpoint", dir.toString(), "--architecture", "tiny");

        assertOneLineFailure(run, "diagnose", dir.toString(), "is not a finished stage's checkpoint");
    }

    @Test
    void aRecipeChangeNamingNoFieldIsRefusedBeforeAnythingTrains() {
        CliRun run = CliRun.of("train", "--recipe", "tiny", "--set", "lmmStep=5", "--out",
                dir.resolve("b").toString(), "--work", dir.resolve("w").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown recipe field 'lmmStep'", "lmmSteps");
        assertThat(dir.resolve("w")).doesNotExist();
    }

    @Test
    void theOracleIsScoredOnEveryTemplateQuestionOfTheFreshScenes() {
        CliRun run = CliRun.of("diagnose", "--bundle", bundle.toString(), "--oracle", "--seed", "1000", "--n", "12",
                "--steps", "5", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("steps").asInt()).isEqualTo(5);
        JsonNode oracle = run.json().get("oracle");
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            for (QaPair qa : Questions.all(new SceneGenerator().generate(Seeds.derive(1000, i)))) {
                expected.merge(qa.category().id(), 1, Integer::sum);
            }
        }
        assertThat(oracle.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((category, asked) -> {
            assertThat(oracle.get(category).get("asked").asInt()).as(category).isEqualTo(asked);
            assertThat(oracle.get(category).get("right").asInt()).as(category).isBetween(0, asked);
        });
    }

    @Test
    void perfWritesTheDocumentedReport() throws IOException {
        Path report = dir.resolve("perf.json");

        CliRun run = CliRun.of("perf", "--bundle", bundle.toString(), "--out", report.toString(),
                "--warmup", "1", "--repeats", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("questions/s", "wrote " + report);
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("date").asText()).isNotBlank();
        assertThat(json.get("java_version").asText()).isNotBlank();
        assertThat(json.get("bundle_id").asText()).isEqualTo("tiny-bundle");
        assertThat(json.has("engine_threads")).isTrue();
        assertThat(json.get("available_processors").asInt()).isPositive();
        for (String measurement : List.of("question_ms", "reconstruction_ms")) {
            for (String model : List.of("both_models", "baseline", "deem")) {
                JsonNode stats = json.get(measurement).get(model);
                assertThat(stats.get("median").asDouble()).as(measurement + " " + model).isPositive();
                assertThat(stats.get("p90").asDouble()).as(measurement + " " + model)
                        .isGreaterThanOrEqualTo(stats.get("median").asDouble());
            }
        }
        assertThat(json.get("reconstruction_ms").get("steps").asInt()).isEqualTo(20);
        JsonNode throughput = json.get("batched_questions_per_second");
        assertThat(throughput.get("batch_size").asInt()).isEqualTo(256);
        assertThat(throughput.get("baseline").asDouble()).isPositive();
        assertThat(throughput.get("deem").asDouble()).isPositive();
        JsonNode training = json.get("training_step_ms");
        assertThat(training.get("batch_size").asInt()).isEqualTo(32);
        for (String step : List.of("unet_denoising", "csr_encoder_through_unet")) {
            assertThat(training.get(step).get("median").asDouble()).as(step).isPositive();
        }
        assertThat(json.get("kernels").asText()).contains("ONEDNN_MAX_CPU_ISA");
        assertThat(json.get("rss_mb").get("start").asDouble()).isPositive();
        assertThat(json.get("rss_mb").get("end").asDouble()).isPositive();
        assertThat(json.get("rss_mb").get("java_heap_committed_end").asDouble()).isPositive();
        JsonNode flops = json.get("flops");
        assertThat(flops.get("per_question_one_model").asDouble()).isGreaterThan(flops.get("encoder").asDouble())
                .isPositive();
        assertThat(flops.get("peak_flops_per_second").asDouble()).isPositive();
        assertThat(flops.get("peak_assumption").asText()).contains("ASSUMED");
        assertThat(flops.get("fraction_of_peak").asDouble()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ask", "reconstruct", "probe", "diagnose", "perf"})
    void aMissingBundleIsAOneLineFailureNamingIt(String command) {
        Path missing = dir.resolve("no-such-bundle");
        Path out = dir.resolve("out.file");
        List<String> args = new ArrayList<>(List.of(command, "--bundle", missing.toString()));
        switch (command) {
            case "ask" -> args.addAll(List.of("--image", scenePng.toString(), "--question", QUESTION));
            case "reconstruct" -> args.addAll(List.of("--image", scenePng.toString(), "--out", out.toString()));
            case "perf" -> args.addAll(List.of("--out", out.toString()));
            default -> { }
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertOneLineFailure(run, command, missing.toString(), "no such bundle folder");
        assertThat(out).doesNotExist();
    }
}
