package dev.deemwb.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.deemwb.contender.TokenUsage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's {@value ProbeRun#RECORDS_FILE}: an item, each model's answer as given, as the
 * benchmark's rule parsed it, and whether that is right. An item the models could not be asked (an
 * unreadable image, a question outside the vocabulary, a server that kept failing) keeps the answers of
 * the models that did answer and says why the others did not in {@code error}; a resumed run asks only
 * those others again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String id, String image, String question, String expected, Map<String, String> slices,
                        Map<String, ModelAnswer> answers, String error) {

    public RunRecord {
        slices = Collections.unmodifiableMap(new LinkedHashMap<>(slices));
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /**
     * One model's answer to the item.
     *
     * @param latencyMillis how long the request that answered it took (a whole batch, for in-process
     *                      models); null for imported answers
     * @param usage         tokens used, when the server reports them
     * @param asked         what this model was asked, when not the item's question (an MMVP question with
     *                      its options); null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelAnswer(String answer, String parsed, boolean correct,
                              @JsonProperty("latency_ms") Double latencyMillis, TokenUsage usage, String asked) {

        /** An answer known only by its text (imported predictions). */
        public ModelAnswer(String answer, String parsed, boolean correct) {
            this(answer, parsed, correct, null, null, null);
        }
    }

    static RunRecord answered(ProbeItem item, Map<String, ModelAnswer> answers) {
        return new RunRecord(item.id(), item.image(), item.question(), item.expected(), item.slices(), answers, null);
    }

    static RunRecord failed(ProbeItem item, String error) {
        return partial(item, Map.of(), error);
    }

    /** An item some models answered and others could not, saying why. */
    static RunRecord partial(ProbeItem item, Map<String, ModelAnswer> answers, String error) {
        return new RunRecord(item.id(), item.image(), item.question(), item.expected(), item.slices(), answers, error);
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
