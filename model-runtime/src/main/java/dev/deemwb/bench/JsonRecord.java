package dev.deemwb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.Json;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * One JSON object from a benchmark file, with typed field access that fails with the object's
 * location ({@code file line 12: missing field 'label'} or
 * {@code file record imagenet_r[3]: missing field 'gt_caption'}).
 */
public final class JsonRecord implements Located {

    /** Where the object is, as messages name it, and how to report a problem there. */
    private record Place(String location, Function<String, BenchFormatException> errorAt) {
    }

    private final Place place;
    private final JsonNode node;

    private JsonRecord(Place place, JsonNode node) {
        this.place = place; // first: a node that is no object is reported at its place
        if (!node.isObject()) {
            throw error("expected a JSON object, found " + describe(node));
        }
        this.node = node;
    }

    /** The object on a 1-based line of a JSON Lines file. */
    public static JsonRecord atLine(Path file, int line, JsonNode node) {
        return new JsonRecord(new Place("line " + line, problem -> BenchFormatException.atLine(file, line, problem)),
                node);
    }

    /** The object at {@code record} (e.g. {@code imagenet_r[3]}) inside a JSON document. */
    public static JsonRecord atRecord(Path file, String record, JsonNode node) {
        return new JsonRecord(new Place("record " + record,
                problem -> BenchFormatException.atRecord(file, record, problem)), node);
    }

    /** Where this object is, as messages name it: {@code line 12} or {@code record imagenet_r[3]}. */
    public String location() {
        return place.location();
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
        return place.errorAt().apply(problem);
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
