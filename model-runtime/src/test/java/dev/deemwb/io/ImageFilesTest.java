package dev.deemwb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deemwb.model.ImageTensors;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Node;

class ImageFilesTest {

    /** Adobe APP14 transforms of the four-channel fixtures; -1 writes none. */
    private static final int CMYK = 0;
    private static final int NO_ADOBE_MARKER = -1;
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

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
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("missing.png"))).isInstanceOf(NoSuchFileException.class)
                .hasMessage(dir.resolve("missing.png") + ": no such file");
    }

    @Test
    void saysWhatAPathIsWhenItIsNoRegularFile() throws IOException {
        assertThatThrownBy(() -> ImageFiles.read(Path.of(""))).hasMessage("no image named: the path is empty");
        Path loop = dir.resolve("loop.png");
        Files.createSymbolicLink(loop, dir.resolve("back.png"));
        Files.createSymbolicLink(dir.resolve("back.png"), loop);
        assertThatThrownBy(() -> ImageFiles.read(loop)).hasMessageContaining("is a link that leads to no file");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.png"), dir.resolve("gone.png"));
        assertThatThrownBy(() -> ImageFiles.read(dangling)).hasMessageContaining("is a link that leads to no file");
        Path device = Path.of("/dev/zero");
        assumeTrue(Files.exists(device), "a Unix device to read");
        assertThatThrownBy(() -> ImageFiles.read(device))
                .hasMessage("/dev/zero: is not a regular file (a device, a pipe or a socket), so not an image");
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
    void refusesAJpegThatEndsEarly() throws IOException {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, (x * y) & 0xffffff);
            }
        }
        Path whole = dir.resolve("whole.jpg");
        ImageIO.write(image, "jpg", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path half = Files.write(dir.resolve("half.jpg"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(ImageFiles.read(whole).getWidth()).isEqualTo(200);
        assertThatThrownBy(() -> ImageFiles.read(half))
                .hasMessage(half + ": the file ends early (cut short?), so part of the image is missing");
    }

    @Test
    void refusesHugeImagesFromTheirHeaderAlone() throws IOException {
        Path huge = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(10_000, 6_000, BufferedImage.TYPE_BYTE_BINARY), "png", huge.toFile());
        assertThatThrownBy(() -> ImageFiles.read(huge)).hasMessageContaining("10000×6000 pixels is over the 50-megapixel limit");
    }

    /**
     * Four-channel JPEGs, left half red and right half blue: as Photoshop writes CMYK (an Adobe marker,
     * inverted values) and as plain ink amounts without the marker, both from the JDK's writer.
     */
    @ParameterizedTest(name = "Adobe transform {0}")
    @ValueSource(ints = {CMYK, NO_ADOBE_MARKER})
    void readsCmykJpegsAsRgb(int adobeTransform) throws Exception {
        assertHalves(ImageFiles.read(cmykJpeg(dir.resolve("halves-" + adobeTransform + ".jpg"), adobeTransform)));
    }

    /**
     * YCCK (Adobe transform 2: C, M, Y stored as YCbCr) as ImageMagick 6 writes it for
     * {@code convert … -colorspace CMYK out.jpg} — the JDK's writer cannot make one: given transform 2
     * it marks the file YCCK but stores the CMYK values untransformed (ImageMagick reads such a file's
     * red half as srgb(179,0,227)).
     */
    @Test
    void readsYcckJpegsAsImageMagickWritesThem() throws Exception {
        Path file = dir.resolve("halves-ycck.jpg");
        try (InputStream resource = ImageFilesTest.class.getResourceAsStream("halves-ycck-imagemagick.jpg")) {
            Files.copy(resource, file);
        }
        assertHalves(ImageFiles.read(file));
    }

    private static void assertHalves(BufferedImage image) {
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(32);
        assertColour(image.getRGB(16, 16), 255, 0, 0);
        assertColour(image.getRGB(48, 16), 0, 0, 255);
    }

    private static Path cmykJpeg(Path file, int adobeTransform) throws IOException {
        boolean inverted = adobeTransform != NO_ADOBE_MARKER;
        int[] red = {0, 255, 255, 0}; // ink: C, M, Y, K
        int[] blue = {255, 255, 0, 0};
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int[] ink = x < 32 ? red : blue;
                raster.setPixel(x, y, inverted ? Arrays.stream(ink).map(v -> 255 - v).toArray() : ink);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            byte[] plain = jpeg(writer, raster, null, param); // a raster's JPEG gets no Adobe marker
            if (!inverted) {
                return Files.write(file, plain);
            }
            // The writer has no default header for a raster: take the plain file's and add the marker.
            IIOMetadata header = headerOf(plain);
            IIOMetadataNode tree = (IIOMetadataNode) header.getAsTree(JPEG_METADATA);
            IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
            adobe.setAttribute("transform", Integer.toString(adobeTransform));
            Node markers = tree.getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(adobe, markers.getFirstChild());
            header.setFromTree(JPEG_METADATA, tree);
            byte[] marked = jpeg(writer, raster, header, param);
            IIOMetadataNode written = (IIOMetadataNode) headerOf(marked).getAsTree(JPEG_METADATA);
            assertThat(((IIOMetadataNode) written.getElementsByTagName("app14Adobe").item(0)).getAttribute("transform"))
                    .as("the fixture's Adobe marker").isEqualTo(Integer.toString(adobeTransform));
            return Files.write(file, marked);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] jpeg(ImageWriter writer, Raster raster, IIOMetadata header, ImageWriteParam param)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, header), param);
        }
        return bytes.toByteArray();
    }

    private static IIOMetadata headerOf(byte[] jpeg) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.getImageMetadata(0);
        } finally {
            reader.dispose();
        }
    }

    private static void assertColour(int rgb, int red, int green, int blue) {
        // JPEG compression moves values a little; a wrong conversion moves them by far more.
        assertThat(new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF}).as("RGB of %06x", rgb & 0xFFFFFF)
                .satisfies(actual -> {
                    assertThat(actual[0]).isCloseTo(red, within(12));
                    assertThat(actual[1]).isCloseTo(green, within(12));
                    assertThat(actual[2]).isCloseTo(blue, within(12));
                });
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
