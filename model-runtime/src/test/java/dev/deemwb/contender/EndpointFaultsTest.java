package dev.deemwb.contender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.contender.FaultyServer.Fault;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.eval.ProbeRun;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RunInfo;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.testing.TestBundles;
import dev.deemwb.testing.TinyPope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs through an endpoint that answers 429 with Retry-After, 500, drops connections mid-body,
 * stalls past the timeout, and sends malformed JSON or no choices: every item ends answered or
 * recorded with its reason, and nothing answered is ever requested again, in the run or on resume.
 */
class EndpointFaultsTest {

    private static final List<String> WORDS = List.of("cat", "dog", "bus", "cup", "car", "kite", "boat", "fork");
    private static final int RETRIES = 2;

    @TempDir
    static Path shared;
    private static Path bundle;

    @TempDir
    Path dir;

    private FaultyServer server;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private OpenAiEndpoint endpoint;

    @BeforeAll
    static void writeBundle() throws IOException {
        bundle = TestBundles.untrained(shared.resolve("bundle")); // run.json names a bundle; its models stay unused
    }

    @BeforeEach
    void start() throws IOException, InterruptedException {
        server = new FaultyServer();
        EndpointSettings settings = new EndpointSettings("vlm", server.baseUrl(), "faulty-vlm", ApiKey.none(), 64, "png",
                16, Duration.ofMillis(500), 4, RETRIES, Duration.ofMillis(10));
        endpoint = OpenAiEndpoint.connect(settings, waits::add);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        server.close();
    }

    private ProbeRun open(PopeBenchmark pope) throws IOException {
        return ProbeRun.open(dir.resolve("run"), RunInfo.describe(pope, bundle, List.of(endpoint), 3));
    }

    @Test
    void everyItemEndsAnsweredOrWithItsReasonAndNothingAnsweredIsAskedAgain() throws IOException {
        server.script(TinyPope.question("cat"), Fault.TOO_MANY_REQUESTS)
                .script(TinyPope.question("dog"), Fault.SERVER_ERROR, Fault.SERVER_ERROR)
                .script(TinyPope.question("bus"), Fault.DROP_MID_BODY)
                .script(TinyPope.question("cup"), Fault.STALL)
                .script(TinyPope.question("car"), Fault.MALFORMED_JSON)
                .script(TinyPope.question("kite"), Fault.NO_CHOICES)
                .script(TinyPope.question("boat"), Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
        PopeBenchmark pope = TinyPope.write(dir.resolve("bench"), WORDS);
        ProbeRun run = open(pope);

        ProbeRunner.Timing timing = new ProbeRunner(List.of(endpoint), 3).run(pope, run, () -> { }, (b, p) -> { });

        assertThat(timing.items()).isEqualTo(WORDS.size());
        assertThat(run.records()).extracting(RunRecord::id).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        Map<String, RunRecord> byId = byQuestion(run.records());
        for (String answeredWord : List.of("cat", "dog", "bus", "cup", "fork")) {
            RunRecord record = byId.get(answeredWord);
            assertThat(record.isError()).as(answeredWord).isFalse();
            RunRecord.ModelAnswer answer = record.answers().get("vlm");
            assertThat(answer.answer()).isEqualTo("Yes, there is.");
            assertThat(answer.parsed()).isEqualTo("yes");
            assertThat(answer.usage()).isEqualTo(new TokenUsage(600, 4));
            assertThat(answer.latencyMillis()).isNotNull();
        }
        assertThat(byId.get("car").error()).contains("not valid JSON");
        assertThat(byId.get("kite").error()).isEqualTo("the server's answer has no choices");
        assertThat(byId.get("boat").error()).contains("HTTP 500: engine crashed").contains("after 3 tries");
        assertThat(server.requests()).containsEntry(TinyPope.question("boat"), RETRIES + 1);
        assertThat(server.answered().values()).as("answered requests per question").containsOnly(1);
        assertThat(waits).as("Retry-After is honoured; backoff doubles").contains(
                Duration.ofSeconds(Long.parseLong(FaultyServer.RETRY_AFTER_SECONDS)), Duration.ofMillis(10),
                Duration.ofMillis(20));

        new ProbeRunner(List.of(endpoint), 3).run(pope, open(pope), () -> { }, (b, p) -> { });

        assertThat(server.answered()).as("the resume asks only the three that failed, and they answer now")
                .containsEntry(TinyPope.question("car"), 1).containsEntry(TinyPope.question("kite"), 1)
                .containsEntry(TinyPope.question("boat"), 1);
        assertThat(server.answered().values()).containsOnly(1);
        assertThat(server.requests()).containsEntry(TinyPope.question("fork"), 1)
                .containsEntry(TinyPope.question("car"), 2);
    }

    @Test
    void aResumeAfterAnInterruptedRunAsksNoFinishedItemAgain() throws IOException {
        PopeBenchmark pope = TinyPope.write(dir.resolve("bench"), WORDS);
        AtomicInteger batches = new AtomicInteger();
        assertThatThrownBy(() -> new ProbeRunner(List.of(endpoint), 3).run(pope, open(pope), () -> {
            if (batches.get() == 2) {
                throw new CancellationException("stopped");
            }
        }, (b, p) -> batches.incrementAndGet())).isInstanceOf(CancellationException.class);
        // What kill -9 leaves mid-write: a line cut short.
        Files.writeString(dir.resolve("run").resolve(ProbeRun.RECORDS_FILE), "{\"id\":\"7\",\"ima",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(server.requests()).hasSize(6);

        ProbeRun resumed = open(pope);
        new ProbeRunner(List.of(endpoint), 3).run(pope, resumed, () -> { }, (b, p) -> { });

        assertThat(resumed.records()).hasSize(WORDS.size()).noneMatch(RunRecord::isError);
        assertThat(server.requests()).hasSize(WORDS.size());
        assertThat(server.requests().values()).as("requests per question over both sessions").containsOnly(1);
    }

    @Test
    void cancellingARunStopsWaitingForAStalledRequest() throws IOException {
        server.script(TinyPope.question("cat"), Fault.STALL);
        PopeBenchmark pope = TinyPope.write(dir.resolve("bench"), List.of("cat"));
        ProbeRun run = open(pope);

        assertThatThrownBy(() -> new ProbeRunner(List.of(endpoint), 3).run(pope, run, () -> {
            if (!server.requests().isEmpty()) {
                throw new CancellationException("cancelled by the user");
            }
        }, (b, p) -> { })).isInstanceOf(CancellationException.class).hasMessage("cancelled by the user");
        assertThat(run.records()).isEmpty();
    }

    private static Map<String, RunRecord> byQuestion(List<RunRecord> records) {
        Map<String, RunRecord> byWord = new java.util.LinkedHashMap<>();
        for (RunRecord record : records) {
            byWord.put(record.question().replace("Is there a ", "").replace(" in the image?", ""), record);
        }
        return byWord;
    }
}
