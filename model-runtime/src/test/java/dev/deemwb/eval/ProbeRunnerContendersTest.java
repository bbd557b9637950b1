package dev.deemwb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.testing.TestBundles;
import dev.deemwb.testing.TinyPope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner with in-memory contenders: any pair is compared, and a resume asks each model only what it has not answered. */
class ProbeRunnerContendersTest {

    private static final List<String> WORDS = List.of("cat", "dog", "bus", "cup");

    @TempDir
    static Path shared;
    private static Path bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeBundle() throws IOException {
        bundle = TestBundles.untrained(shared.resolve("bundle"));
    }

    private ProbeRun open(PopeBenchmark pope, List<Contender> contenders) throws IOException {
        return ProbeRun.open(dir.resolve("run"), RunInfo.describe(pope, bundle, contenders, 2));
    }

    @Test
    void aModelThatFailedSomeItemsIsAskedOnlyThoseOnResumeAndTheOtherNothing() throws IOException {
        PopeBenchmark pope = TinyPope.write(dir.resolve("bench"), WORDS);
        FakeContender steady = FakeContender.yes("steady");
        FakeContender flaky = FakeContender.yes("flaky").failing(q -> q.contains("dog") || q.contains("cup"));
        ProbeRun run = open(pope, List.of(steady, flaky));

        new ProbeRunner(List.of(steady, flaky), 2).run(pope, run, () -> { }, (b, p) -> { });

        RunRecord dog = run.record("2");
        assertThat(dog.error()).isEqualTo("flaky: failing on purpose");
        assertThat(dog.answers()).containsOnlyKeys("steady");
        assertThat(run.isFinished("1")).isTrue();
        assertThat(run.isFinished("2")).isFalse();

        FakeContender healed = FakeContender.yes("flaky");
        ProbeRun resumed = open(pope, List.of(steady, healed));
        new ProbeRunner(List.of(steady, healed), 2).run(pope, resumed, () -> { }, (b, p) -> { });

        assertThat(steady.asked()).as("steady's questions over both sessions").hasSize(WORDS.size()).doesNotHaveDuplicates();
        assertThat(healed.asked()).containsExactly(TinyPope.question("dog"), TinyPope.question("cup"));
        assertThat(resumed.records()).noneMatch(RunRecord::isError)
                .allSatisfy(r -> assertThat(r.answers()).containsOnlyKeys("steady", "flaky"));
    }

    @Test
    void anyTwoModelsAreCompared() throws IOException {
        PopeBenchmark pope = TinyPope.write(dir.resolve("bench"), WORDS);
        FakeContender yes = FakeContender.yes("always-yes");
        FakeContender no = new FakeContender("always-no", Set.of(Capability.ANSWER), (image, question) -> "No.");
        ProbeRun run = open(pope, List.of(yes, no));
        new ProbeRunner(List.of(yes, no), 2).run(pope, run, () -> { }, (b, p) -> { });

        RunReport report = RunReport.of(pope, run.info(), run.records(), Map.of(), new ComparedPair("always-yes", "always-no"));

        assertThat(report.scores()).containsOnlyKeys("always-yes", "always-no");
        assertThat(report.disagreement()).containsEntry(Outcome.ONLY_BASELINE_RIGHT, WORDS.size())
                .containsEntry(Outcome.BOTH_RIGHT, 0);
        assertThat(run.info().contenders()).containsEntry("always-no", "fake always-no");
    }

    @Test
    void aQuestionOneModelCannotTakeIsRecordedForItAlone() throws IOException {
        PopeBenchmark pope = TinyPope.write(dir.resolve("bench"), WORDS);
        FakeContender open = FakeContender.yes("open");
        FakeContender narrow = FakeContender.yes("narrow").refusing(q -> q.contains("bus"));
        RunRecords records = RunRecords.inMemory();

        List<ProbeRunner.Progress> progress = new java.util.ArrayList<>();
        ProbeRunner.Timing timing = new ProbeRunner(List.of(open, narrow), 4).run(pope, records, () -> { },
                (b, p) -> progress.add(p));

        assertThat(records.record("3").error()).isEqualTo("narrow: question: refused by the fake");
        assertThat(records.record("3").answers()).containsOnlyKeys("open");
        assertThat(narrow.asked()).doesNotContain(TinyPope.question("bus"));
        assertThat(timing.modelQuestions()).containsEntry("open", 4).containsEntry("narrow", 3);
        assertThat(progress.get(0).latencies().get("open").n()).isEqualTo(4);
        assertThat(progress.get(0).latencies().get("narrow").n()).isEqualTo(3);
        assertThat(progress.get(0).itemsPerSecond()).isPositive();
    }
}
