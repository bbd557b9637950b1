package dev.deemwb.app.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.eval.BenchmarkKind;
import dev.deemwb.eval.MmvpBenchmark;
import dev.deemwb.eval.Outcome;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.Slices;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.value.ChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes view-model without any toolkit, on an untrained bundle: results arrive on the run's thread. */
class ProbesViewModelTest {

    @TempDir
    static Path dir;

    private static Path bundle;
    private static InferenceWorker worker;
    private static PopeBenchmark pope;

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        bundle = TestBundles.untrained(dir.resolve("bundle"));
        worker = InferenceWorker.start(bundle);
        worker.ready().get(60, TimeUnit.SECONDS);
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(4, 5, 2, 4, 64), dir.resolve("suite"));
        pope = PopeBenchmark.read(dir.resolve("suite/pope/mini_pope_adversarial.jsonl"), dir.resolve("suite/pope/images"));
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    private ProbesViewModel model() {
        return new ProbesViewModel(worker, Runnable::run, bundle, data);
    }

    private static void awaitDone(ProbesViewModel model) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ChangeListener<Boolean> stopped = (obs, was, running) -> {
            if (!running) {
                done.complete(null);
            }
        };
        model.runningProperty().addListener(stopped);
        if (!model.runningProperty().get()) {
            done.complete(null);
        }
        done.get(60, TimeUnit.SECONDS);
        model.runningProperty().removeListener(stopped);
    }

    @Test
    void aRunFillsTheReportTheTwoByTwoTableAndTheGallery() throws Exception {
        ProbesViewModel model = model();
        model.run(pope);
        awaitDone(model);

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.progressTextProperty().get()).startsWith("done: 30 items, 30 run now");
        assertThat(model.results().reportProperty().get().records()).hasSize(pope.questions().size());
        int total = model.results().cellsProperty().get().values().stream().mapToInt(List::size).sum();
        assertThat(total).isEqualTo(pope.questions().size());
        assertThat(model.results().slices()).contains(Slices.Slice.ALL, new Slices.Slice("label", "yes"), new Slices.Slice("label", "no"));

        model.results().sliceProperty().set(new Slices.Slice("label", "yes"));
        int yes = model.results().cellsProperty().get().values().stream().mapToInt(List::size).sum();
        assertThat(yes).isEqualTo((int) pope.questions().stream().filter(q -> q.label().equals("yes")).count());

        Outcome fullest = model.results().cellsProperty().get().entrySet().stream()
                .max(Map.Entry.comparingByValue(Comparator.comparingInt(List::size)))
                .orElseThrow().getKey();
        model.results().outcomeProperty().set(fullest);
        assertThat(model.results().gallery()).isNotEmpty().allSatisfy(r -> assertThat(r.slices()).containsEntry("label", "yes"));
    }

    @Test
    void aRunStartedBeforeTheRosterHasTheMiniModelsRunsThemFromTheWorker() throws Exception {
        ContenderRoster stillLoading = ContenderRoster.of(List.of(), Runnable::run, Map.of());
        ProbesViewModel model = new ProbesViewModel(stillLoading, worker, Runnable::run, bundle, data);

        model.run(pope);
        awaitDone(model);

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.results().reportProperty().get().records()).hasSize(pope.questions().size());
    }

    @Test
    void mmvpPairsCanBeTheUnitOfTheTwoByTwoTable() throws Exception {
        ProbesViewModel model = model();
        model.run(MmvpBenchmark.read(dir.resolve("suite/mmvp/Questions.csv"),
                dir.resolve("suite/mmvp/images")));
        awaitDone(model);
        assertThat(model.results().pairsAvailableProperty().get()).isTrue();
        List<RunRecord> records = model.results().reportProperty().get().records();

        model.results().pairsProperty().set(true);

        for (Outcome outcome : Outcome.values()) {
            assertThat(model.results().cellsProperty().get().get(outcome))
                    .isEqualTo(Slices.disagreementByPair(records, Slices.Slice.ALL).get(outcome));
        }
        assertThat(model.results().cellsProperty().get().values().stream().mapToInt(List::size).sum()).isEqualTo(4);
    }

    @Test
    void otherRequestsAreServedBetweenTwoBatchesOfARun() throws Exception {
        Path suite = data.resolve("bigger");
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(6, 60, 1, 1, 64), suite); // 360 questions: two batches
        PopeBenchmark bigger = PopeBenchmark.read(suite.resolve("pope/mini_pope_random.jsonl"), suite.resolve("pope/images"));
        ProbesViewModel model = model();

        model.run(bigger);
        int seenByAnotherRequest = worker.submit(models -> model.results().reportProperty().get() == null ? 0
                : model.results().reportProperty().get().records().size()).result().get(60, TimeUnit.SECONDS);
        awaitDone(model);

        // The run queues one batch at a time on the worker: a request queued meanwhile runs before the
        // second batch, at the latest.
        assertThat(seenByAnotherRequest).isLessThanOrEqualTo(ProbeRunner.DEFAULT_BATCH);
        assertThat(model.results().reportProperty().get().records()).hasSize(bigger.questions().size());
    }

    /** A run of POPE comparing {@code endpoint} with the mini pair, started and waited for until its first request. */
    private ProbesViewModel runningAgainst(FakeContender endpoint) throws Exception {
        ProbesViewModel model = new ProbesViewModel(ContenderRoster.of(List.of(endpoint), Runnable::run, Map.of()),
                worker, Runnable::run, bundle, data);
        model.firstProperty().set(endpoint.id());
        model.run(pope);
        endpoint.firstAsked().get(30, TimeUnit.SECONDS);
        return model;
    }

    @Test
    void aSlowEndpointNeverHoldsTheWorker() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        ProbesViewModel model = runningAgainst(FakeContender.yes("slow").holdingUntil(release));
        // While the endpoint's answers are held back, the worker still answers.
        assertThat(worker.submit(models -> "served").result().get(10, TimeUnit.SECONDS)).isEqualTo("served");
        assertThat(model.runningProperty().get()).isTrue();

        release.complete(null);
        awaitDone(model);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.results().reportProperty().get().records()).hasSize(pope.questions().size())
                .allSatisfy(record -> assertThat(record.answers()).containsKeys("slow", "baseline", "deem"));
    }

    @Test
    void cancellingARunWaitingOnAnEndpointStopsItAndItResumes() throws Exception {
        ProbesViewModel model = runningAgainst(FakeContender.yes("slow").holdingUntil(new CompletableFuture<>()));

        model.cancel();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressTextProperty().get()).endsWith("cancelled; run again to resume");

        ProbesViewModel again = new ProbesViewModel(ContenderRoster.of(List.of(FakeContender.yes("slow")),
                Runnable::run, Map.of()), worker, Runnable::run, bundle, data);
        again.firstProperty().set("slow");
        again.run(pope);
        awaitDone(again);
        assertThat(again.errorProperty().get()).isEmpty();
        assertThat(again.results().reportProperty().get().records()).hasSize(pope.questions().size());
        model.close();
        again.close();
    }

    @Test
    void aFinishedRunIsShownAgainWithoutRunningAnything() throws Exception {
        ProbesViewModel first = model();
        first.run(pope);
        awaitDone(first);

        ProbesViewModel again = model();
        again.run(pope);
        awaitDone(again);

        assertThat(again.progressTextProperty().get()).startsWith("done: 30 items, 0 run now");
        assertThat(again.results().reportProperty().get().scores().get("deem").score())
                .isEqualTo(first.results().reportProperty().get().scores().get("deem").score());
    }

    @Test
    void importedPredictionsBecomeAThirdColumnAndABadFileChangesNothing() throws Exception {
        ProbesViewModel model = model();
        model.run(pope);
        awaitDone(model);
        List<PopeAnswer> answers = new ArrayList<>();
        for (PopeQuestion question : pope.questions()) {
            answers.add(new PopeAnswer(question.text(), question.label()));
        }
        Path perfect = data.resolve("oracle.jsonl");
        PopeFiles.writeAnswers(perfect, answers);
        Path broken = data.resolve("broken.jsonl");
        Files.writeString(broken, "{\"question\": \"Is there a circle in the image?\"}\n");

        model.results().importPredictions(perfect);
        model.results().importPredictions(broken);

        assertThat(model.errorProperty().get()).startsWith("Cannot import broken.jsonl: ").contains("line 1", "answer");
        assertThat(model.results().reportProperty().get().scores()).containsOnlyKeys("baseline", "deem", "oracle");
        assertThat(model.results().reportProperty().get().metrics()).filteredOn(m -> m.model().equals("oracle"))
                .allSatisfy(m -> assertThat(m.value()).isEqualTo(m.metric().equals("yes_ratio") ? 0.5 : 1.0));
        RunRecord first = model.results().reportProperty().get().records().get(0);
        assertThat(model.results().importedAnswers(first)).containsOnlyKeys("oracle")
                .hasEntrySatisfying("oracle", answer -> assertThat(answer.correct()).isTrue());
    }

    @Test
    void anMmvpItemOpensWithItsPartnerAsAPairAskedTheirQuestion() throws Exception {
        ProbesViewModel model = model();
        AtomicReference<DrillDownViewModel.PairRequest> opened = new AtomicReference<>();
        model.results().setOnOpenPair(opened::set);
        model.run(MmvpBenchmark.read(dir.resolve("suite/mmvp/Questions.csv"), dir.resolve("suite/mmvp/images")));
        awaitDone(model);

        List<RunRecord> records = model.results().reportProperty().get().records();
        RunRecord first = records.get(0);
        RunRecord partner = model.results().partnerOf(first).orElseThrow();
        assertThat(partner.id()).isNotEqualTo(first.id());
        assertThat(partner.slices().get(Slices.PAIR)).isEqualTo(first.slices().get(Slices.PAIR));
        model.results().openPair(first);

        assertThat(opened.get().question()).isEqualTo(first.question());
        assertThat(opened.get().label()).isEqualTo("mmvp pair " + first.slices().get(Slices.PAIR) + " (items "
                + first.id() + " and " + partner.id() + ")");
        assertThat(opened.get().first().read(48).source()).isEqualTo("mmvp · item " + first.id());
        assertThat(opened.get().second().read(48).source()).isEqualTo("mmvp · item " + partner.id());
    }

    @Test
    void anItemOpensInTheCompareScreenWithItsSceneAndQuestion() throws Exception {
        ProbesViewModel model = model();
        AtomicReference<DrillDownViewModel.OpenRequest> opened = new AtomicReference<>();
        model.results().setOnOpen(opened::set);
        model.run(pope);
        awaitDone(model);

        RunRecord first = model.results().reportProperty().get().records().get(0);
        model.results().open(first);

        assertThat(opened.get().question()).isEqualTo(first.question());
        LoadedImage image = opened.get().image().read(48);
        assertThat(image.fromWorld()).isTrue();
        assertThat(image.source()).isEqualTo("pope_adversarial · item " + first.id());
        assertThat(image.modelInputSize()).isEqualTo(48);
        assertThat(image.modelInputPicture().getWidth()).isEqualTo(48);
    }

    @Test
    void anUnreadableBenchmarkFileIsReportedAndTheWorkerKeepsServing() throws Exception {
        Path bad = data.resolve("coco_pope_random.json");
        Files.writeString(bad, "not json\n");
        ProbesViewModel model = model();

        model.runFile(BenchmarkKind.POPE, bad, data);
        awaitDone(model);
        assertThat(model.errorProperty().get()).contains("coco_pope_random.json", "line 1");

        model.run(pope);
        awaitDone(model);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.results().reportProperty().get().records()).hasSize(pope.questions().size());
    }
}
