package dev.deemwb.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.ChatCompletions;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.Reply;
import dev.deemwb.contender.Question;
import dev.deemwb.infer.Answer;
import dev.deemwb.contender.Capability;
import dev.deemwb.contender.EndpointException;
import dev.deemwb.contender.EndpointSettings;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.contender.OpenAiEndpoint;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.io.Png;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.MiniSuite;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.RunRecords;
import dev.deemwb.testing.TestBundles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint client against {@code ./deemwb serve}'s server over real HTTP on 127.0.0.1: a mini
 * benchmark asked through the server gets exactly the in-process answers; bad requests and keys get
 * OpenAI-style errors.
 */
class ServeRoundTripTest {

    private static final String KEY = "serve-test-key-123";

    @TempDir
    static Path shared;

    private static Path suite;
    private static InferenceWorker worker;
    private static ChatServer server;
    private static NDManager manager;
    private static List<Contender> inProcess;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Path bundle = TestBundles.untrained(shared.resolve("bundle"));
        suite = shared.resolve("suite");
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(5, 6, 3, 4, 64), suite);
        worker = InferenceWorker.start(bundle);
        ApiKey key = ApiKey.fromEnvironment("KEY", Map.of("KEY", KEY));
        server = ChatServer.start("127.0.0.1", 0, MiniContender.pairOn(worker),
                new ChatServer.Settings(key, 1 << 20, 100_000, 16, Duration.ofMillis(2), 16));
        manager = NDManager.newBaseManager();
        inProcess = MiniContender.pair(new MiniDeem(Bundles.load(bundle, manager)));
    }

    @AfterAll
    static void stop() {
        server.close();
        worker.close();
        manager.close();
    }

    private static URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + ChatServer.API_ROOT);
    }

    private static List<Contender> remotePair(String key) throws InterruptedException {
        List<Contender> remote = new ArrayList<>();
        for (String model : List.of("baseline", "deem")) {
            remote.add(OpenAiEndpoint.connect(new EndpointSettings(model, base(), model,
                    ApiKey.fromEnvironment("KEY", Map.of("KEY", key)), 768, "png", 16, Duration.ofSeconds(30), 8, 0,
                    Duration.ZERO)));
        }
        return remote;
    }

    private static List<RunRecord> run(List<Contender> contenders, Benchmark<?> benchmark) throws IOException {
        RunRecords records = RunRecords.inMemory();
        new ProbeRunner(contenders, 64).run(benchmark, records, () -> { }, (batch, progress) -> { });
        return records.records();
    }

    @Test
    void answersThroughTheServerEqualTheInProcessOnes() throws IOException, InterruptedException {
        Benchmark<?> pope = MiniSuite.read(suite).stream().filter(b -> b.name().equals("pope_adversarial"))
                .findFirst().orElseThrow();
        List<Contender> remote = remotePair(KEY);
        try {
            List<RunRecord> local = run(inProcess, pope);
            List<RunRecord> served = run(remote, pope);

            assertThat(served).hasSize(pope.items().size()).noneMatch(RunRecord::isError);
            for (int i = 0; i < local.size(); i++) {
                for (String model : List.of("baseline", "deem")) {
                    assertThat(served.get(i).answers().get(model).answer()).as("item %s, %s", local.get(i).id(), model)
                            .isEqualTo(local.get(i).answers().get(model).answer());
                }
            }
            // Batched continuously: each decoding step counts the answers in flight, so every question is in
            // one step at least (a one-word answer and its end: two) and in no more than an answer's length.
            long rows = server.batchSizes().get("deem").entrySet().stream()
                    .mapToLong(e -> e.getKey() * e.getValue()).sum();
            assertThat(rows).as("answers in flight, summed over the server's deem steps")
                    .isBetween((long) pope.items().size(), (long) pope.items().size() * (MiniDeem.MAX_ANSWER_WORDS + 1));
            assertThat(server.batchSizes().get("deem").keySet()).allMatch(size -> size >= 1 && size <= 16);
        } finally {
            remote.forEach(Contender::close);
        }
    }

    @Test
    void theClientGetsTheFirstWordsAlternativesAsTheModelRanksThem() throws Exception {
        List<Contender> remote = remotePair(KEY);
        try {
            Contender local = inProcess.get(1);
            Contender served = remote.get(1);
            assertThat(served.capabilities()).contains(Capability.TOP_ALTERNATIVES);
            BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(5, 5, 0xff00ff);
            for (String question : List.of("is there a circle", "how many objects are there", "what color is the star")) {
                Reply here = local.answer(List.of(new Question(local.prepare(picture), question))).join().get(0);
                Reply there = served.answer(List.of(new Question(served.prepare(picture), question))).join().get(0);
                assertThat(there.text()).isEqualTo(here.text());
                // Log-probabilities come per answer token: an empty answer (this untrained model's <eos>
                // first) has none to report.
                List<Answer.Alternative> expected = here.text().isBlank() ? List.of()
                        : here.alternatives().stream().filter(a -> !a.word().isBlank()).toList();
                assertThat(there.alternatives()).extracting(Answer.Alternative::word)
                        .isEqualTo(expected.stream().map(Answer.Alternative::word).toList());
                for (int k = 0; k < expected.size(); k++) {
                    assertThat(there.alternatives().get(k).probability())
                            .isCloseTo(expected.get(k).probability(), within(1e-9));
                }
            }
        } finally {
            remote.forEach(Contender::close);
        }
    }

    @Test
    void aWrongKeyGetsAnOpenAiStyle401() throws Exception {
        assertThatThrownBy(() -> remotePair("wrong-key")).isInstanceOf(EndpointException.class)
                .hasMessageContaining("refused the API key (HTTP 401)").hasMessageNotContaining("wrong-key");

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = Json.mapper().readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(error.path("message").asText()).contains("missing or wrong API key");
    }

    @Test
    void theModelListNamesThePair() throws Exception {
        JsonNode list = Json.mapper().readTree(post("/models", null).body());
        assertThat(list.path("data").findValuesAsText("id")).containsExactly("baseline", "deem");
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() throws Exception {
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                Png.encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)));
        String huge = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                Png.encode(new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB)));

        assertRefused(chat("gpt-4o", image, "is there a circle"), 404, "model 'gpt-4o' does not exist; served: baseline, deem");
        assertRefused(chat("deem", huge, "is there a circle"), 400, "400×400 pixels is over the 0.1-megapixel limit");
        assertRefused(chat("deem", "https://example.org/cat.jpg", "is there a circle"), 400, "must be a data URL");
        assertRefused(chat("deem", image, "is there a snowboard"), 400, "question: unknown word");
        assertRefused(post("/chat/completions", "{not json"), 400, "the body is not valid JSON");
        assertRefused(post("/chat/completions", "x".repeat((1 << 20) + 1)), 413, "at most 1048576 are accepted");
    }

    private static HttpResponse<String> chat(String model, String imageUrl, String question) throws Exception {
        ChatCompletions.Request request = new ChatCompletions.Request(model, List.of(new ChatCompletions.Message("user",
                List.of(ChatCompletions.Part.image(imageUrl), ChatCompletions.Part.text(question)))), 0, 8, null, null);
        return post("/chat/completions", Json.compactWriter().writeValueAsString(request));
    }

    /** A GET when {@code body} is null, else a POST of it; with the key. */
    private static HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + KEY);
        if (body != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Json.mapper().readTree(response.body()).path("error").path("message").asText()).contains(message);
    }
}
