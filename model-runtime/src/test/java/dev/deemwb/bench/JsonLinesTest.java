package dev.deemwb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    record Item(String name, int size) {
        Item {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void roundTripSkipsBlankLinesAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("items.jsonl");
        JsonLines.write(file, List.of(new Item("a", 1), new Item("b", 2)));
        Files.writeString(file, Files.readString(file) + "\n   \n");

        assertThat(JsonLines.read(file, record -> record.as(Item.class)))
                .containsExactly(new Item("a", 1), new Item("b", 2));
        assertThat(Files.readString(file)).startsWith("{\"name\":\"a\",\"size\":1}\n{\"name\":\"b\",\"size\":2}\n");
        assertThat(TempFiles.names(dir)).containsExactly("items.jsonl");
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        Path notObject = write("{\"name\": \"a\"}\n\"b\"\n");
        assertThatThrownBy(() -> JsonLines.read(notObject, record -> record.string("name")))
                .hasMessage(notObject + " line 2: expected a JSON object, found string \"b\"");

        Path array = write("[\n  {\"name\": \"a\"},\n  {\"name\": \"b\"}\n]\n");
        assertThatThrownBy(() -> JsonLines.read(array, record -> record.string("name")))
                .hasMessage(array + ": a JSON array, not JSON Lines (one JSON object per line, no enclosing [ ])");

        Path nullAnswer = write("{\"name\": null}\n");
        assertThatThrownBy(() -> JsonLines.read(nullAnswer, record -> record.string("name")))
                .hasMessage(nullAnswer + " line 1: field 'name' is null");

        Path wrongType = write("\n{\"name\": 3}\n");
        assertThatThrownBy(() -> JsonLines.read(wrongType, record -> record.string("name")))
                .hasMessage(wrongType + " line 2: field 'name' must be a string, found number 3");

        Path tooBig = write("{\"size\": 3000000000}\n");
        assertThatThrownBy(() -> JsonLines.read(tooBig, record -> record.integer("size")))
                .hasMessage(tooBig + " line 1: field 'size' must be a whole number, found number 3000000000");
    }

    @Test
    void validationFailureOfTheBuiltValueIsReportedAtItsLine() throws IOException {
        Path file = write("{\"name\": \"a\", \"size\": 1}\n{\"name\": \"b\", \"size\": -1}\n");

        assertThatThrownBy(() -> JsonLines.read(file, record -> new Item(record.string("name"), record.integer("size"))))
                .isInstanceOf(BenchFormatException.class)
                .hasMessage(file + " line 2: size must not be negative");
        assertThatThrownBy(() -> JsonLines.read(file, record -> record.as(Item.class)))
                .isInstanceOf(BenchFormatException.class)
                .hasMessageStartingWith(file + " line 2: not a valid Item (")
                .hasMessageContaining("size must not be negative");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("data.jsonl"), text);
    }
}
