package dev.deemwb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFilesTest {

    @TempDir
    Path dir;

    @Test
    void missingFileSaysSo() {
        Path missing = dir.resolve("nowhere.jsonl");

        assertThatThrownBy(() -> BenchFiles.readText(missing))
                .isInstanceOf(BenchFormatException.class)
                .hasMessage(missing + ": no such file")
                .satisfies(e -> assertThat(((BenchFormatException) e).line()).isEmpty());
    }

    @Test
    void rejectsTextThatIsNotUtf8AndDropsByteOrderMark() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThatThrownBy(() -> BenchFiles.readText(latin1)).hasMessage(latin1 + ": not UTF-8 text");

        Path withBom = Files.writeString(dir.resolve("bom.csv"), "\uFEFFIndex\n");
        assertThat(BenchFiles.readText(withBom)).isEqualTo("Index\n");
    }

    @Test
    void resolvesJpgBeforePngAndNamesBothWhenNeitherExists() throws IOException {
        Files.createFile(dir.resolve("7.png"));
        assertThat(BenchFiles.resolveImage(dir, "7")).isEqualTo(dir.resolve("7.png"));

        Files.createFile(dir.resolve("7.jpg"));
        assertThat(BenchFiles.resolveImage(dir, "7")).isEqualTo(dir.resolve("7.jpg"));

        assertThatThrownBy(() -> BenchFiles.resolveImage(dir, "8"))
                .hasMessage(dir + ": no image '8.jpg' or '8.png'");
    }

    @Test
    void exceptionExposesItsParts() {
        BenchFormatException atLine = BenchFormatException.atLine(Path.of("q.csv"), 7, "missing column 'Options'");
        assertThat(atLine).hasMessage("q.csv line 7: missing column 'Options'");
        assertThat(atLine.line()).hasValue(7);
        assertThat(atLine.problem()).isEqualTo("missing column 'Options'");

        BenchFormatException atRecord = BenchFormatException.atRecord(Path.of("r.json"), "imagenet_r[3]", "x");
        assertThat(atRecord).hasMessage("r.json record imagenet_r[3]: x");
        assertThat(atRecord.record()).hasValue("imagenet_r[3]");
        assertThat(atRecord.file()).isEqualTo(Path.of("r.json"));
    }
}
