package dev.deemwb.world;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/**
 * Renders scenes, anti-aliased, at any size. Geometry scales with the image so a 64×64 model input
 * and a 512×512 display image show the same scene. Rendering is deterministic: the same scene, size
 * and shift give the same pixels (randomised transforms draw from the scene's seed).
 */
public final class SceneRenderer {

    static final Color BACKGROUND = new Color(240, 240, 235);
    /** Outline width of hollow objects, as a fraction of the object's size. */
    private static final double STROKE_FRACTION = 0.13;

    public BufferedImage render(Scene scene, int size) {
        return render(scene, size, null);
    }

    /** @param shift an out-of-distribution transform, or {@code null} for a clean render */
    public BufferedImage render(Scene scene, int size, OodShift shift) {
        if (size < 8 || size > 4096) {
            throw new IllegalArgumentException("image size must be 8..4096 pixels, was " + size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            paintBackground(g, size, shift, scene.seed());
            for (SceneObject object : scene.objects()) {
                paintObject(g, object, size, shift);
            }
        } finally {
            g.dispose();
        }
        if (shift != null) {
            PixelTransforms.apply(image, shift, scene.seed());
        }
        return image;
    }

    /**
     * The objects' silhouettes (filled, whether the object is filled or hollow) as a mask: 1 on object
     * pixels, 0 on background. Used to weight losses and to measure reconstructions where it matters —
     * the background dominates any whole-image error.
     */
    public float[] renderMask(Scene scene, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            for (SceneObject object : scene.objects()) {
                double s = object.size() * size;
                g.fill(outline(object, object.centerX() * size, object.centerY() * size, s));
                g.setStroke(new BasicStroke((float) Math.max(1.0, STROKE_FRACTION * s)));
                g.draw(outline(object, object.centerX() * size, object.centerY() * size, s));
            }
        } finally {
            g.dispose();
        }
        float[] mask = new float[size * size];
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (pixels[i] & 0xFF) / 255f;
        }
        return mask;
    }

    private static void paintBackground(Graphics2D g, int size, OodShift shift, long seed) {
        Color background = BACKGROUND;
        if (shift != null && shift.transform() == OodTransform.DARK_BACKGROUND) {
            double keep = 1 - 0.9 * shift.strength();
            background = new Color((int) (BACKGROUND.getRed() * keep), (int) (BACKGROUND.getGreen() * keep),
                    (int) (BACKGROUND.getBlue() * keep));
        }
        g.setColor(background);
        g.fillRect(0, 0, size, size);
        if (shift != null && shift.transform() == OodTransform.TEXTURED_BACKGROUND) {
            paintStripes(g, size, shift, seed);
        }
    }

    /** Diagonal stripes whose contrast grows with severity; angle and period come from the seed. */
    private static void paintStripes(Graphics2D g, int size, OodShift shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_7E47L);
        double period = size * (0.06 + 0.05 * random.nextDouble());
        double angle = random.nextDouble() * Math.PI;
        int darkness = (int) (150 * shift.strength());
        g.setColor(new Color(BACKGROUND.getRed() - darkness, BACKGROUND.getGreen() - darkness,
                BACKGROUND.getBlue() - darkness / 2));
        g.setStroke(new BasicStroke((float) (period * 0.45)));
        AffineTransform saved = g.getTransform();
        g.rotate(angle, size / 2.0, size / 2.0);
        for (double x = -size; x < 2 * size; x += period) {
            g.draw(new Line2D.Double(x, -size, x, 2 * size));
        }
        g.setTransform(saved);
    }

    private static void paintObject(Graphics2D g, SceneObject object, int size, OodShift shift) {
        double objectSize = object.size() * size;
        if (isShift(shift, OodTransform.THIN_STROKES)) {
            objectSize *= 1 - 0.2 * shift.strength();
        }
        Shape outline = outline(object, object.centerX() * size, object.centerY() * size, objectSize);
        Color color = isShift(shift, OodTransform.COLOR_SHIFT)
                ? PixelTransforms.shiftHue(object.color().awtColor(), shift)
                : object.color().awtColor();
        g.setColor(color);
        double strokeWidth = Math.max(1.0, STROKE_FRACTION * objectSize);
        if (isShift(shift, OodTransform.THIN_STROKES)) {
            strokeWidth = Math.max(0.5, strokeWidth / (1 + 2 * shift.strength()));
        }
        if (isShift(shift, OodTransform.OUTLINE_RENDITION)) {
            paintRendition(g, object, outline, objectSize, shift);
        } else if (object.filled()) {
            g.fill(outline);
        } else {
            g.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
    }

    /**
     * A sketch of the object: a thin outline, and for filled objects diagonal hatching instead of a
     * solid fill (so filled and hollow stay distinguishable). Higher severity: sparser hatching.
     */
    private static void paintRendition(Graphics2D g, SceneObject object, Shape outline, double objectSize,
                                       OodShift shift) {
        g.setStroke(new BasicStroke((float) Math.max(0.6, 0.06 * objectSize)));
        g.draw(outline);
        if (object.filled()) {
            Shape savedClip = g.getClip();
            g.clip(outline);
            Rectangle2D box = outline.getBounds2D();
            double spacing = objectSize * (0.12 + 0.1 * shift.strength());
            for (double d = -box.getHeight(); d < box.getWidth(); d += spacing) {
                g.draw(new Line2D.Double(box.getX() + d, box.getMaxY(),
                        box.getX() + d + box.getHeight(), box.getY()));
            }
            g.setClip(savedClip);
        }
    }

    private static boolean isShift(OodShift shift, OodTransform transform) {
        return shift != null && shift.transform() == transform;
    }

    /** The object's outline centred at (cx, cy) with bounding-box side {@code s}. */
    static Shape outline(SceneObject object, double cx, double cy, double s) {
        double r = s / 2;
        Shape unit = switch (object.shape()) {
            case CIRCLE -> new Ellipse2D.Double(-r, -r, s, s);
            case SQUARE -> new Rectangle2D.Double(-0.85 * r, -0.85 * r, 1.7 * r, 1.7 * r);
            case TRIANGLE -> polygon(new double[] {0, r, -r}, new double[] {-r, 0.8 * r, 0.8 * r});
            case DIAMOND -> polygon(new double[] {0, 0.75 * r, 0, -0.75 * r}, new double[] {-r, 0, r, 0});
            case CROSS -> cross(r);
            case STAR -> star(r);
            case HEART -> heart(r);
            case CRESCENT -> crescent(r);
        };
        AffineTransform placement = AffineTransform.getTranslateInstance(cx, cy);
        if (object.orientation() != null) {
            placement.rotate(Math.toRadians(object.orientation().degreesClockwiseFromUp()));
        }
        return placement.createTransformedShape(unit);
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }

    private static Shape cross(double r) {
        double a = 0.34 * r;
        return polygon(new double[] {-a, a, a, r, r, a, a, -a, -a, -r, -r, -a},
                new double[] {-r, -r, -a, -a, a, a, r, r, a, a, -a, -a});
    }

    private static Shape star(double r) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : 0.45 * r;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            xs[i] = radius * Math.cos(angle);
            ys[i] = radius * Math.sin(angle) + 0.08 * r;
        }
        return polygon(xs, ys);
    }

    private static Shape heart(double r) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, r * 0.95);
        path.curveTo(-1.3 * r, 0.05 * r, -0.75 * r, -1.05 * r, 0, -0.45 * r);
        path.curveTo(0.75 * r, -1.05 * r, 1.3 * r, 0.05 * r, 0, r * 0.95);
        path.closePath();
        return path;
    }

    private static Shape crescent(double r) {
        Area moon = new Area(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        moon.subtract(new Area(new Ellipse2D.Double(-0.45 * r, -1.05 * r, 2 * r, 2 * r)));
        return moon;
    }
}
