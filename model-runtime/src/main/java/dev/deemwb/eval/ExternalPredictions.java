package dev.deemwb.eval;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.PredictionFiles;
import dev.deemwb.bench.mmvp.MmvpScorer;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers made by another model, read so they can be scored and browsed beside ours, keyed by
 * {@link ProbeItem#id()}:
 *
 * <ul>
 *   <li>POPE: an answer file — {@code {"question", "answer"}} or just {@code {"answer"}} per line in
 *       the split file's order (as POPE's own script reads it), or with {@code question_id} on every
 *       line, as other tools write it; LLaVA's {@code {"question_id", "text"}} lines too;
 *   <li>MMVP: {@code {"index", "answer"}} per line, or MMVP's own answer files
 *       ({@code {"question_id", "answer", "response"}}, where {@code answer} is the ground truth and
 *       {@code response} the model's);
 *   <li>RobustVQA: {@code {"question_id": "imagenet_r[3].gt", "answer"}} per line.
 * </ul>
 */
public final class ExternalPredictions {

    private ExternalPredictions() {
    }

    /**
     * @throws BenchFormatException naming file and line for a malformed line, and for a POPE file
     *     matched by order whose length is not the split's (order cannot say which answer is missing)
     */
    public static Map<String, String> read(Benchmark<?> benchmark, Path file) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        if (benchmark instanceof PopeBenchmark pope) {
            readPope(pope, file, answers);
        } else if (benchmark instanceof MmvpBenchmark mmvp) {
            Map<Integer, String> byIndex = PredictionFiles.readAnswersByIndex(file);
            try {
                MmvpScorer.requireNotTheLabels(mmvp.pairs(), byIndex);
            } catch (IllegalArgumentException e) {
                throw BenchFormatException.inFile(file, e.getMessage());
            }
            byIndex.forEach((index, answer) -> answers.put(String.valueOf(index), answer));
        } else {
            answers.putAll(PredictionFiles.readAnswersById(file));
        }
        return answers;
    }

    private static void readPope(PopeBenchmark pope, Path file, Map<String, String> answers) throws IOException {
        List<PopeAnswer> lines = PopeFiles.readAnswers(file);
        boolean byId = !lines.isEmpty() && lines.get(0).questionId() != null;
        if (!byId && lines.size() != pope.questions().size()) {
            throw BenchFormatException.inFile(file, lines.size() + " answers for the " + pope.questions().size()
                    + " questions of " + pope.file().getFileName()
                    + "; answers without question_id are matched by order and must be one per question");
        }
        Map<Integer, PopeQuestion> questions = new HashMap<>();
        pope.questions().forEach(question -> questions.put(question.questionId(), question));
        for (int i = 0; i < lines.size(); i++) {
            PopeAnswer line = lines.get(i);
            int id = byId ? line.questionId() : pope.questions().get(i).questionId();
            PopeQuestion question = questions.get(id);
            if (line.question() != null && question != null && !question.isAsked(line.question())) {
                throw BenchFormatException.atLine(file, i + 1, "this answer was given to \"" + line.question().strip()
                        + "\", but question_id " + id + " of " + pope.file().getFileName() + " asks \""
                        + question.text() + "\": the answers belong to another split or file");
            }
            if (answers.putIfAbsent(String.valueOf(id), line.answer()) != null) {
                throw BenchFormatException.atLine(file, i + 1, "question_id " + id + " is answered twice");
            }
        }
    }
}
