package dev.deemwb.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's {@value ProbeRun#RECORDS_FILE}: an item, each model's answer as given, as the
 * benchmark's rule parsed it, and whether that is right. An item the models could not be asked (an
 * unreadable image, a question outside the vocabulary) has no answers and says why in {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String id, String image, String question, String expected, Map<String, String> slices,
                        Map<String, ModelAnswer> answers, String error) {

    public RunRecord {
        slices = Collections.unmodifiableMap(new LinkedHashMap<>(slices));
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** One model's answer to the item. */
    public record ModelAnswer(String answer, String parsed, boolean correct) {
    }

    static RunRecord answered(ProbeItem item, Map<String, ModelAnswer> answers) {
        return new RunRecord(item.id(), item.image(), item.question(), item.expected(), item.slices(), answers, null);
    }

    static RunRecord failed(ProbeItem item, String error) {
        return new RunRecord(item.id(), item.image(), item.question(), item.expected(), item.slices(), Map.of(), error);
    }

    @JsonIgnore
    public boolean isError() {
        return error != null;
    }

    /** Whether {@code model} answered right; false for an item with an error. */
    public boolean correct(String model) {
        ModelAnswer answer = answers.get(model);
        return answer != null && answer.correct();
    }
}
