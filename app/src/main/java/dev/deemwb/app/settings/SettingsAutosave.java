package dev.deemwb.app.settings;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves settings off the FX thread, debounced: a burst of changes (zooming key by key, dragging the
 * window) is written once, {@link #DELAY_MS} after the last one. {@link #close()} writes what is
 * pending before the app exits.
 */
public final class SettingsAutosave implements AutoCloseable {

    static final long DELAY_MS = 400;
    private static final Logger LOG = LoggerFactory.getLogger(SettingsAutosave.class);

    private final SettingsStore store;
    private final long delayMs;
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "deemwb-settings-writer");
        thread.setDaemon(true);
        return thread;
    });
    private Settings pending;
    private ScheduledFuture<?> scheduled;

    public SettingsAutosave(SettingsStore store) {
        this(store, DELAY_MS);
    }

    SettingsAutosave(SettingsStore store, long delayMs) {
        this.store = store;
        this.delayMs = delayMs;
        // On close, a save still waiting out its delay is written at once instead (see close()).
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Schedules {@code settings} to be written; a later call before the delay replaces it. */
    public synchronized void save(Settings settings) {
        pending = settings;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = writer.schedule(this::writePending, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Writes what is pending now, waits for it, and stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writePending();
    }

    private void writePending() {
        Settings toWrite;
        synchronized (this) {
            toWrite = pending;
            pending = null;
        }
        if (toWrite == null) {
            return;
        }
        try {
            store.save(toWrite);
        } catch (IOException e) {
            LOG.warn("could not save the settings", e);
        }
    }
}
