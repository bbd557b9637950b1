package dev.deemwb.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.model.ImageTensors;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.UnknownWordsException;
import dev.deemwb.model.Variant;
import dev.deemwb.testing.TestBundles;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceWorkerTest {

    @TempDir
    static Path dir;

    private static InferenceWorker worker;
    private static float[] image;

    @BeforeAll
    static void start() throws IOException {
        Path bundle = TestBundles.untrained(dir.resolve("bundle"));
        worker = InferenceWorker.start(bundle);
        image = ImageTensors.toChw(new SceneRenderer().render(new SceneGenerator().generate(1), 64), 64);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void loadsOnItsThreadAndAnswers() throws Exception {
        assertThat(worker.ready().get(60, TimeUnit.SECONDS).models().config()).isEqualTo(ModelConfig.tiny());
        Answer answer = worker.submit(m -> m.answer(Variant.BASELINE, List.of(image), List.of("How many objects are there?")).get(0))
                .result().get(60, TimeUnit.SECONDS);
        assertThat(answer.alternatives()).hasSize(MiniDeem.TOP_ALTERNATIVES);
        assertThat(answer.latencyMillis()).isPositive();
    }

    @Test
    void aFailingRequestFailsAloneAndTheWorkerKeepsServing() throws Exception {
        InferenceWorker.Request<List<Answer>> bad = worker.submit(m -> m.answer(Variant.DEEM, List.of(image),
                List.of("Is there a zebra?")));
        InferenceWorker.Request<List<Answer>> good = worker.submit(m -> m.answer(Variant.DEEM, List.of(image),
                List.of("Is there a circle in the image?")));

        assertThatThrownBy(() -> bad.result().get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnknownWordsException.class).hasMessageContaining("zebra");
        assertThat(good.result().get(60, TimeUnit.SECONDS)).hasSize(1);
    }

    @Test
    void aCancelledRequestStopsAtItsNextCheck() throws Exception {
        int steps = 5_000; // a few seconds of work: far more than it takes to cancel
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> endedBy = new AtomicReference<>();
        InferenceWorker.Request<Integer> slow = worker.submit((models, cancellation) -> {
            started.countDown();
            try {
                for (int step = 0; step < steps; step++) {
                    cancellation.check();
                    Thread.sleep(1);
                }
                return steps;
            } catch (CancellationException e) {
                endedBy.set(e);
                throw e;
            } finally {
                ended.countDown();
            }
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        slow.cancel().run();

        assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(endedBy.get()).as("the task was stopped by its check, not run to the end")
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> slow.result().get()).isInstanceOf(CancellationException.class);
        assertThat(worker.submit(m -> 42).result().get(60, TimeUnit.SECONDS)).isEqualTo(42);
    }

    @Test
    void closingStopsTheRunningRequestAndDropsTheQueuedOnes() throws Exception {
        InferenceWorker closing = InferenceWorker.start(dir.resolve("bundle"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        InferenceWorker.Request<Integer> endless = closing.submit((models, cancellation) -> {
            started.countDown();
            try {
                while (true) {
                    cancellation.check();
                    Thread.sleep(1);
                }
            } finally {
                ended.countDown();
            }
        });
        AtomicReference<Boolean> queuedRan = new AtomicReference<>(false);
        InferenceWorker.Request<Integer> queued = closing.submit(m -> {
            queuedRan.set(true);
            return 1;
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

        closing.close();

        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the running task stopped at its check").isTrue();
        assertThatThrownBy(() -> endless.result().get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> queued.result().get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(queuedRan.get()).isFalse();
        closing.close(); // twice is harmless
    }
}
