package dev.deemwb.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reading user images safely: every refusal names the file and the reason. */
public final class ImageFiles {

    /** Largest image decoded; bigger ones are refused from their header, before any pixel is read. */
    public static final long MAX_PIXELS = 50_000_000L;

    private ImageFiles() {
    }

    /**
     * Decodes an image file, refusing — with the file and the reason — what is not an image and
     * images over {@link #MAX_PIXELS} pixels, the latter from the header alone so a decompression
     * bomb never reaches the decoder.
     */
    public static BufferedImage read(Path file) throws IOException {
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException("no image named: the path is empty");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder, not an image");
        }
        if (!Files.isRegularFile(file)) {
            if (Files.isSymbolicLink(file)) {
                throw new IllegalArgumentException(file + ": is a link that leads to no file (its target is missing, "
                        + "or the links form a loop)");
            }
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + ": is not a regular file (a device, a pipe or a socket), so "
                        + "not an image");
            }
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return read(in, file.toString(), MAX_PIXELS);
        }
    }

    /**
     * As {@link #read(Path)}, for an image sent rather than stored, with its own pixel limit;
     * {@code source} names it in refusals.
     */
    public static BufferedImage read(byte[] content, String source, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            return read(in, source, maxPixels);
        }
    }

    private static BufferedImage read(ImageInputStream in, String source, long maxPixels) {
        Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw notAnImage(source, null);
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            checkPixelCount(source, reader, maxPixels);
            return decode(source, reader);
        } finally {
            reader.dispose();
        }
    }
    private static void checkPixelCount(String file, ImageReader reader, long maxPixels) {
        long width;
        long height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw notAnImage(file, e);
        }
        if (width * height > maxPixels) {
            String megapixels = BigDecimal.valueOf(maxPixels, 6).stripTrailingZeros().toPlainString();
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d×%d pixels is over the %s-megapixel limit",
                    file, width, height, megapixels));
        }
    }
    private static BufferedImage decode(String file, ImageReader reader) {
        // A JPEG cut short decodes without an exception, its missing part grey: the decoder only warns.
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage decoded;
        try {
            decoded = CmykJpeg.isFourChannel(reader) ? CmykJpeg.read(reader) : reader.read(0);
        } catch (IOException | RuntimeException e) { // decoders of damaged files throw both kinds
            throw notAnImage(file, e);
        }
        if (decoded == null) {
            throw notAnImage(file, null);
        }
        if (warnings.stream().anyMatch(w -> w.contains("Truncated") || w.contains("premature end"))) {
            throw new IllegalArgumentException(file + ": the file ends early (cut short?), so part of the image is "
                    + "missing");
        }
        return decoded;
    }
    private static IllegalArgumentException notAnImage(String file, Throwable cause) {
        return new IllegalArgumentException(file + ": not a readable image", cause);
    }
}
