package dev.deemwb.bench.mmvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmvpFilesTest {

    private static final String HEADER = "Index,Question,Options,Correct Answer\n";

    @TempDir
    Path dir;

    @Test
    void readsTheOfficialFormatAsPairs() throws IOException {
        Path file = write(HEADER
                + "1,Are the butterfly's wings closer to being open or closed?,(a) Open (b) Closed,(a)\n"
                + "2,Are the butterfly's wings closer to being open or closed?,(a) Open (b) Closed,(b)\n"
                + "3,\"Is the sign \"\"STOP\"\", or \"\"GO\"\"?\",\"(a) STOP, in red (b) GO\",(b)\n"
                + "4,\"Is the sign \"\"STOP\"\", or \"\"GO\"\"?\",\"(A)STOP, in red(B) GO\",(a)\n");

        List<MmvpPair> pairs = MmvpFiles.readQuestions(file);

        assertThat(pairs).hasSize(2);
        MmvpQuestion first = pairs.get(0).first();
        assertThat(first).isEqualTo(new MmvpQuestion(1, "Are the butterfly's wings closer to being open or closed?",
                new MmvpOptions("Open", "Closed"), MmvpChoice.A));
        assertThat(first.prompt()).isEqualTo("Are the butterfly's wings closer to being open or closed? (a) Open (b) Closed");
        assertThat(first.imageFileName("jpg")).isEqualTo("1.jpg");
        assertThat(pairs.get(1).first().question()).isEqualTo("Is the sign \"STOP\", or \"GO\"?");
        assertThat(pairs.get(1).first().options()).isEqualTo(new MmvpOptions("STOP, in red", "GO"));
        assertThat(pairs.get(1).number()).isEqualTo(2);
        assertThat(pairs.get(1).pattern()).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrder() throws IOException {
        Path file = write("Correct Answer,Options,Index,Question\n(a),(a) Up (b) Down,1,Which way?\n(b),(a) Up (b) Down,2,Which way?\n");

        assertThat(MmvpFiles.readQuestions(file).get(0).second().correct()).isEqualTo(MmvpChoice.B);
    }

    @Test
    void writeThenReadGivesEqualPairsWithPatterns() throws IOException {
        Path file = dir.resolve(MmvpFiles.QUESTIONS_FILE);
        MmvpOptions options = new MmvpOptions("Up, mostly", "Down \"low\"");
        List<MmvpPair> pairs = List.of(
                new MmvpPair(new MmvpQuestion(1, "Which way, exactly?", options, MmvpChoice.A),
                        new MmvpQuestion(2, "Which way, exactly?", options, MmvpChoice.B), Optional.of(MmvpPattern.ORIENTATION)),
                new MmvpPair(new MmvpQuestion(3, "Filled or hollow?", new MmvpOptions("Filled", "Hollow"), MmvpChoice.B),
                        new MmvpQuestion(4, "Filled or hollow?", new MmvpOptions("Filled", "Hollow"), MmvpChoice.A)));

        MmvpFiles.writeQuestions(file, pairs);

        assertThat(MmvpFiles.readQuestions(file)).isEqualTo(pairs);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("Index,Question,Options,Correct Answer,Type");
        assertThat(Files.readAllLines(file).get(1)).isEqualTo(
                "1,\"Which way, exactly?\",\"(a) Up, mostly (b) Down \"\"low\"\"\",(a),Orientation and Direction");
        assertThat(TempFiles.names(dir)).containsExactly("Questions.csv");
    }

    @Test
    void withoutPatternsTheOfficialHeaderIsWritten() throws IOException {
        Path file = dir.resolve("Questions.csv");
        MmvpOptions options = new MmvpOptions("Open", "Closed");

        MmvpFiles.writeQuestions(file, List.of(new MmvpPair(new MmvpQuestion(1, "Open?", options, MmvpChoice.A),
                new MmvpQuestion(2, "Open?", options, MmvpChoice.B))));

        assertThat(Files.readString(file)).isEqualTo(HEADER + "1,Open?,(a) Open (b) Closed,(a)\n2,Open?,(a) Open (b) Closed,(b)\n");
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        Path file = write("Index,Question,Correct Answer\n1,Open?,(a)\n2,Open?,(b)\n");

        assertThatThrownBy(() -> MmvpFiles.readQuestions(file))
                .isInstanceOf(BenchFormatException.class)
                .hasMessage(file + " line 1: missing column 'Options'");
    }

    @Test
    void oddRowCountIsAnError() throws IOException {
        Path file = write(HEADER + row(1, "(a)") + row(2, "(b)") + row(3, "(a)"));

        assertThatThrownBy(() -> MmvpFiles.readQuestions(file))
                .hasMessage(file + " line 4: row has no partner (3 rows; rows pair up as (1,2), (3,4), …)");
    }

    @Test
    void indicesThatDoNotPairUpAreErrors() throws IOException {
        Path gap = write(HEADER + row(1, "(a)") + row(3, "(b)"));
        assertThatThrownBy(() -> MmvpFiles.readQuestions(gap))
                .hasMessage(gap + " line 3: Index 3 cannot follow Index 1 in a pair: rows pair up as (1,2), (3,4), …");

        Path shifted = write(HEADER + row(2, "(a)") + row(3, "(b)"));
        assertThatThrownBy(() -> MmvpFiles.readQuestions(shifted))
                .hasMessage(shifted + " line 3: Index 2 cannot start a pair: rows pair up as (1,2), (3,4), …");
    }

    @Test
    void badValuesAreNamedWithTheirLine() throws IOException {
        Path options = write(HEADER + row(1, "(a)") + "2,Open?,Open or Closed,(b)\n");
        assertThatThrownBy(() -> MmvpFiles.readQuestions(options))
                .hasMessage(options + " line 3: Options must look like '(a) Open (b) Closed', found 'Open or Closed'");

        Path blank = write(HEADER + row(1, "(a)") + "2,  ,(a) Open (b) Closed,(b)\n");
        assertThatThrownBy(() -> MmvpFiles.readQuestions(blank))
                .hasMessage(blank + " line 3: field 'Question' is blank");

        Path answer = write(HEADER + row(1, "(c)") + row(2, "(b)"));
        assertThatThrownBy(() -> MmvpFiles.readQuestions(answer))
                .hasMessage(answer + " line 2: expected (a) or (b), found '(c)'");

        Path types = write("Index,Question,Options,Correct Answer,Type\n"
                + "1,Open?,(a) Open (b) Closed,(a),State and Condition\n2,Open?,(a) Open (b) Closed,(b),Texts\n");
        assertThatThrownBy(() -> MmvpFiles.readQuestions(types))
                .hasMessage(types + " line 3: Type 'Texts' differs from the first row of its pair ('State and Condition')");
    }

    @Test
    void resolvesTheImageWhicheverExtensionExists() throws IOException {
        MmvpQuestion question = new MmvpQuestion(5, "Open?", new MmvpOptions("Open", "Closed"), MmvpChoice.A);
        Files.createFile(dir.resolve("5.png"));

        assertThat(MmvpFiles.resolveImage(dir, question)).isEqualTo(dir.resolve("5.png"));
        assertThat(dir.resolve(question.imageFileName("png"))).exists();
    }

    @Test
    void nonexistentFile() {
        Path missing = dir.resolve("Questions.csv");

        assertThatThrownBy(() -> MmvpFiles.readQuestions(missing)).hasMessage(missing + ": no such file");
    }

    private static String row(int index, String correct) {
        return index + ",Open?,(a) Open (b) Closed," + correct + "\n";
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("Questions.csv"), text);
    }
}
