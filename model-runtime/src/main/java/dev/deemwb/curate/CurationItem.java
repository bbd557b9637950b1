package dev.deemwb.curate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One image under curation and what the annotators made of it.
 *
 * @param image the image's path below the project's image folder, with {@code /}; also the item's key
 *     (in merges too)
 * @param fields the non-empty text fields by {@link Field#key()}, canonical
 * @param answers the contenders' latest answers to the item's question
 * @param history every change, oldest first
 */
@JsonPropertyOrder({"image", "state", "fields", "answers", "history"})
public record CurationItem(String image, ItemState state, Map<String, String> fields, List<ContenderAnswer> answers,
                           List<Change> history) {

    public CurationItem {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an item needs its image's path");
        }
        if (image.startsWith("/") || image.contains("\\") || image.matches("(.*/)?\\.\\.(/.*)?") || image.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("image '" + image + "' must be a path below the project's image folder, "
                    + "with / between folders");
        }
        state = state == null ? ItemState.NEW : state;
        Map<String, String> canonical = new TreeMap<>();
        if (fields != null) {
            fields.forEach((key, value) -> {
                Field field = Field.fromKey(key);
                if (field == Field.STATE) {
                    throw new IllegalArgumentException("the state is the item's own property, not a field");
                }
                String text = field.canonical(value);
                if (!text.isEmpty()) {
                    canonical.put(key, text);
                }
            });
        }
        fields = Collections.unmodifiableMap(canonical);
        answers = answers == null ? List.of() : List.copyOf(answers);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new item for an image: nothing filled in yet. */
    public static CurationItem of(String image) {
        return new CurationItem(image, ItemState.NEW, Map.of(), List.of(), List.of());
    }

    /** The field's text; empty when unset. */
    public String get(Field field) {
        return field == Field.STATE ? state.key() : fields.getOrDefault(field.key(), "");
    }

    /** This item with {@code field} set to {@code value} (already canonical), the history unchanged. */
    CurationItem with(Field field, String value) {
        if (field == Field.STATE) {
            return new CurationItem(image, ItemState.fromKey(value), fields, answers, history);
        }
        Map<String, String> changed = new TreeMap<>(fields);
        changed.put(field.key(), value);
        return new CurationItem(image, state, changed, answers, history);
    }

    CurationItem withHistory(List<Change> changed) {
        return new CurationItem(image, state, fields, answers, changed);
    }

    CurationItem withAnswers(List<ContenderAnswer> changed) {
        return new CurationItem(image, state, fields, changed, history);
    }

    CurationItem plus(Change change) {
        List<Change> longer = new ArrayList<>(history);
        longer.add(change);
        return withHistory(longer);
    }

    /** Tags, in canonical order. */
    public List<String> tags() {
        String tags = get(Field.TAGS);
        return tags.isEmpty() ? List.of() : List.of(tags.split(","));
    }
}
