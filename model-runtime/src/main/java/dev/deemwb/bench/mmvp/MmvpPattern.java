package dev.deemwb.bench.mmvp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nine visual patterns MMVP groups its CLIP-blind pairs by. {@link #displayName()} is the name
 * the real MMVP-VLM files use, both in the {@code type} column and as the image folder.
 */
public enum MmvpPattern {
    ORIENTATION("Orientation and Direction", "orientation", "direction"),
    PRESENCE("Presence of Specific Features", "presence", "features", "feature"),
    STATE("State and Condition", "state", "condition"),
    QUANTITY("Quantity and Count", "quantity", "count", "counting"),
    POSITIONAL("Positional and Relational Context", "positional", "position", "relational", "spatial"),
    COLOR("Color and Appearance", "color", "colour", "appearance"),
    STRUCTURAL("Structural Characteristics", "structural", "structure", "characteristics"),
    TEXT("Texts", "text", "texts"),
    VIEWPOINT("Viewpoint and Perspective", "viewpoint", "perspective");

    private final String displayName;
    private final Set<String> keywords;

    MmvpPattern(String displayName, String... keywords) {
        this.displayName = displayName;
        this.keywords = Set.of(keywords);
    }

    public String displayName() {
        return displayName;
    }

    /** A short, stable id for command lines and JSON, e.g. {@code orientation}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a pattern name leniently, since hand-made files vary: the display name
     * ({@code Orientation and Direction}), the id ({@code orientation}) or any spelling whose words
     * point at exactly one pattern ({@code Colour}, {@code spatial}, {@code quantity/count}). Words
     * are compared whole, so {@code Context} does not mean {@code Texts}.
     *
     * @throws IllegalArgumentException if the words point at no pattern or at several
     */
    public static MmvpPattern parse(String name) {
        Set<String> words = Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
        List<MmvpPattern> matches = new ArrayList<>();
        for (MmvpPattern pattern : values()) {
            if (pattern.keywords.stream().anyMatch(words::contains)) {
                matches.add(pattern);
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException((matches.isEmpty() ? "unknown" : "ambiguous")
                    + " visual pattern '" + name + "' (expected one of: "
                    + Arrays.stream(values()).map(MmvpPattern::displayName).collect(Collectors.joining(", ")) + ")");
        }
        return matches.get(0);
    }
}
