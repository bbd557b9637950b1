package dev.deemwb.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.model.MiniDeemModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The one thread that owns the models. Requests run in submission order; each gets its own future,
 * can be cancelled before or while it runs (it then stops at its next check), and fails alone: an
 * exception in one request completes that request's future exceptionally and the worker keeps
 * serving. DJL predictors and blocks are not thread-safe; confining them to this thread is what keeps
 * the UI and the CLI safe.
 */
public final class InferenceWorker implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deemwb-inference");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<MiniDeem> models;
    private final AtomicReference<NDManager> manager = new AtomicReference<>();
    /** The cancels of the requests not finished yet, so closing stops them instead of running them out. */
    private final Set<Runnable> outstanding = ConcurrentHashMap.newKeySet();

    private InferenceWorker(Path bundle) {
        this.models = CompletableFuture.supplyAsync(() -> {
            DjlSetup.configure();
            NDManager root = NDManager.newBaseManager();
            manager.set(root);
            MiniDeemModels loaded = Bundles.load(bundle, root);
            return new MiniDeem(loaded);
        }, thread);
    }

    /** Starts loading {@code bundle} on the worker thread; {@link #ready()} completes when it has. */
    public static InferenceWorker start(Path bundle) {
        return new InferenceWorker(bundle);
    }

    /** Completes with the loaded models (or the reason they could not be loaded). */
    public CompletableFuture<MiniDeem> ready() {
        return models;
    }

    /** "CPU" or "GPU", as DJL's default device for the engine. */
    public static String device() {
        return Engine.getInstance().defaultDevice().isGpu() ? "GPU" : "CPU";
    }

    /** A unit of work run on the worker thread; it may poll {@link Cancellation#check()} between steps. */
    @FunctionalInterface
    public interface Task<T> {
        T run(MiniDeem models, Cancellation cancellation) throws Exception;
    }

    /** Lets a running task notice that it was cancelled. */
    public static final class Cancellation {
        private volatile boolean cancelled;

        public void check() {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
        }

        public boolean isCancelled() {
            return cancelled;
        }
    }

    /** A submitted request: its result, and a way to cancel it. */
    public record Request<T>(CompletableFuture<T> result, Runnable cancel) {
    }

    public <T> Request<T> submit(Task<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Cancellation cancellation = new Cancellation();
        Future<?> running = thread.submit(() -> {
            if (cancellation.isCancelled()) {
                return;
            }
            try {
                result.complete(task.run(models.join(), cancellation));
            } catch (Throwable e) {
                result.completeExceptionally(e instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : e);
            }
        });
        Runnable cancel = () -> {
            cancellation.cancelled = true;
            running.cancel(false);
            result.cancel(false);
        };
        outstanding.add(cancel);
        result.whenComplete((value, failure) -> outstanding.remove(cancel));
        return new Request<>(result, cancel);
    }

    /** A convenience for tasks that ignore cancellation. */
    public <T> Request<T> submit(Function<MiniDeem, T> task) {
        return submit((models, cancellation) -> task.apply(models));
    }

    /** Whether a request's failure is its cancellation (as its future reports it, wrapped or not). */
    public static boolean isCancellation(Throwable failure) {
        return unwrap(failure) instanceof CancellationException;
    }

    /** The message a user reads for a request's failure: the cause's own, else its kind. */
    public static String failureMessage(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /**
     * Cancels every request not finished yet (a running one stops at its next check) and frees the
     * models once the thread is idle; requests submitted afterwards are refused.
     */
    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        List.copyOf(outstanding).forEach(Runnable::run);
        thread.submit(() -> {
            NDManager root = manager.get();
            if (root != null) {
                root.close();
            }
        });
        thread.shutdown();
    }
}
