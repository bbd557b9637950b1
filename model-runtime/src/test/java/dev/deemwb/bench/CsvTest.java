package dev.deemwb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        Path file = write("a.csv", "\uFEFFId,Text\r\n"
                + "1,\"Is it red, or blue?\"\r\n"
                + "2,\"The sign says \"\"STOP\"\"\"\r\n"
                + "3,\"two\nlines\"\r\n"
                + "\r\n"
                + "4,a \"quote\" inside\r\n");

        CsvTable table = Csv.read(file);
        CsvTable.Column text = table.column("Text");

        assertThat(table.rows()).extracting(row -> row.get(text)).containsExactly(
                "Is it red, or blue?", "The sign says \"STOP\"", "two\nlines", "a \"quote\" inside");
        // rows start on lines 2, 3 and 4; the quoted line break runs row 3 onto line 5, line 6 is blank
        assertThat(table.rows()).extracting(CsvRow::line).containsExactly(2, 3, 4, 7);
    }

    @Test
    void findsColumnsByTrimmedNameIgnoringCaseInAnyOrder() throws IOException {
        Path file = write("a.csv", " correct answer ,INDEX\n(a),7\n");

        CsvTable table = Csv.read(file);

        CsvRow row = table.rows().get(0);
        assertThat(row.integer(table.column("Index"))).isEqualTo(7);
        assertThat(row.get(table.column("Correct Answer"))).isEqualTo("(a)");
        assertThat(table.optionalColumn("Type")).isEmpty();
    }

    @Test
    void missingColumnIsNamedAtTheHeaderLine() throws IOException {
        Path file = write("Questions.csv", "Index,Question\n1,Why?\n");

        assertThatThrownBy(() -> Csv.read(file).column("Options"))
                .isInstanceOf(BenchFormatException.class)
                .hasMessage(file + " line 1: missing column 'Options'");
    }

    @Test
    void shortRowIsNamedAtItsLine() throws IOException {
        Path file = write("Questions.csv", "Index,Question,Options\n1,Why?,(a) x (b) y\n2,Why?\n");
        CsvTable table = Csv.read(file);

        assertThatThrownBy(() -> table.rows().get(1).get(table.column("Options")))
                .hasMessage(file + " line 3: missing column 'Options'");
    }

    @Test
    void extraFieldsMustBeEmpty() throws IOException {
        assertThat(Csv.read(write("padded.csv", "a,b\n1,2,,\n")).rows()).hasSize(1);

        Path file = write("extra.csv", "a,b\n1,2\n1,2,3\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessage(file + " line 3: 3 fields, but the header has 2 columns");
    }

    @Test
    void aTabSeparatedFileIsNamedAsSuch() throws IOException {
        Path file = write("Questions.tsv", "Index\tQuestion\tOptions\tCorrect Answer\n1\tIs it open?\t(a) Yes (b) No\t(a)\n");
        assertThatThrownBy(() -> Csv.read(file)).hasMessage(file
                + " line 1: the header is tab-separated; these files are comma-separated (save as CSV, not TSV)");
    }

    @Test
    void malformedQuotingIsAnError() throws IOException {
        Path unclosed = write("unclosed.csv", "a,b\n1,\"never\nclosed\n");
        assertThatThrownBy(() -> Csv.read(unclosed)).hasMessage(unclosed + " line 2: quoted field is never closed");

        Path trailing = write("trailing.csv", "a,b\n1,\"x\"y\n");
        assertThatThrownBy(() -> Csv.read(trailing)).hasMessage(trailing + " line 2: unexpected 'y' after a closing quote");
    }

    @Test
    void emptyFileAndDuplicateColumnsAreErrors() throws IOException {
        Path empty = write("empty.csv", "\n");
        assertThatThrownBy(() -> Csv.read(empty)).hasMessage(empty + ": empty file, expected a header row");

        Path duplicate = write("dup.csv", "a,A\n1,2\n");
        assertThatThrownBy(() -> Csv.read(duplicate)).hasMessage(duplicate + " line 1: duplicate column 'A'");
    }

    @Test
    void nonWholeNumberIsNamed() throws IOException {
        Path file = write("a.csv", "Index\nseven\n");
        CsvTable table = Csv.read(file);

        assertThatThrownBy(() -> table.rows().get(0).integer(table.column("Index")))
                .hasMessage(file + " line 2: 'Index' must be a whole number, found 'seven'");
    }

    @Test
    void writeThenReadGivesTheSameFields() throws IOException {
        Path file = dir.resolve("round.csv");
        List<List<String>> rows = List.of(
                List.of("1", "commas, \"quotes\"", "line\nbreak"),
                List.of("", " padded ", "crlf\r\nend"));

        Csv.write(file, List.of("a", "b", "c"), rows);

        CsvTable table = Csv.read(file);
        List<CsvTable.Column> columns = List.of(table.column("a"), table.column("b"), table.column("c"));
        assertThat(table.rows()).extracting(row -> columns.stream().map(row::get).toList()).isEqualTo(rows);
        assertThat(TempFiles.names(dir)).containsExactly("round.csv");
    }

    @Test
    void singleEmptyFieldSurvivesARoundTrip() throws IOException {
        Path file = dir.resolve("one.csv");
        Csv.write(file, List.of("only"), List.of(List.of(""), List.of("x")));

        CsvTable table = Csv.read(file);
        assertThat(table.rows()).extracting(row -> row.get(table.column("only"))).containsExactly("", "x");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
