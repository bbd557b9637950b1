package dev.deemwb.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.ndarray.NDManager;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Variant;
import dev.deemwb.train.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NumericsCheckTest {

    private static NDManager manager;
    private static MiniDeemModels models;

    @BeforeAll
    static void models() {
        DjlSetup.configure();
        manager = NDManager.newBaseManager();
        models = MiniDeemModels.create(manager, ModelConfig.tiny(), Vocabulary.standard());
    }

    @AfterAll
    static void close() {
        models.close();
        manager.close();
    }

    @Test
    void theEngineKernelsPassWithRoomToSpare() {
        NumericsReport report = new NumericsCheck().check(manager, models);

        assertThat(report.failureMessage()).isEmpty();
        assertThat(report.passed()).isTrue();
        // Right kernels land far below the tolerance; a wrong one is off by ~1 (hundreds of tolerances).
        assertThat(report.worstMargin()).isLessThan(0.5);
    }

    @Test
    void everyConvolutionOfTheModelsAndTheCsrPathAreChecked() {
        NumericsReport report = new NumericsCheck().check(manager, models);

        List<ConvShape> shapes = ConvShape.of(models.namedBlocks(), 4);
        // the UNet's output convolution (the one measured wrong on AVX-512), the encoder's first stage
        assertThat(shapes).anySatisfy(s -> {
            assertThat(s.usedBy()).contains("unet/output");
            assertThat(s.outChannels()).isEqualTo(3);
        });
        assertThat(shapes).anySatisfy(s -> assertThat(s.usedBy()).contains("baseline-encoder/conv1", "deem-encoder/conv1"));
        assertThat(report.findings()).extracting(NumericsReport.Finding::op)
                .contains("conv2d forward", "conv2d input gradient", "conv2d weight gradient", "conv2d bias gradient",
                        "float64 reference convolution forward", "CSR gradient at deem-encoder/conv1_weight",
                        "CSR gradient at deem-projection/Linear_weight");
        assertThat(report.findings()).hasSize(4 + 4 * shapes.size()
                + models.eyes(Variant.DEEM).encoder().getParameters().size()
                + models.eyes(Variant.DEEM).projection().getParameters().size());
    }

    @Test
    void aWrongForwardIsCaughtAndNamed() {
        // Off by 0.01 wherever three channels come out, as oneDNN was for channel counts not multiples of 16.
        NumericsCheck check = new NumericsCheck((x, w, b, shape) -> {
            var y = NumericsCheck.ENGINE.apply(x, w, b, shape);
            return shape.outChannels() == 3 ? y.add(0.01f) : y;
        });

        NumericsReport report = check.check(manager, models);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(NumericsReport.Finding::op).containsOnly("conv2d forward");
        assertThat(report.failureMessage())
                .contains("conv2d forward wrong for 8→3 channels, 3x3 kernel, stride 1, padding 1, on 32x32 (batch 4)")
                .contains("used by unet/output")
                .contains("fix: ").contains("ONEDNN_MAX_CPU_ISA=SSE41");
    }

    @Test
    void aWrongInputGradientAloneIsCaught() {
        // The forward is untouched (x − stopGradient(x) is exactly 0), but every input gradient gains Σ upstream.
        NumericsCheck check = new NumericsCheck((x, w, b, shape) -> {
            var y = NumericsCheck.ENGINE.apply(x, w, b, shape);
            return shape.inChannels() == 3 ? y.add(x.sub(x.stopGradient()).sum()) : y;
        });

        NumericsReport report = check.check(manager, models);

        assertThat(report.failures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.op()).isEqualTo("conv2d input gradient");
            assertThat(f.shape()).startsWith("3→");
        });
    }

    @Test
    void aNanAnywhereFailsTheComparison() {
        assertThat(NumericsCheck.relativeError(new double[] {1, Double.NaN}, new double[] {1, 2})).isNaN();
        assertThat(new NumericsReport.Finding("op", "s", "u", Double.NaN, 1e-3).ok()).isFalse();
        assertThat(NumericsCheck.relativeError(new double[] {1, 2.002}, new double[] {1, 2})).isCloseTo(1e-3, offset(1e-9));
    }
}
