package dev.deemwb.io;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The project's one Jackson configuration, so every JSON file is read and written the same way.
 *
 * <ul>
 *   <li>Unknown properties are ignored: files written by a newer version stay readable.
 *   <li>Trailing tokens and duplicate keys are errors: a damaged file fails loudly instead of
 *       being half-read.
 *   <li>{@code java.time} values are ISO-8601 strings; output is indented, for files people read.
 * </ul>
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** The shared, thread-safe mapper. Configure it here only; never reconfigure it at a call site. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A writer that puts each value on one line, as JSON Lines files need. */
    public static ObjectWriter compactWriter() {
        return COMPACT;
    }

    /** Writes {@code value} as indented JSON with a final newline, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(value) + "\n");
    }
}
