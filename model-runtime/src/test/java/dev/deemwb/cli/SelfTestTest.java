package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.testing.Heavy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfTestTest {

    static final Path SHIPPED = Path.of("..", "assets", "models", "mini-deem");
    static final Path SAMPLES = Path.of("..", "sample-images");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingBundleFailsNamingTheFolder(@TempDir Path empty) {
        int code = SelfTest.run(empty.resolve("no-bundle"), SAMPLES, out);

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("self-test FAILED").contains("no-bundle").doesNotContain("self-test passed");
    }

    @Test
    void missingSamplesFailNamingTheImageAndTheProperty(@TempDir Path empty) {
        Assumptions.assumeTrue(Files.isDirectory(SHIPPED), "no shipped bundle");
        int code = SelfTest.run(SHIPPED, empty, out);

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("self-test FAILED: the sample " + empty.resolve("orientation-1.png"))
                .contains("deemwb.samples");
    }

    @Nested
    @Heavy
    class OnTheShippedBundle {

        @Test
        void checksTheNumericsAndBothModelsAnswer() {
            Assumptions.assumeTrue(Files.isDirectory(SHIPPED), "no shipped bundle");
            int code = SelfTest.run(SHIPPED, SAMPLES, out);

            assertThat(code).as(output()).isZero();
            assertThat(output()).contains("kernels   ONEDNN_MAX_CPU_ISA=SSE41, set by the caller") // surefire's
                    .containsPattern("numerics  passed: \\d+ checks")
                    .contains("question  Which way does the triangle point? (orientation-1.png; true answer: up)")
                    .containsPattern("answer    CLIP-only baseline: \\w+")
                    .containsPattern("answer    DEEM: \\w+")
                    .endsWith("self-test passed\n");
        }
    }
}
