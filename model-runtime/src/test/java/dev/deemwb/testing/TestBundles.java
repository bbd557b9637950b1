package dev.deemwb.testing;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.BundleManifest;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.train.Recipe;
import dev.deemwb.train.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Bundles for tests (shared with the app module's tests through model-runtime's test jar): tiny,
 * freshly initialised models written with the real bundle code, in a second. Their answers are
 * arbitrary; tests that need right answers use the shipped bundle.
 */
public final class TestBundles {

    private TestBundles() {
    }

    public static Path untrained(Path dir) throws IOException {
        DjlSetup.configure();
        try (NDManager manager = NDManager.newBaseManager();
             MiniDeemModels models = MiniDeemModels.create(manager, ModelConfig.tiny(), Vocabulary.standard())) {
            Bundles.write(dir, models, new BundleManifest(BundleManifest.SCHEMA_VERSION, "test", "untrained",
                    ModelConfig.tiny(), models.tokenizer().vocabulary(), "tiny", Json.mapper().valueToTree(Recipe.tiny()), 1, null,
                    Bundles.describe(models), null));
        }
        return dir;
    }
}
