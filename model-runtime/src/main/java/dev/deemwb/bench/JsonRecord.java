package dev.deemwb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.Json;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One JSON object from a benchmark file, with typed field access that fails with the object's
 * location ({@code file line 12: missing field 'label'} or
 * {@code file record imagenet_r[3]: missing field 'gt_caption'}).
 */
public final class JsonRecord implements Located {

    private final JsonNode node;
    private final Path file;
    private final Integer line;
    private final String record;

    private JsonRecord(JsonNode node, Path file, Integer line, String record) {
        this.node = node;
        this.file = file;
        this.line = line;
        this.record = record;
        if (!node.isObject()) {
            throw error("expected a JSON object, found " + describe(node));
        }
    }

    /** The object on a 1-based line of a JSON Lines file. */
    public static JsonRecord atLine(Path file, int line, JsonNode node) {
        return new JsonRecord(node, file, line, null);
    }

    /** The object at {@code record} (e.g. {@code imagenet_r[3]}) inside a JSON document. */
    public static JsonRecord atRecord(Path file, String record, JsonNode node) {
        return new JsonRecord(node, file, null, record);
    }

    /** Where this object is, as messages name it: {@code line 12} or {@code record imagenet_r[3]}. */
    public String location() {
        return line != null ? "line " + line : "record " + record;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** A string field, possibly empty. */
    public String string(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw error("field '" + field + "' must be a string, found " + describe(value));
        }
        return value.textValue();
    }

    /** A whole-number field that fits an {@code int}. */
    public int integer(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error("field '" + field + "' must be a whole number, found " + describe(value));
        }
        return value.intValue();
    }

    /**
     * Binds the whole object to {@code type} with the shared {@link Json} mapper, for files whose
     * records are plain Jackson-mapped types rather than a fixed benchmark format.
     */
    public <T> T as(Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw error("not a valid " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")");
        }
    }

    @Override
    public BenchFormatException error(String problem) {
        return line != null
                ? BenchFormatException.atLine(file, line, problem)
                : BenchFormatException.atRecord(file, record, problem);
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw error("missing field '" + field + "'");
        }
        if (value.isNull()) {
            throw error("field '" + field + "' is null");
        }
        return value;
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
