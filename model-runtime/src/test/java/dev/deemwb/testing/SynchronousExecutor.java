package dev.deemwb.testing;

import java.util.concurrent.Executor;

/** Runs each task at once on the calling thread, so a test sees its effects without waiting or polling. */
public final class SynchronousExecutor implements Executor {

    @Override
    public void execute(Runnable task) {
        task.run();
    }
}
