package dev.deemwb.app.compare;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands a fast stream of values (progress from the worker) to the UI thread, coalesced: at most one
 * hand-over is pending at a time, and it delivers the latest value when it runs. However fast the
 * worker reports, the UI thread's queue never fills with updates it would only overwrite.
 */
final class LatestValue<T> {

    private final Executor ui;
    private final Consumer<T> sink;
    private final AtomicReference<T> pending = new AtomicReference<>();

    LatestValue(Executor ui, Consumer<T> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    /** Callable from any thread; {@code value} must not be null. */
    void post(T value) {
        if (pending.getAndSet(value) == null) {
            ui.execute(() -> sink.accept(pending.getAndSet(null)));
        }
    }
}
