package dev.deemwb.bench.robustvqa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.bench.BenchFiles;
import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.JsonRecord;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes RobustVQA's one JSON object,
 * {@code {"imagenet_a": [R…], "imagenet_r": [R…], "imagenet_v2": [R…]}} with
 * {@code R = {"file_name", "gt_caption", "error_caption"}}.
 *
 * <p>Two ways to read, because the file serves two purposes: {@link #readOfficial} is for
 * reproducing the paper and requires the three official splits (other splits are read too);
 * {@link #read} accepts any non-empty set of named splits, for synthetic files and subsets. Either way
 * every record of every split is validated, so a bad record never slips through under an unusual
 * split name.
 */
public final class RobustVqaFiles {

    private RobustVqaFiles() {}

    /**
     * Reads a file with any split names (at least one).
     *
     * @throws BenchFormatException for malformed JSON (with its line), a split that is not an array
     *     (naming it), or a missing or blank field (naming split and record, e.g. {@code imagenet_r[3]})
     */
    public static RobustVqaDataset read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(BenchFiles.readText(file));
        } catch (JsonProcessingException e) {
            String problem = "malformed JSON (" + e.getOriginalMessage() + ")";
            throw e.getLocation() == null
                    ? BenchFormatException.inFile(file, problem)
                    : BenchFormatException.atLine(file, e.getLocation().getLineNr(), problem);
        }
        if (root == null || !root.isObject()) {
            throw BenchFormatException.inFile(file, "expected one JSON object of splits, e.g. {\"imagenet_a\": [...]}");
        }
        if (root.isEmpty()) {
            throw BenchFormatException.inFile(file, "no splits");
        }
        Map<String, List<RobustVqaRecord>> splits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> split : root.properties()) {
            splits.put(split.getKey(), readSplit(file, split.getKey(), split.getValue()));
        }
        return new RobustVqaDataset(splits);
    }

    /**
     * Reads a file that must have the three {@link RobustVqaDataset#OFFICIAL_SPLITS}.
     *
     * @throws BenchFormatException as {@link #read}, and naming the first official split missing
     */
    public static RobustVqaDataset readOfficial(Path file) throws IOException {
        RobustVqaDataset dataset = read(file);
        for (String split : RobustVqaDataset.OFFICIAL_SPLITS) {
            if (!dataset.splits().containsKey(split)) {
                throw BenchFormatException.inFile(file, "missing split '" + split + "'");
            }
        }
        return dataset;
    }

    /** Writes the dataset atomically, as indented JSON, splits in order. */
    public static void write(Path file, RobustVqaDataset dataset) throws IOException {
        Json.write(file, dataset.splits());
    }

    private static List<RobustVqaRecord> readSplit(Path file, String split, JsonNode records) {
        if (!records.isArray()) {
            throw BenchFormatException.atRecord(file, split, "a split must be an array of records");
        }
        List<RobustVqaRecord> result = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonRecord record = JsonRecord.atRecord(file, split + "[" + i + "]", records.get(i));
            result.add(record.build(() -> new RobustVqaRecord(
                    record.string("file_name"), record.string("gt_caption"), record.string("error_caption"))));
        }
        return result;
    }
}
