package dev.deemwb.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.io.Png;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SceneRendererTest {

    private final SceneRenderer renderer = new SceneRenderer();

    @Test
    void sameSeedRendersByteIdenticalPngs() {
        for (long seed : new long[] {0, 1, 42, -7, 123_456_789L}) {
            byte[] first = Png.encode(renderer.render(new SceneGenerator().generate(seed), 64));
            byte[] second = Png.encode(new SceneRenderer().render(new SceneGenerator().generate(seed), 64));
            assertThat(second).as("seed %d", seed).isEqualTo(first);
        }
    }

    @Test
    void differentSeedsRenderDifferentImages() {
        byte[] a = Png.encode(renderer.render(new SceneGenerator().generate(1), 64));
        byte[] b = Png.encode(renderer.render(new SceneGenerator().generate(2), 64));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void objectsArePaintedInTheirColourAtTheirCentre() {
        SceneObject red = new SceneObject(Shape.SQUARE, ShapeColor.RED, null, true, 0,
                SceneGenerator.cellCenter(0), SceneGenerator.cellCenter(0), 0.24);
        SceneObject blueHollow = new SceneObject(Shape.CIRCLE, ShapeColor.BLUE, null, false, 8,
                SceneGenerator.cellCenter(2), SceneGenerator.cellCenter(2), 0.24);
        BufferedImage image = renderer.render(new Scene(5, List.of(red, blueHollow)), 300);

        assertThat(image.getRGB(50, 50) & 0xFFFFFF).isEqualTo(0xDC2828);
        // A hollow circle's centre shows the background; its rim shows the colour.
        assertThat(image.getRGB(250, 250) & 0xFFFFFF).isEqualTo(SceneRenderer.BACKGROUND.getRGB() & 0xFFFFFF);
        int rimX = (int) Math.round(250 + 0.24 * 300 / 2 - 0.13 * 0.24 * 300 / 4);
        assertThat(image.getRGB(rimX, 250) & 0xFFFFFF).isEqualTo(0x2850DC);
    }

    @Test
    void orientationRotatesTheTriangleApex() {
        BufferedImage up = renderer.render(triangleScene(Orientation.UP), 200);
        BufferedImage down = renderer.render(triangleScene(Orientation.DOWN), 200);
        // Near the top of the bounding box the up triangle is only its narrow apex, while the down
        // triangle is its full-width base.
        int x = 80;
        int y = 72; // apex of the up triangle at y=60, base of the down one at y=68
        assertThat(up.getRGB(x, y) & 0xFFFFFF).isEqualTo(SceneRenderer.BACKGROUND.getRGB() & 0xFFFFFF);
        assertThat(down.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x28AA3C);
    }

    private static Scene triangleScene(Orientation orientation) {
        return new Scene(3, List.of(new SceneObject(Shape.TRIANGLE, ShapeColor.GREEN, orientation, true, 4,
                0.5, 0.5, 0.4)));
    }

    @Test
    void rendersAtAnySizeWithTheSameLayout() {
        Scene scene = new SceneGenerator().generate(11);
        BufferedImage small = renderer.render(scene, 64);
        BufferedImage large = renderer.render(scene, 512);
        assertThat(small.getWidth()).isEqualTo(64);
        assertThat(large.getWidth()).isEqualTo(512);
        SceneObject first = scene.objects().get(0);
        if (first.filled() && first.shape() != Shape.CRESCENT) {
            int sx = (int) (first.centerX() * 64);
            int sy = (int) (first.centerY() * 64);
            int lx = (int) (first.centerX() * 512);
            int ly = (int) (first.centerY() * 512);
            assertThat(small.getRGB(sx, sy)).isEqualTo(large.getRGB(lx, ly));
        }
    }

    @ParameterizedTest
    @EnumSource(OodTransform.class)
    void everyTransformChangesPixelsDeterministically(OodTransform transform) {
        Scene scene = new SceneGenerator().generate(2024, 3);
        byte[] clean = Png.encode(renderer.render(scene, 64));
        byte[] mild = Png.encode(renderer.render(scene, 64, new OodShift(transform, 1)));
        byte[] severe = Png.encode(renderer.render(scene, 64, new OodShift(transform, 5)));
        byte[] severeAgain = Png.encode(renderer.render(scene, 64, new OodShift(transform, 5)));

        assertThat(Arrays.equals(mild, clean)).as("severity 1 changes the image").isFalse();
        assertThat(Arrays.equals(severe, mild)).as("severity 5 differs from 1").isFalse();
        assertThat(Arrays.equals(severeAgain, severe)).as("deterministic").isTrue();
        assertThat(meanAbsoluteDifference(scene, null, new OodShift(transform, 5)))
                .isGreaterThan(meanAbsoluteDifference(scene, null, new OodShift(transform, 1)));
    }

    private double meanAbsoluteDifference(Scene scene, OodShift a, OodShift b) {
        BufferedImage x = renderer.render(scene, 64, a);
        BufferedImage y = renderer.render(scene, 64, b);
        double sum = 0;
        for (int j = 0; j < 64; j++) {
            for (int i = 0; i < 64; i++) {
                int p = x.getRGB(i, j);
                int q = y.getRGB(i, j);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (64 * 64 * 3);
    }

    @Test
    void rejectsBadSeverityAndSize() {
        assertThatThrownBy(() -> new OodShift(OodTransform.BLUR, 0)).hasMessageContaining("severity must be 1..5");
        assertThatThrownBy(() -> new OodShift(OodTransform.BLUR, 6)).hasMessageContaining("was 6");
        Scene scene = new SceneGenerator().generate(1);
        assertThatThrownBy(() -> renderer.render(scene, 4)).hasMessageContaining("image size must be");
    }
}
