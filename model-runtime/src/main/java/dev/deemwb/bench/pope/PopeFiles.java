package dev.deemwb.bench.pope;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.JsonLines;
import dev.deemwb.bench.JsonRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes POPE's JSON Lines files: the split files (one {@link PopeQuestion} per line, e.g.
 * {@code coco_pope_adversarial.json}) and answer files (one {@link PopeAnswer} per line). Writes are
 * atomic. Unknown fields are ignored, so files with extra metadata stay readable.
 */
public final class PopeFiles {

    private PopeFiles() {}

    /**
     * Reads a split file.
     *
     * @throws BenchFormatException naming file and line for malformed JSON, a missing or blank field,
     *     a label other than {@code yes}/{@code no}, or a repeated {@code question_id}
     */
    public static List<PopeQuestion> readQuestions(Path file) throws IOException {
        Set<Integer> seenIds = new HashSet<>();
        return JsonLines.read(file, record -> {
            PopeQuestion question = new PopeQuestion(
                    record.integer("question_id"), record.string("image"), record.string("text"), record.string("label"));
            if (!seenIds.add(question.questionId())) {
                throw record.error("duplicate question_id " + question.questionId());
            }
            return question;
        });
    }

    public static void writeQuestions(Path file, List<PopeQuestion> questions) throws IOException {
        JsonLines.write(file, questions);
    }

    /**
     * Reads an answer file. {@code question} and {@code answer} are required (either may be empty);
     * {@code question_id} must be on every line or on none, since the scorer matches either by id
     * or by order, never both.
     *
     * @throws BenchFormatException naming file and line of the first bad line
     */
    public static List<PopeAnswer> readAnswers(Path file) throws IOException {
        return JsonLines.read(file, new AnswerParser());
    }

    public static void writeAnswers(Path file, List<PopeAnswer> answers) throws IOException {
        JsonLines.write(file, answers);
    }

    /** Parses answer lines, holding whether the first line set the file's id convention. */
    private static final class AnswerParser implements Function<JsonRecord, PopeAnswer> {
        private Boolean withIds;

        @Override
        public PopeAnswer apply(JsonRecord record) {
            boolean hasId = record.has("question_id");
            if (withIds == null) {
                withIds = hasId;
            } else if (withIds != hasId) {
                throw record.error(withIds
                        ? "missing field 'question_id' (earlier lines have one)"
                        : "unexpected field 'question_id' (earlier lines have none)");
            }
            // LLaVA's model_vqa writes {"question_id", "prompt", "text", ...}: its answer is "text".
            String answerField = !record.has("answer") && record.has("text") ? "text" : "answer";
            return new PopeAnswer(hasId ? record.integer("question_id") : null,
                    record.has("question") ? record.string("question") : null, record.string(answerField));
        }
    }
}
