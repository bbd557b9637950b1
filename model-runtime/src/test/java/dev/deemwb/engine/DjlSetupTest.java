package dev.deemwb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Utils;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DjlSetupTest {

    @Test
    void pytorchRunsOfflineFromTheConfiguredCache() {
        String configuredByBuild = System.getProperty(DjlSetup.CACHE_PROPERTY);
        DjlSetup.configure();

        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty(DjlSetup.CACHE_PROPERTY)).as("the build's choice is kept")
                .isEqualTo(configuredByBuild);
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        assertThat(Utils.getEngineCacheDir()).startsWith(Path.of(configuredByBuild));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray product = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2))
                    .matMul(manager.eye(2).mul(2));
            assertThat(product.toFloatArray()).containsExactly(2, 4, 6, 8);
        }
    }
}
