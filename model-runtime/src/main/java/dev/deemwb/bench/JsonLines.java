package dev.deemwb.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** JSON Lines files (one JSON object per line), the format of POPE's questions and answers. */
public final class JsonLines {

    private JsonLines() {}

    /**
     * Reads every non-blank line as one JSON object and converts it with {@code parser}. Blank lines
     * are skipped (files often end with one); line numbers in errors count them, so they match an
     * editor's.
     *
     * @throws BenchFormatException naming the file and line of the first bad line
     */
    public static <T> List<T> read(Path file, Function<JsonRecord, T> parser) throws IOException {
        String text = BenchFiles.readText(file);
        if (text.strip().startsWith("[")) {
            throw BenchFormatException.inFile(file, "a JSON array, not JSON Lines (one JSON object per line, no "
                    + "enclosing [ ])");
        }
        List<String> lines = text.lines().toList();
        List<T> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                throw BenchFormatException.atLine(file, lineNumber, "malformed JSON (" + e.getOriginalMessage() + ")");
            }
            JsonRecord record = JsonRecord.atLine(file, lineNumber, node);
            values.add(record.build(() -> parser.apply(record)));
        }
        return values;
    }

    /** Writes one compact JSON object per line, atomically. */
    public static void write(Path file, List<?> values) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(Json.compactWriter().writeValueAsString(value)).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }
}
