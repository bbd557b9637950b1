package dev.deemwb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.mmvp.MmvpScore;
import dev.deemwb.bench.mmvp.MmvpScorer;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.pope.PopeScore;
import dev.deemwb.bench.pope.PopeScorer;
import dev.deemwb.bench.robustvqa.RobustVqaScore;
import dev.deemwb.bench.robustvqa.RobustVqaScorer;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner end to end on small mini benchmarks and an untrained bundle (its answers are arbitrary,
 * which is what these tests need: a mix of right, wrong and unparseable answers). Every report is
 * checked against the benchmark's scorer run independently on the recorded answers.
 */
class ProbeRunnerTest {

    private static final List<String> MODELS = List.of("baseline", "deem");

    @TempDir
    static Path shared;

    private static Path bundle;
    private static Path suite;
    private static NDManager manager;
    private static List<Contender> contenders;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        bundle = TestBundles.untrained(shared.resolve("bundle"));
        suite = shared.resolve("suite");
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(5, 6, 5, 8, 64), suite);
        manager = NDManager.newBaseManager();
        MiniDeemModels loaded = Bundles.load(bundle, manager);
        contenders = MiniContender.pair(new MiniDeem(loaded));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static Benchmark<?> benchmark(String name) throws IOException {
        return MiniSuite.read(suite).stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    private static ProbeRun open(Path folder, Benchmark<?> benchmark) throws IOException {
        return ProbeRun.open(folder, RunInfo.describe(benchmark, bundle, contenders, 4));
    }

    private static RunReport runAll(Path folder, Benchmark<?> benchmark) throws IOException {
        ProbeRun run = open(folder, benchmark);
        new ProbeRunner(contenders, 4).run(benchmark, run, () -> { }, (records, progress) -> { });
        return RunReport.of(benchmark, run.info(), run.records(), Map.of());
    }

    private static Map<String, String> answers(List<RunRecord> records, String model) {
        Map<String, String> answers = new LinkedHashMap<>();
        records.forEach(r -> answers.put(r.id(), r.answers().get(model).answer()));
        return answers;
    }

    @Test
    void popeReportIsTheScorersScoreOfTheRecordedAnswers() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmark("pope_adversarial");
        RunReport report = runAll(dir.resolve("run"), pope);

        assertThat(report.records()).hasSize(pope.questions().size());
        for (String model : MODELS) {
            Map<String, String> answers = answers(report.records(), model);
            List<PopeAnswer> inLabelOrder = new ArrayList<>();
            for (PopeQuestion question : pope.questions()) {
                inLabelOrder.add(new PopeAnswer(question.text(), answers.get(String.valueOf(question.questionId()))));
            }
            PopeScore expected = PopeScorer.score(pope.questions(), inLabelOrder);
            assertThat(report.scores().get(model).score()).isEqualTo(expected);
            assertThat(report.metrics()).filteredOn(m -> m.model().equals(model) && m.metric().equals("f1"))
                    .singleElement().satisfies(m -> {
                        assertThat(m.value()).isEqualTo(expected.official().f1());
                        assertThat(m.tp()).isEqualTo(expected.official().tp());
                    });
        }
        for (RunRecord record : report.records()) {
            for (String model : MODELS) {
                RunRecord.ModelAnswer answer = record.answers().get(model);
                String parsed = AnswerCleaning.popeOfficial(answer.answer()).label();
                assertThat(answer.parsed()).isEqualTo(parsed);
                assertThat(answer.correct()).isEqualTo(parsed.equals(record.expected()));
            }
        }
        Map<Outcome, Integer> cells = report.disagreement();
        assertThat(cells.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(pope.questions().size());
        long onlyDeem = report.records().stream().filter(r -> !r.correct("baseline") && r.correct("deem")).count();
        assertThat(cells.get(Outcome.ONLY_DEEM_RIGHT)).isEqualTo((int) onlyDeem);
    }

    @Test
    void mmvpIsAskedWithItsOptionsOfAModelThatReadsThemAndBareOfTheMiniPair() throws IOException {
        MmvpBenchmark mmvp = (MmvpBenchmark) benchmark("mmvp");
        FakeContender letters = new FakeContender("letters", Set.of(Capability.ANSWER), (image, question) -> "(a)");
        List<Contender> three = new ArrayList<>(contenders);
        three.add(letters);
        Path folder = dir.resolve("run");
        ProbeRun run = ProbeRun.open(folder, RunInfo.describe(mmvp, bundle, three, 4));
        new ProbeRunner(three, 4).run(mmvp, run, () -> { }, (records, progress) -> { });

        MmvpQuestion first = mmvp.pairs().get(0).first();
        assertThat(letters.asked()).hasSize(mmvp.items().size())
                .contains(first.question() + "\n" + first.options().text());
        List<RunRecord> read = ProbeRun.open(folder, RunInfo.describe(mmvp, bundle, three, 4)).records();
        for (RunRecord record : read) {
            ProbeItem item = mmvp.items().stream().filter(i -> i.id().equals(record.id())).findFirst().orElseThrow();
            assertThat(record.answers().get("letters").asked()).as("kept in the run folder").isEqualTo(item.withOptions());
            assertThat(record.answers().get("letters").correct()).isEqualTo(item.expected().equals("(a)"));
            assertThat(record.answers().get("deem").asked()).as("the mini pair reads no (a)/(b)").isNull();
        }

        // The same folder as a version from before options were sent left it: resuming would mix the two forms.
        Path info = folder.resolve(ProbeRun.INFO_FILE);
        Files.writeString(info, Files.readString(info).replaceAll("(?s),\\s*\"asked_with_options\"\\s*:\\s*\\[[^]]*]", ""));
        assertThatThrownBy(() -> ProbeRun.open(folder, RunInfo.describe(mmvp, bundle, three, 4)))
                .hasMessageContaining("cannot resume here: its questions were put to every model bare, and would now "
                        + "be put to [letters] with their options");
    }

    @Test
    void ourAnswersExportedAsAPopeAnswerFileAndImportedScoreIdentically() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmark("pope_popular");
        RunReport ours = runAll(dir.resolve("run"), pope);
        Map<String, String> deem = answers(ours.records(), "deem");
        List<PopeAnswer> lines = new ArrayList<>();
        for (PopeQuestion question : pope.questions()) {
            lines.add(new PopeAnswer(question.text(), deem.get(String.valueOf(question.questionId()))));
        }
        Path file = dir.resolve("deem-answers.jsonl");
        PopeFiles.writeAnswers(file, lines);

        RunReport withExternal = RunReport.of(pope, ours.info(), ours.records(),
                Map.of("imported", ExternalPredictions.read(pope, file)));

        assertThat(withExternal.scores()).containsOnlyKeys("baseline", "deem", "imported");
        assertThat(withExternal.scores().get("imported").score()).isEqualTo(ours.scores().get("deem").score());
        assertThat(withExternal.scores().get("imported").metrics()).extracting(Metric::value)
                .containsExactlyElementsOf(ours.scores().get("deem").metrics().stream().map(Metric::value).toList());
    }

    @Test
    void mmvpReportIsTheScorersScoreOfTheRecordedAnswers() throws IOException {
        MmvpBenchmark mmvp = (MmvpBenchmark) benchmark("mmvp");
        RunReport report = runAll(dir.resolve("run"), mmvp);

        for (String model : MODELS) {
            Map<Integer, String> byIndex = new LinkedHashMap<>();
            answers(report.records(), model).forEach((id, answer) -> byIndex.put(Integer.parseInt(id), answer));
            MmvpScore expected = MmvpScorer.score(mmvp.pairs(), byIndex);
            assertThat(report.scores().get(model).score()).isEqualTo(expected);
        }
        assertThat(report.records()).allSatisfy(r -> assertThat(r.slices()).containsKeys("pattern", Slices.PAIR));
        MmvpQuestion first = mmvp.pairs().get(0).first();
        assertThat(mmvp.judge(mmvp.items().get(0), first.options().option(first.correct())).correct()).isTrue();
    }

    @Test
    void robustVqaReportIsTheScorersScoreAndCarriesEachImagesShift() throws IOException {
        RobustVqaBenchmark robustVqa = (RobustVqaBenchmark) benchmark("robustvqa");
        RunReport report = runAll(dir.resolve("run"), robustVqa);

        for (String model : MODELS) {
            RobustVqaScore expected = RobustVqaScorer.score(robustVqa.questions(), answers(report.records(), model));
            assertThat(report.scores().get(model).score()).isEqualTo(expected);
            Map<List<String>, Accuracy> bySeverity = Slices.accuracyBy(report.records(), model, "severity");
            assertThat(bySeverity.values().stream().mapToInt(Accuracy::total).sum())
                    .isEqualTo(robustVqa.questions().size());
            assertThat(bySeverity.values().stream().mapToInt(Accuracy::correct).sum())
                    .isEqualTo(expected.overall().accuracy().correct());
        }
        assertThat(report.records()).allSatisfy(r -> assertThat(r.slices()).containsKeys("split", "transform", "severity"));
    }

    @Test
    void aRunKilledMidwayResumesWithoutDuplicatesOrGapsAndScoresTheSame() throws IOException {
        Benchmark<?> pope = benchmark("pope_random");
        RunReport uninterrupted = runAll(dir.resolve("whole"), pope);

        Path folder = dir.resolve("resumed");
        AtomicInteger batches = new AtomicInteger();
        ProbeRun first = open(folder, pope);
        assertThatThrownBy(() -> new ProbeRunner(contenders, 4).run(pope, first, () -> {
            if (batches.getAndIncrement() == 3) {
                throw new CancellationException("killed");
            }
        }, (records, progress) -> { })).isInstanceOf(CancellationException.class);
        assertThat(first.records()).hasSize(12);
        // A kill while writing leaves half a line behind.
        Files.writeString(folder.resolve(ProbeRun.RECORDS_FILE), "{\"id\":\"13\",\"ima",
                StandardOpenOption.APPEND);

        ProbeRun resumed = open(folder, pope);
        assertThat(resumed.records()).hasSize(12);
        List<ProbeRunner.Progress> progress = new ArrayList<>();
        ProbeRunner.Timing timing = new ProbeRunner(contenders, 4).run(pope, resumed, () -> { },
                (records, p) -> progress.add(p));

        assertThat(timing.items()).isEqualTo(pope.items().size() - 12);
        assertThat(progress.get(0).done()).isEqualTo(16);
        assertThat(progress.get(progress.size() - 1).done()).isEqualTo(pope.items().size());
        List<String> lines = Files.readAllLines(folder.resolve(ProbeRun.RECORDS_FILE));
        List<String> ids = lines.stream().map(line -> line.replaceFirst("^\\{\"id\":\"([^\"]+)\".*$", "$1")).toList();
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(pope.items().stream().map(ProbeItem::id).toList());
        RunReport report = RunReport.of(pope, resumed.info(), ProbeRun.open(folder,
                RunInfo.describe(pope, bundle, contenders, 4)).records(), Map.of());
        for (String model : MODELS) {
            assertThat(report.scores().get(model).score()).isEqualTo(uninterrupted.scores().get(model).score());
        }
    }

    @Test
    void aFolderHoldingAnotherBenchmarksRunIsNotResumed() throws IOException {
        Path folder = dir.resolve("run");
        runAll(folder, benchmark("pope_random"));

        assertThatThrownBy(() -> open(folder, benchmark("pope_popular")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot resume here: it holds a run of another benchmark file")
                .hasMessageContaining("mini_pope_random.jsonl");
    }

    @Test
    void itemsThatCannotBeAskedAreRecordedWithTheReasonAndRetriedOnResume() throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        Files.copy(suite.resolve("pope/images/pope_00001.png"), images.resolve("good.png"));
        Files.writeString(images.resolve("text.png"), "not a picture");
        Path split = dir.resolve("coco_pope_random.json");
        Files.writeString(split, String.join("\n",
                "{\"question_id\": 1, \"image\": \"good.png\", \"text\": \"Is there a circle in the image?\", \"label\": \"yes\"}",
                "{\"question_id\": 2, \"image\": \"missing.jpg\", \"text\": \"Is there a circle in the image?\", \"label\": \"no\"}",
                "{\"question_id\": 3, \"image\": \"text.png\", \"text\": \"Is there a circle in the image?\", \"label\": \"no\"}",
                "{\"question_id\": 4, \"image\": \"good.png\", \"text\": \"Is there a snowboard in the image?\", \"label\": \"no\"}"));
        PopeBenchmark pope = PopeBenchmark.read(split, images);

        RunReport report = runAll(dir.resolve("run"), pope);

        assertThat(report.errors()).extracting(RunRecord::id, RunRecord::error).containsExactly(
                Tuple.tuple("2", "image: " + images.resolve("missing.jpg") + ": no such file"),
                Tuple.tuple("3", "image: " + images.resolve("text.png") + ": not a readable image"),
                Tuple.tuple("4", "question: unknown word: snowboard"));
        assertThat(report.scores().get("deem").skipped().count()).isEqualTo(3);
        assertThat(((PopeScore) report.scores().get("deem").score()).official().n()).isEqualTo(1);

        Files.copy(images.resolve("good.png"), images.resolve("missing.jpg"));
        ProbeRun resumed = open(dir.resolve("run"), pope);
        assertThat(resumed.records()).filteredOn(r -> !r.isError()).extracting(RunRecord::id).containsExactly("1");
        assertThat(resumed.isFinished("2")).as("an item with an error is unfinished").isFalse();
        new ProbeRunner(contenders, 4).run(pope, resumed, () -> { }, (records, progress) -> { });
        assertThat(resumed.records()).filteredOn(r -> !r.isError()).extracting(RunRecord::id)
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void progressCountsEveryItemAndEstimatesTheTimeLeft() throws IOException {
        Benchmark<?> mmvp = benchmark("mmvp");
        List<ProbeRunner.Progress> progress = new ArrayList<>();
        new ProbeRunner(contenders, 4).run(mmvp, open(dir.resolve("run"), mmvp), () -> { }, (r, p) -> progress.add(p));

        assertThat(progress).extracting(ProbeRunner.Progress::done).containsExactly(4, 8, 10);
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(10));
        assertThat(progress.get(0).etaSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(progress.get(2).etaSeconds()).isZero();
        assertThat(Variant.values()).hasSize(MODELS.size());
    }
}
