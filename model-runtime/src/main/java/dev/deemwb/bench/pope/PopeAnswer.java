package dev.deemwb.bench.pope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One line of a POPE answer file, the format POPE's evaluation script reads:
 * {@code {"question": "Is there a snowboard in the image?", "answer": "Yes, there is."}}, one line
 * per question, in the order of the split file; the script reads only {@code answer}, so the
 * question may be left out. A {@code question_id} may be added; then answers are matched to questions
 * by id instead of by order (see {@link PopeScorer}).
 *
 * @param questionId the question's id, or {@code null} when the file matches answers by order
 * @param question   the question as it was asked, or {@code null} when the file leaves it out
 *                   (informational: scoring never reads it)
 * @param answer     the model's raw answer text, possibly empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"question_id", "question", "answer"})
public record PopeAnswer(@JsonProperty("question_id") Integer questionId, String question, String answer) {

    public PopeAnswer {
        Objects.requireNonNull(answer, "answer");
    }

    /** An answer matched by order, as POPE's own files have it. */
    public PopeAnswer(String question, String answer) {
        this(null, question, answer);
    }
}
