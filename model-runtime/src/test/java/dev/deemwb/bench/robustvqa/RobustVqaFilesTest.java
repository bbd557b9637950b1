package dev.deemwb.bench.robustvqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.TempFiles;
import dev.deemwb.bench.YesNo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustVqaFilesTest {

    private static final RobustVqaRecord GOLDFISH = new RobustVqaRecord("imagenet-a/n01443537/0.jpg", "goldfish", "tiger shark");
    private static final RobustVqaRecord PUG = new RobustVqaRecord("imagenet-r/n02110958/1.jpg", "pug", "\"quoted\" cat");

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesAnEqualDatasetAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("robustvqa.json");
        Map<String, List<RobustVqaRecord>> splits = new LinkedHashMap<>();
        splits.put("imagenet_a", List.of(GOLDFISH));
        splits.put("imagenet_r", List.of(PUG, GOLDFISH));
        splits.put("imagenet_v2", List.of());
        RobustVqaDataset dataset = new RobustVqaDataset(splits);

        RobustVqaFiles.write(file, dataset);

        assertThat(RobustVqaFiles.readOfficial(file)).isEqualTo(dataset);
        assertThat(RobustVqaFiles.readOfficial(file).splits().keySet()).containsExactly("imagenet_a", "imagenet_r", "imagenet_v2");
        assertThat(Files.readString(file)).contains("\"file_name\" : \"imagenet-a/n01443537/0.jpg\"");
        assertThat(TempFiles.names(dir)).containsExactly("robustvqa.json");
    }

    @Test
    void officialReadingNamesTheMissingSplitWhileAnyReadingAcceptsOwnSplits() throws IOException {
        Path file = write("{\"imagenet_a\": [], \"imagenet_r\": [], \"noise_severity_3\": []}");

        assertThatThrownBy(() -> RobustVqaFiles.readOfficial(file))
                .isInstanceOf(BenchFormatException.class)
                .hasMessage(file + ": missing split 'imagenet_v2'");
        assertThat(RobustVqaFiles.read(file).splits()).containsOnlyKeys("imagenet_a", "imagenet_r", "noise_severity_3");
    }

    @Test
    void missingOrBlankFieldNamesSplitAndRecord() throws IOException {
        Path missing = write("{\"imagenet_a\": [], \"imagenet_v2\": [], \"imagenet_r\": ["
                + record(GOLDFISH) + ", " + record(PUG) + ", " + record(GOLDFISH) + ", "
                + "{\"file_name\": \"x.jpg\", \"error_caption\": \"cat\"}]}");
        assertThatThrownBy(() -> RobustVqaFiles.readOfficial(missing))
                .hasMessage(missing + " record imagenet_r[3]: missing field 'gt_caption'");

        Path blank = write("{\"imagenet_a\": [{\"file_name\": \"x.jpg\", \"gt_caption\": \"dog\", \"error_caption\": \"  \"}]}");
        assertThatThrownBy(() -> RobustVqaFiles.read(blank))
                .hasMessage(blank + " record imagenet_a[0]: field 'error_caption' is blank");
    }

    @Test
    void badStructureIsNamed() throws IOException {
        Path notArray = write("{\"imagenet_a\": {\"file_name\": \"x.jpg\"}}");
        assertThatThrownBy(() -> RobustVqaFiles.read(notArray))
                .hasMessage(notArray + " record imagenet_a: a split must be an array of records");

        Path notObject = write("[]");
        assertThatThrownBy(() -> RobustVqaFiles.read(notObject))
                .hasMessageStartingWith(notObject + ": expected one JSON object of splits");

        Path empty = write("{}");
        assertThatThrownBy(() -> RobustVqaFiles.read(empty)).hasMessage(empty + ": no splits");

        Path malformed = write("{\n  \"imagenet_a\": [\n    {\"file_name\": \"x.jpg\",,}\n  ]\n}");
        assertThatThrownBy(() -> RobustVqaFiles.read(malformed))
                .hasMessageStartingWith(malformed + " line 3: malformed JSON (");
    }

    @Test
    void nonexistentFile() {
        Path missing = dir.resolve("robustvqa.json");

        assertThatThrownBy(() -> RobustVqaFiles.read(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void eachRecordYieldsAYesAndANoQuestionWithTheOriginalPrompt() {
        RobustVqaDataset dataset = new RobustVqaDataset(Map.of("imagenet_r", List.of(GOLDFISH)));

        List<RobustVqaQuestion> questions = dataset.questions();

        assertThat(questions).containsExactly(
                new RobustVqaQuestion("imagenet_r", 0, GOLDFISH.fileName(), "goldfish", YesNo.YES),
                new RobustVqaQuestion("imagenet_r", 0, GOLDFISH.fileName(), "tiger shark", YesNo.NO));
        assertThat(questions).extracting(RobustVqaQuestion::prompt).containsExactly(
                "Is goldfish the main object in this image? Please anwser yes or no",
                "Is tiger shark the main object in this image? Please anwser yes or no");
        assertThat(questions).extracting(RobustVqaQuestion::id).containsExactly("imagenet_r[0].gt", "imagenet_r[0].error");
    }

    private static String record(RobustVqaRecord record) {
        return "{\"file_name\": \"" + record.fileName() + "\", \"gt_caption\": \"" + record.gtCaption().replace("\"", "\\\"")
                + "\", \"error_caption\": \"" + record.errorCaption().replace("\"", "\\\"") + "\"}";
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("robustvqa.json"), text);
    }
}
