package dev.deemwb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    record Run(String name, Instant started) {}

    @Test
    void ignoresUnknownPropertiesAndReadsIsoTimes() throws IOException {
        Run run = Json.mapper().readValue(
                "{\"name\": \"pope\", \"started\": \"2025-01-02T03:04:05Z\", \"addedLater\": 1}", Run.class);

        assertThat(run).isEqualTo(new Run("pope", Instant.parse("2025-01-02T03:04:05Z")));
    }

    @Test
    void writesTimesAsIsoStringsOnOneLineWithTheCompactWriter() throws IOException {
        String line = Json.compactWriter().writeValueAsString(new Run("pope", Instant.parse("2025-01-02T03:04:05Z")));

        assertThat(line).isEqualTo("{\"name\":\"pope\",\"started\":\"2025-01-02T03:04:05Z\"}");
    }

    @Test
    void rejectsDuplicateKeysAndTrailingTokens() {
        assertThatThrownBy(() -> Json.mapper().readTree("{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> Json.mapper().readTree("{\"a\": 1} {\"b\": 2}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Trailing token");
    }

    @Test
    void writesIndentedFileWithFinalNewline(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.json");

        Json.write(file, new Run("pope", Instant.parse("2025-01-02T03:04:05Z")));

        String text = Files.readString(file);
        assertThat(text).contains("\n  \"name\"").endsWith("}\n");
        assertThat(Json.mapper().readValue(text, Run.class).name()).isEqualTo("pope");
    }
}
