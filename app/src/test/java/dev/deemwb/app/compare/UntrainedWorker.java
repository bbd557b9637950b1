package dev.deemwb.app.compare;

import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An inference worker on a small untrained bundle built for the test class, loaded before its first
 * test and closed after its last: {@code @RegisterExtension static final UntrainedWorker WORKER = new UntrainedWorker();}.
 */
final class UntrainedWorker implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private InferenceWorker worker;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("deemwb-untrained");
        worker = InferenceWorker.start(TestBundles.untrained(dir.resolve("bundle")));
        worker.ready().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        worker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    InferenceWorker get() {
        return worker;
    }
}
