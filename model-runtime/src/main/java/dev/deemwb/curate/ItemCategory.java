package dev.deemwb.curate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a curated question probes: the mini world's categories, and {@code other} for the rest. */
public enum ItemCategory {
    PRESENCE, COUNT, COLOR, ORIENTATION, STRUCTURE, POSITION, OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ItemCategory::key).toList();
    }

    /** Reads a key; {@code colour} is accepted for {@code color}. */
    public static ItemCategory fromKey(String key) {
        String cleaned = key.strip().toLowerCase(Locale.ROOT);
        for (ItemCategory category : values()) {
            if (category.key().equals(cleaned) || (category == COLOR && cleaned.equals("colour"))) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + key + "' (categories: " + String.join(", ", keys())
                + ")");
    }
}
