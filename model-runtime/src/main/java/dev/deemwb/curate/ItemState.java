package dev.deemwb.curate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an item stands in the annotator's review; only accepted items are exported. */
public enum ItemState {
    NEW, ACCEPTED, REJECTED, SKIPPED;

    /** The name in project files and on screen: {@code new}, {@code accepted}, … */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the states when {@code key} is none of them */
    @JsonCreator
    public static ItemState fromKey(String key) {
        for (ItemState state : values()) {
            if (state.key().equals(key)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown state '" + key + "' (states: "
                + Arrays.stream(values()).map(ItemState::key).collect(Collectors.joining(", ")) + ")");
    }
}
