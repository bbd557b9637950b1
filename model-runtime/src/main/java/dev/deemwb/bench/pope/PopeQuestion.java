package dev.deemwb.bench.pope;

import static dev.deemwb.bench.Checks.requireNonBlank;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.deemwb.bench.YesNo;

/**
 * One line of a POPE split file:
 * {@code {"question_id": 1, "image": "COCO_val2014_000000310196.jpg", "text": "Is there a snowboard in the image?", "label": "yes"}}.
 *
 * @param label {@code yes} or {@code no}, exactly as the file spells it
 */
@JsonPropertyOrder({"question_id", "image", "text", "label"})
public record PopeQuestion(
        @JsonProperty("question_id") int questionId, String image, String text, String label) {

    public PopeQuestion {
        requireNonBlank("image", image);
        requireNonBlank("text", text);
        YesNo.fromLabel(label);
    }

    /** The label as a value. */
    public YesNo expected() {
        return YesNo.fromLabel(label);
    }

    /** Whether {@code asked} is this question's text, ignoring case, spacing and the final punctuation. */
    public boolean isAsked(String asked) {
        return comparable(asked).equals(comparable(text));
    }

    private static String comparable(String question) {
        return question.strip().replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").toLowerCase(java.util.Locale.ROOT);
    }
}
