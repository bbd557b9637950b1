package dev.deemwb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pictures become model inputs the same way whatever their pixel layout. */
class ImageTensorsTest {

    @Test
    void aDecodedPngOfTheRightSizeGivesTheSameInputAsItsRedrawnCopy() {
        SplittableRandom random = new SplittableRandom(7);
        BufferedImage bgr = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR); // what ImageIO decodes a PNG to
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                bgr.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage redrawn = ImageTensors.resize(bgr, 64, 64); // the general path: drawn onto INT_RGB

        assertThat(redrawn.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(ImageTensors.toChw(bgr, 64)).containsExactly(ImageTensors.toChw(redrawn, 64));
    }

    @Test
    void anImageWithAlphaIsFlattenedOntoWhiteEvenAtTheRightSize() {
        BufferedImage clear = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB); // fully transparent
        float[] chw = ImageTensors.toChw(clear, 64);
        assertThat(chw[0]).as("white, not black").isEqualTo(1f);
    }
}
