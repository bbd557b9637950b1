package dev.deemwb.curate;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an annotator edits on an item. Every edit is one field's new text, so undo, history and merge
 * treat them all alike; each field says what text it takes and puts it in canonical form.
 */
public enum Field {
    STATE("state"),
    QUESTION("question"),
    ANSWER("answer"),
    CATEGORY("category"),
    /** An MMVP question's two options, {@code (a) Open (b) Closed}. */
    OPTIONS("options"),
    /** Items with the same pair name form one MMVP pair. */
    PAIR("pair"),
    GT_CAPTION("gt_caption"),
    ERROR_CAPTION("error_caption"),
    /** The RobustVQA split, or the POPE file, the item is exported into. */
    SPLIT("split"),
    NOTES("notes"),
    /** Comma-separated; kept lower case, trimmed, de-duplicated and sorted. */
    TAGS("tags");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** The name in project files and exports. */
    public String key() {
        return key;
    }

    /** The fields stored in an item's {@code fields} object (the state has its own property). */
    public static Set<Field> textFields() {
        return Arrays.stream(values()).filter(f -> f != STATE).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Field fromKey(String key) {
        for (Field field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown field '" + key + "' (fields: "
                + Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The value in canonical form; the empty string clears the field.
     *
     * @throws IllegalArgumentException for a state or category that does not exist
     */
    public String canonical(String value) {
        String text = value == null ? "" : value;
        return switch (this) {
            case STATE -> ItemState.fromKey(text.strip().toLowerCase(Locale.ROOT)).key();
            case CATEGORY -> text.isBlank() ? "" : ItemCategory.fromKey(text).key();
            case TAGS -> Arrays.stream(text.split(","))
                    .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                    .filter(tag -> !tag.isEmpty())
                    .sorted().distinct().collect(Collectors.joining(","));
            case SPLIT, PAIR -> text.strip();
            default -> text;
        };
    }

    /** Whether an edit may continue the previous one as a single undo step (typing, not a decision). */
    boolean typed() {
        return this != STATE && this != CATEGORY;
    }
}
