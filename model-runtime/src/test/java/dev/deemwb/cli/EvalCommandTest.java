package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.bench.Csv;
import dev.deemwb.bench.CsvTable;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.eval.EvalReports;
import dev.deemwb.io.Json;
import dev.deemwb.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} on small mini benchmarks and an untrained bundle: what it writes, prints and exits with. */
class EvalCommandTest {

    @TempDir
    static Path shared;

    private static Path bundle;
    private static Path suite;

    @TempDir
    Path out;

    @BeforeAll
    static void setUp() throws IOException {
        bundle = TestBundles.untrained(shared.resolve("bundle"));
        suite = shared.resolve("suite");
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(3, 4, 3, 6, 64), suite);
    }

    @Test
    void theMiniSuiteWritesAReportWhoseCsvRowsAreItsMetrics() throws IOException {
        CliRun run = CliRun.of("eval", "--suite", "mini", "--benchmarks", suite.toString(), "--bundle", bundle.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = Json.mapper().readTree(out.resolve(EvalReports.JSON_FILE).toFile());
        assertThat(report.get("runs")).extracting(r -> r.get("name").asText())
                .containsExactly("pope_random", "pope_popular", "pope_adversarial", "mmvp", "robustvqa");
        assertThat(report.get("runs").get(3).get("run").get("benchmark_seed").asLong()).isEqualTo(3);
        assertThat(report.get("timing").get("questions_per_second").get("deem").asDouble()).isPositive();
        CsvTable csv = Csv.read(out.resolve(EvalReports.CSV_FILE));
        int metrics = 0;
        for (JsonNode r : report.get("runs")) {
            metrics += r.get("metrics").size();
        }
        assertThat(csv.rows()).hasSize(metrics);
        JsonNode first = report.get("runs").get(0).get("metrics").get(0);
        assertThat(csv.rows().get(0).get(csv.column("value"))).isEqualTo(String.format(Locale.ROOT, "%.6f",
                first.get("value").asDouble()));
        assertThat(run.out()).contains("pope_adversarial", "pair (both right)", "exact match (DEEM)");
        assertThat(Files.readAllLines(out.resolve("runs/mmvp/records.jsonl"))).hasSize(6);
    }

    @Test
    void runningAgainResumesAndRunsNothingTwice() throws IOException {
        String[] args = {"eval", "--pope", suite.resolve("pope/mini_pope_random.jsonl").toString(), "--images",
            suite.resolve("pope/images").toString(), "--bundle", bundle.toString(), "--out", out.toString()};
        assertThat(CliRun.of(args).exitCode()).isZero();

        JsonNode first = Json.mapper().readTree(out.resolve(EvalReports.JSON_FILE).toFile()).get("timing");

        CliRun again = CliRun.of(args);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("pope_random: 24 items, 0 run now");
        JsonNode report = Json.mapper().readTree(out.resolve(EvalReports.JSON_FILE).toFile());
        assertThat(report.get("this_invocation").get("items_run").asInt()).isZero();
        JsonNode whole = report.get("timing");
        assertThat(whole.get("items_run").asInt()).as("the whole run, not the last invocation").isEqualTo(24);
        assertThat(whole.get("questions_by_model").get("deem").asInt()).isEqualTo(24);
        assertThat(whole.get("wall_seconds").asDouble()).isPositive()
                .isLessThanOrEqualTo(first.get("wall_seconds").asDouble() + 1e-9);
        assertThat(whole.get("questions_per_second").get("deem").asDouble())
                .isEqualTo(first.get("questions_per_second").get("deem").asDouble());
    }

    @Test
    void theTableShowsEachModelsOwnNAndNotAvailableForARatioOverNothing() throws IOException {
        Path split = suite.resolve("pope/mini_pope_random.jsonl");
        Path predictions = out.resolve("partial.jsonl");
        // Ten of the 24 questions answered, always "no": the external model never says yes.
        StringBuilder lines = new StringBuilder();
        for (String line : Files.readAllLines(split).subList(0, 10)) {
            lines.append("{\"question_id\": ").append(Json.mapper().readTree(line).get("question_id").asInt())
                    .append(", \"answer\": \"no\"}\n");
        }
        Files.writeString(predictions, lines);

        CliRun run = CliRun.of("eval", "--pope", split.toString(), "--images", suite.resolve("pope/images").toString(),
                "--bundle", bundle.toString(), "--out", out.toString(), "--predictions", predictions.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String precision = run.out().lines().filter(l -> l.contains(" precision ")).findFirst().orElseThrow();
        assertThat(precision).contains("(24)").endsWith("n/a (10)");
        String accuracy = run.out().lines().filter(l -> l.contains(" accuracy ") && l.contains("official"))
                .findFirst().orElseThrow();
        assertThat(accuracy).endsWith("(10)");
        JsonNode metrics = Json.mapper().readTree(out.resolve(EvalReports.JSON_FILE).toFile())
                .get("runs").get(0).get("metrics");
        JsonNode externalPrecision = null;
        for (JsonNode m : metrics) {
            if (m.get("model").asText().equals("external") && m.get("metric").asText().equals("precision")) {
                externalPrecision = m;
            }
        }
        assertThat(externalPrecision).isNotNull();
        assertThat(externalPrecision.get("value").isNull()).as("n/a is null in JSON, never 0").isTrue();
        assertThat(externalPrecision.get("n").asInt()).isEqualTo(10);
    }

    @Test
    void anUnreadableBenchmarkFileFailsWithItsName() throws IOException {
        Path broken = out.resolve("broken.jsonl");
        Files.writeString(broken, "{\"question_id\": 1, \"image\": \"a.png\"\n");

        CliRun run = CliRun.of("eval", "--pope", broken.toString(), "--images", out.toString(),
                "--bundle", bundle.toString(), "--out", out.resolve("report").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("deemwb eval: ").contains("broken.jsonl", "line 1");
    }

    @Test
    void itemsThatCannotBeAskedMakeTheExitStatusThreeAndAreReported() throws IOException {
        Path split = out.resolve("coco_pope_random.json");
        Files.writeString(split, "{\"question_id\": 1, \"image\": \"gone.jpg\", \"text\": \"Is there a circle in the image?\", "
                + "\"label\": \"yes\"}\n");

        CliRun run = CliRun.of("eval", "--pope", split.toString(), "--images", out.toString(),
                "--bundle", bundle.toString(), "--out", out.resolve("report").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("1 items could not be asked");
        JsonNode errors = Json.mapper().readTree(out.resolve("report").resolve(EvalReports.JSON_FILE).toFile())
                .get("runs").get(0).get("errors");
        assertThat(errors.get(0).get("error").asText()).endsWith("gone.jpg: no such file");
    }

    @Test
    void filesWithoutImagesIsBadUsage() {
        CliRun run = CliRun.of("eval", "--mmvp", "Questions.csv", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--images is needed");
    }
}
