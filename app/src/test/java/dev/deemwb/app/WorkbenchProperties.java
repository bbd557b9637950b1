package dev.deemwb.app;

import java.nio.file.Path;

/** Test helper: points a {@link WorkbenchApp} at a bundle, the repository's gallery and a test's own settings and data. */
final class WorkbenchProperties {

    private WorkbenchProperties() {
    }

    static void use(Path bundle, Path dir) {
        System.setProperty("deemwb.bundle", bundle.toString());
        System.setProperty("deemwb.samples", Path.of("..", "sample-images").toString());
        System.setProperty("deemwb.settings", dir.resolve("settings.json").toString());
        System.setProperty("deemwb.data", dir.resolve("data").toString());
    }
}
