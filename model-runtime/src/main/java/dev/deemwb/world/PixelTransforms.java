package dev.deemwb.world;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** The transforms that act on pixels after drawing: noise and blur; and the colour-shift rule. */
final class PixelTransforms {

    private PixelTransforms() {
    }

    static void apply(BufferedImage image, OodShift shift, long seed) {
        switch (shift.transform()) {
            case NOISE -> addNoise(image, 60 * shift.strength(), seed);
            case BLUR -> blur(image, 0.06 * image.getWidth() * shift.strength());
            default -> { } // the others change what is drawn, see SceneRenderer
        }
    }

    /**
     * Rotates hue by up to 12° and desaturates by up to 35 %: visibly shifted, still nameable as the
     * same colour (red and orange are only 28° apart), so the ground truth holds.
     */
    static Color shiftHue(Color color, OodShift shift) {
        float[] hsb = Color.RGBtoHSB(color.getRed(), color.getGreen(), color.getBlue(), null);
        float hue = (float) (hsb[0] + 12.0 / 360.0 * shift.strength());
        float saturation = (float) (hsb[1] * (1 - 0.35 * shift.strength()));
        return Color.getHSBColor(hue - (float) Math.floor(hue), saturation, hsb[2]);
    }

    private static void addNoise(BufferedImage image, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x0A15EL);
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int r = clamp(((rgb[i] >> 16) & 0xFF) + random.nextGaussian() * sigma);
            int g = clamp(((rgb[i] >> 8) & 0xFF) + random.nextGaussian() * sigma);
            int b = clamp((rgb[i] & 0xFF) + random.nextGaussian() * sigma);
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, w, h, rgb, 0, w);
    }

    /** Separable Gaussian blur with edge clamping. */
    private static void blur(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        if (radius < 1) {
            return;
        }
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] horizontal = convolve(rgb, w, h, kernel, 1, 0);
        image.setRGB(0, 0, w, h, convolve(horizontal, w, h, kernel, 0, 1), 0, w);
    }

    private static int[] convolve(int[] src, int w, int h, double[] kernel, int dx, int dy) {
        int radius = kernel.length / 2;
        int[] out = new int[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int k = -radius; k <= radius; k++) {
                    int sx = Math.min(w - 1, Math.max(0, x + k * dx));
                    int sy = Math.min(h - 1, Math.max(0, y + k * dy));
                    int p = src[sy * w + sx];
                    double weight = kernel[k + radius];
                    r += weight * ((p >> 16) & 0xFF);
                    g += weight * ((p >> 8) & 0xFF);
                    b += weight * (p & 0xFF);
                }
                out[y * w + x] = (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
