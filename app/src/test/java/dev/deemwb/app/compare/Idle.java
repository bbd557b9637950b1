package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/** Waits for a compare view-model whose results come on the worker's thread (no toolkit) to finish. */
final class Idle {

    private Idle() {
    }

    static void await(CompareViewModel model) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (model.busyProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(model.busyProperty().get()).as("still busy after 60 s").isFalse();
    }
}
