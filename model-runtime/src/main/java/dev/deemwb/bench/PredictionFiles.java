package dev.deemwb.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model predictions for benchmarks that have no official answer file (MMVP, MMVP-VLM, RobustVQA): JSON
 * Lines, one prediction per line, keyed by the question's id. Written by our runners and accepted from
 * other tools.
 *
 * <ul>
 *   <li>MMVP: {@code {"index": 7, "answer": "(a) Open"}}, or MMVP's own {@code {"question_id": 7,
 *       "answer": "(a)", "response": "(b) Closed"}} (answer = ground truth, response = the model)
 *   <li>MMVP-VLM: {@code {"qid": 7, "image": 0}} — which image of the pair the statement was matched to
 *   <li>RobustVQA: {@code {"question_id": "imagenet_r[3].gt", "answer": "yes"}}
 * </ul>
 *
 * A question predicted twice is an error naming both lines: silently keeping one would change scores.
 */
public final class PredictionFiles {

    private PredictionFiles() {
    }

    /**
     * MMVP answers by question index: ours, {@code {"index", "answer"}}, or MMVP's own answer files,
     * {@code {"question_id", "answer", "response"}}, whose {@code answer} is the ground truth and
     * {@code response} the model's answer (reading {@code answer} there would score the labels).
     */
    public static Map<Integer, String> readAnswersByIndex(Path file) throws IOException {
        return collect(file, JsonLines.read(file, r -> new Keyed<>(r,
                r.has("index") ? r.integer("index") : r.integer("question_id"),
                r.has("response") ? r.string("response") : r.string("answer"))));
    }

    public static Map<String, String> readAnswersById(Path file) throws IOException {
        return collect(file, JsonLines.read(file,
                r -> new Keyed<>(r, r.string("question_id"), r.string("answer"))));
    }

    public static Map<Integer, Integer> readChosenImages(Path file) throws IOException {
        return collect(file, JsonLines.read(file, r -> {
            int image = r.integer("image");
            if (image != 0 && image != 1) {
                throw r.error("'image' must be 0 (first of the pair) or 1 (second), found " + image);
            }
            return new Keyed<>(r, r.integer("qid"), image);
        }));
    }

    private record Keyed<K, V>(JsonRecord record, K key, V value) {
    }

    private static <K, V> Map<K, V> collect(Path file, List<Keyed<K, V>> rows) {
        Map<K, V> values = new LinkedHashMap<>();
        Map<K, JsonRecord> firstSeen = new LinkedHashMap<>();
        for (Keyed<K, V> row : rows) {
            JsonRecord earlier = firstSeen.putIfAbsent(row.key(), row.record());
            if (earlier != null) {
                throw row.record().error("question " + row.key() + " is predicted twice (first at "
                        + earlier.location() + ")");
            }
            values.put(row.key(), row.value());
        }
        return values;
    }
}
