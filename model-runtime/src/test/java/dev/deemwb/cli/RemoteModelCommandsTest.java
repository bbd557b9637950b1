package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.Capability;
import dev.deemwb.io.Json;
import dev.deemwb.eval.EvalReports;
import dev.deemwb.serve.ChatServer;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} and {@code ask} with {@code --model NAME=URL#MODEL-ID}, against a server on 127.0.0.1 serving an in-memory model. */
class RemoteModelCommandsTest {

    @TempDir
    static Path shared;

    private static Path bundle;
    private static Path suite;
    private static ChatServer server;
    private static final FakeContender YES = new FakeContender("always-yes", Set.of(Capability.ANSWER),
            (image, question) -> "Yes.");

    @TempDir
    Path out;

    @BeforeAll
    static void setUp() throws IOException {
        bundle = TestBundles.untrained(shared.resolve("bundle"));
        suite = shared.resolve("suite");
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(3, 4, 3, 6, 64), suite);
        server = ChatServer.start("127.0.0.1", 0, List.of(YES), ChatServer.Settings.defaults(ApiKey.none()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String model() {
        return "vlm=http://127.0.0.1:" + server.port() + "/v1#always-yes";
    }

    @Test
    void evalRunsAnEndpointBesideTheMiniPairAndComparesTheChosenPair() throws IOException {
        CliRun run = CliRun.of("eval", "--pope", suite.resolve("pope/mini_pope_random.jsonl").toString(), "--images",
                suite.resolve("pope/images").toString(), "--bundle", bundle.toString(), "--model", model(),
                "--compare", "deem,vlm", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode pope = Json.mapper().readTree(out.resolve(EvalReports.JSON_FILE).toFile()).get("runs").get(0);
        assertThat(pope.get("run").get("models")).extracting(JsonNode::asText).containsExactly("baseline", "deem", "vlm");
        assertThat(pope.get("run").get("contenders").get("vlm").asText()).startsWith("always-yes at http://127.0.0.1:");
        assertThat(pope.get("disagreement").get("first").asText()).isEqualTo("deem");
        assertThat(pope.get("disagreement").get("second").asText()).isEqualTo("vlm");
        assertThat(pope.get("latency_ms").get("vlm").get("n").asInt()).isEqualTo(24);
        JsonNode yesRatio = null;
        for (JsonNode metric : pope.get("metrics")) {
            if (metric.get("model").asText().equals("vlm") && metric.get("metric").asText().equals("yes_ratio")) {
                yesRatio = metric;
            }
        }
        assertThat(yesRatio.get("value").asDouble()).isEqualTo(1.0);
        assertThat(Files.readString(out.resolve("runs/pope_random/records.jsonl"))).contains("\"vlm\":{\"answer\":\"Yes.\"");
    }

    @Test
    void evalWithoutTheMiniPairAsksOnlyTheEndpoint() {
        CliRun run = CliRun.of("eval", "--pope", suite.resolve("pope/mini_pope_random.jsonl").toString(), "--images",
                suite.resolve("pope/images").toString(), "--bundle", bundle.toString(), "--model", model(),
                "--without-mini", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("vlm").doesNotContain("baseline");
    }

    @Test
    void askPrintsTheEndpointsAnswerBesideTheMiniPair() {
        CliRun run = CliRun.of("ask", "--bundle", bundle.toString(), "--image",
                suite.resolve("pope/images/pope_00001.png").toString(), "--question", "is there a circle",
                "--model", model(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().fieldNames()).toIterable().containsExactly("baseline", "deem", "vlm");
        assertThat(run.json().get("vlm").get("answer").asText()).isEqualTo("Yes.");
        assertThat(run.json().get("vlm").has("alternatives")).isFalse();
    }

    @Test
    void probeScoresTheEndpointPerCategoryBesideTheMiniPair() {
        CliRun run = CliRun.of("probe", "--bundle", bundle.toString(), "--n", "2", "--model", model(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().fieldNames()).toIterable().containsExactly("baseline", "deem", "vlm");
        assertThat(run.json().get("vlm").get("id").get("presence").isNumber()).isTrue();
        assertThat(YES.asked()).isNotEmpty();
    }

    @Test
    void serveRefusesToStartWithoutTheKeyItWasToldToRequire() {
        CliRun run = CliRun.of("serve", "--bundle", bundle.toString(), "--port", "0", "--api-key-env", "DEEMWB_NO_SUCH_VAR");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("environment variable DEEMWB_NO_SUCH_VAR holds no API key (it is not set)");
    }

    @Test
    void aMalformedModelOptionIsRefusedWithItsForm() {
        CliRun run = CliRun.of("eval", "--suite", "mini", "--benchmarks", suite.toString(), "--bundle", bundle.toString(),
                "--model", "just-a-name", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--model 'just-a-name': expected NAME=URL[#MODEL-ID]");
    }
}
