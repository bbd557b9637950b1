package dev.deemwb.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * JPEGs with four colour channels (CMYK, or YCCK: CMYK stored as YCbCr + K), as print workflows and
 * Photoshop write them. ImageIO's {@code read} refuses them on older JDKs, and the JDK 17.0.15 it was
 * tested with decodes YCCK to wrong colours and inverts CMYK that has no Adobe marker. Its
 * {@code readRaster} returns the values as stored — for YCCK still as YCbCr + K — without any colour
 * handling, so this class undoes the YCC transform and converts to sRGB itself.
 *
 * <p>The conversion is the plain formula {@code R = (1 - C)(1 - K)}: an embedded ICC profile is not
 * applied, so colours are close, not exact. An Adobe APP14 marker means Photoshop's convention of
 * inverted values (0 = full ink); without it, the values are taken as ink amounts.
 */
final class CmykJpeg {

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private CmykJpeg() {
    }

    /** Whether {@code reader} holds a JPEG whose frame has four components. */
    static boolean isFourChannel(ImageReader reader) {
        try {
            if (!"jpeg".equalsIgnoreCase(reader.getFormatName())) {
                return false;
            }
            Node sof = find(header(reader), "sof");
            return sof != null && "4".equals(attribute(sof, "numFrameComponents"));
        } catch (IOException | RuntimeException e) {
            return false; // a header ImageIO cannot parse: its ordinary read will say what is wrong
        }
    }

    /** Decodes the image as CMYK values and converts them to opaque sRGB. */
    static BufferedImage read(ImageReader reader) throws IOException {
        Node adobe = find(header(reader), "app14Adobe");
        boolean inverted = adobe != null;
        // Adobe transform 2: C, M, Y stored as YCbCr, which readRaster returns as they are stored.
        boolean ycck = adobe != null && "2".equals(attribute(adobe, "transform"));
        Raster cmyk = reader.readRaster(0, null);
        int width = cmyk.getWidth();
        int height = cmyk.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] samples = new int[4 * width];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            cmyk.getPixels(cmyk.getMinX(), cmyk.getMinY() + y, width, 1, samples);
            if (ycck) {
                undoYcc(samples, width);
            }
            for (int x = 0; x < width; x++) {
                // "paper" is 255 where there is no ink: 255 - ink, which inverted files store directly.
                int k = paper(samples[4 * x + 3], inverted);
                row[x] = channel(samples[4 * x], k, inverted) << 16 | channel(samples[4 * x + 1], k, inverted) << 8
                        | channel(samples[4 * x + 2], k, inverted);
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    /**
     * YCbCr back to the three stored colour channels (JFIF's equations, as libjpeg's YCCK decoder
     * uses them), each then stored inverted like plain Adobe CMYK: 255 − the "RGB" value.
     */
    private static void undoYcc(int[] samples, int width) {
        for (int x = 0; x < width; x++) {
            double luma = samples[4 * x];
            double cb = samples[4 * x + 1] - 128.0;
            double cr = samples[4 * x + 2] - 128.0;
            samples[4 * x] = 255 - clamp(luma + 1.402 * cr);
            samples[4 * x + 1] = 255 - clamp(luma - 0.344136 * cb - 0.714136 * cr);
            samples[4 * x + 2] = 255 - clamp(luma + 1.772 * cb);
        }
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static int channel(int value, int paperK, boolean inverted) {
        return (paper(value, inverted) * paperK + 127) / 255;
    }

    private static int paper(int value, boolean inverted) {
        return inverted ? value : 255 - value;
    }

    private static Node header(ImageReader reader) throws IOException {
        IIOMetadata metadata = reader.getImageMetadata(0);
        return metadata.getAsTree(NATIVE_FORMAT);
    }

    /** The first element called {@code name} in the tree under {@code node}, depth first. */
    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String attribute(Node node, String name) {
        NamedNodeMap attributes = node.getAttributes();
        Node value = attributes == null ? null : attributes.getNamedItem(name);
        return value == null ? null : value.getNodeValue();
    }
}
