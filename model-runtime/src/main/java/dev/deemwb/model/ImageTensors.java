package dev.deemwb.model;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The one place where pictures become model inputs and back. Any size and colour model (grey,
 * 16-bit, indexed, with alpha) is drawn onto an opaque RGB canvas of the requested side with
 * high-quality resampling, then scaled to [-1, 1], channels first.
 */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** {@code (3, size, size)} values in [-1, 1], row-major, channels first. */
    public static float[] toChw(BufferedImage image, int size) {
        // A decoded PNG of the right size (3-byte BGR) is read as it is: redrawing it would copy it unchanged.
        BufferedImage rgb = image.getWidth() == size && image.getHeight() == size && isOpaqueRgb(image)
                ? image : resize(image, size, size);
        int[] pixels = rgb.getRGB(0, 0, size, size, null, 0, size);
        float[] chw = new float[3 * size * size];
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            chw[i] = ((p >> 16) & 0xFF) / 127.5f - 1f;
            chw[plane + i] = ((p >> 8) & 0xFF) / 127.5f - 1f;
            chw[2 * plane + i] = (p & 0xFF) / 127.5f - 1f;
        }
        return chw;
    }

    /** Inverse of {@link #toChw} for a {@code (3, size, size)} array; values outside [-1, 1] are clipped. */
    public static BufferedImage fromChw(float[] chw, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int plane = size * size;
        int[] pixels = new int[plane];
        for (int i = 0; i < plane; i++) {
            pixels[i] = (toByte(chw[i]) << 16) | (toByte(chw[plane + i]) << 8) | toByte(chw[2 * plane + i]);
        }
        image.setRGB(0, 0, size, size, pixels, 0, size);
        return image;
    }

    /** Averages 2×2 blocks: {@code (3, 2s, 2s)} → {@code (3, s, s)}; how 64×64 inputs reach the 32×32 UNet. */
    public static float[] halve(float[] chw, int size) {
        int half = size / 2;
        float[] out = new float[3 * half * half];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < half; y++) {
                for (int x = 0; x < half; x++) {
                    int base = c * size * size + 2 * y * size + 2 * x;
                    out[c * half * half + y * half + x] =
                            (chw[base] + chw[base + 1] + chw[base + size] + chw[base + size + 1]) / 4f;
                }
            }
        }
        return out;
    }

    /**
     * {@code image} resampled to {@code width × height} on an opaque white canvas (alpha flattened), or
     * {@code image} itself when it is already opaque RGB of that size.
     */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage source = image;
        // Shrink by halves first: one bilinear step from a large photo would alias.
        while (source.getWidth() >= 2 * width && source.getHeight() >= 2 * height) {
            source = draw(source, source.getWidth() / 2, source.getHeight() / 2);
        }
        return draw(source, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** 8 bits per channel, no alpha, sRGB: {@link BufferedImage#getRGB} reads these exactly. */
    private static boolean isOpaqueRgb(BufferedImage image) {
        int type = image.getType();
        return type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_INT_BGR;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
