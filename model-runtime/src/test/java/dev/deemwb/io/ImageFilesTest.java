package dev.deemwb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.model.ImageTensors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsSixteenBitGreyAndIndexedPngsIntoModelInputs() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_4BYTE_ABGR}) {
            Path file = dir.resolve("image-" + type + ".png");
            ImageIO.write(new BufferedImage(300, 200, type), "png", file.toFile());
            float[] input = ImageTensors.toChw(ImageFiles.read(file), 64);
            assertThat(input).hasSize(3 * 64 * 64);
            assertThat(Arrays.stream(boxed(input)).allMatch(v -> v >= -1f && v <= 1f)).isTrue();
        }
    }

    @Test
    void refusesWhatIsNotAnImageNamingTheFile() throws IOException {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.png"), "hello");
        assertThatThrownBy(() -> ImageFiles.read(empty)).hasMessage(empty + ": not a readable image");
        assertThatThrownBy(() -> ImageFiles.read(text)).hasMessage(text + ": not a readable image");
        assertThatThrownBy(() -> ImageFiles.read(dir)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("missing.png"))).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessage(dir.resolve("missing.png") + ": no such file");
    }

    @Test
    void refusesATruncatedPng() throws IOException {
        Path whole = dir.resolve("whole.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(cut)).hasMessage(cut + ": not a readable image");
    }

    @Test
    void refusesHugeImagesFromTheirHeaderAlone() throws IOException {
        Path huge = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(10_000, 6_000, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile());
        assertThatThrownBy(() -> ImageFiles.read(huge)).hasMessageContaining("10000×6000 pixels is over the 50-megapixel limit");
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
