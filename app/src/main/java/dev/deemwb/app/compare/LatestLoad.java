package dev.deemwb.app.compare;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Loads images on a background executor and delivers on the UI executor only the latest request's
 * picture or failure: a slow load overtaken by a newer one (or by an image shown directly) is dropped.
 * Used on the UI thread only.
 */
final class LatestLoad {

    private final Executor ui;
    private final Executor loader;
    private long requests;

    LatestLoad(Executor ui, Executor loader) {
        this.ui = ui;
        this.loader = loader;
    }

    void load(Callable<LoadedImage> source, Consumer<LoadedImage> onLoaded, Consumer<String> onFailure) {
        long request = ++requests;
        loader.execute(() -> {
            try {
                LoadedImage loaded = source.call();
                ui.execute(() -> {
                    if (request == requests) {
                        onLoaded.accept(loaded);
                    }
                });
            } catch (Exception e) {
                String reason = e.getMessage() != null ? e.getMessage()
                        : "The image could not be loaded (" + e.getClass().getSimpleName() + ").";
                ui.execute(() -> {
                    if (request == requests) {
                        onFailure.accept(reason);
                    }
                });
            }
        });
    }

    /** Drops every load still running: another image has been shown meanwhile. */
    void supersede() {
        requests++;
    }
}
