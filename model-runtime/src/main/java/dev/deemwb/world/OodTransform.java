package dev.deemwb.world;

import java.util.Arrays;
import java.util.Locale;

/**
 * Out-of-distribution transforms for RobustVQA-style probes. Each takes a severity 1..5. Models are
 * trained on clean renders only, so every transform moves an image off their training distribution
 * while keeping its ground truth (colour shifts stay within a colour's name).
 */
public enum OodTransform {
    NOISE("Gaussian pixel noise"),
    BLUR("Gaussian blur"),
    THIN_STROKES("thinner outlines and smaller objects"),
    DARK_BACKGROUND("darkened background"),
    TEXTURED_BACKGROUND("striped background texture"),
    COLOR_SHIFT("hue rotation and desaturation of the objects"),
    OUTLINE_RENDITION("sketch-like rendition: outlines, hatched fills");

    private final String description;

    OodTransform(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The command-line and file name of this transform, e.g. {@code thin-strokes}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OodTransform fromId(String id) {
        for (OodTransform t : values()) {
            if (t.id().equalsIgnoreCase(id.trim()) || t.name().equalsIgnoreCase(id.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transform '" + id + "' (known: "
                + Arrays.stream(values()).map(OodTransform::id).toList() + ")");
    }
}
