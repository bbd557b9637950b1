package dev.deemwb.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves a session's project after each change, each save atomic. Either in the caller's thread
 * ({@link #synchronous}: when {@code save} returns, the change is on disk), or on a thread of its own
 * ({@link #background}: the app's, so a keystroke never waits for the disk) that writes the latest
 * project and skips those a newer one replaced while it was writing.
 */
public abstract sealed class ProjectWriter implements AutoCloseable {

    final Path file;

    private ProjectWriter(Path file) {
        this.file = file;
    }

    public static ProjectWriter synchronous(Path file) {
        return new Synchronous(file);
    }

    /** @param onFailure told of each failed save (the next change tries again; nothing in memory is lost) */
    public static ProjectWriter background(Path file, Consumer<IOException> onFailure) {
        return new Background(file, onFailure);
    }

    abstract void save(CurationProject project) throws IOException;

    /** Returns once every project handed to {@link #save} is on disk (or its save failed). */
    public abstract void flush() throws IOException;

    @Override
    public abstract void close() throws IOException;

    private static final class Synchronous extends ProjectWriter {
        Synchronous(Path file) {
            super(file);
        }

        @Override
        void save(CurationProject project) throws IOException {
            ProjectFiles.write(file, project);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class Background extends ProjectWriter {
        private final Consumer<IOException> onFailure;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "curation-autosave");
            t.setDaemon(true);
            return t;
        });
        private CurationProject pending;
        private IOException lastFailure;

        Background(Path file, Consumer<IOException> onFailure) {
            super(file);
            this.onFailure = onFailure;
        }

        @Override
        void save(CurationProject project) {
            boolean schedule;
            synchronized (this) {
                schedule = pending == null;
                pending = project;
            }
            if (schedule) {
                thread.execute(this::writePending);
            }
        }

        private void writePending() {
            CurationProject project;
            synchronized (this) {
                project = pending;
                pending = null;
            }
            if (project == null) {
                return;
            }
            try {
                ProjectFiles.write(file, project);
                synchronized (this) {
                    lastFailure = null;
                }
            } catch (IOException e) {
                synchronized (this) {
                    lastFailure = e;
                }
                onFailure.accept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                thread.submit(() -> { }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while saving " + file, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            synchronized (this) {
                if (lastFailure != null) {
                    throw lastFailure;
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                thread.shutdown();
                try {
                    thread.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
