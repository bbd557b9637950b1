package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.BenchFiles;
import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.Csv;
import dev.deemwb.bench.CsvTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes MMVP's {@code Questions.csv}: columns {@code Index, Question, Options,
 * Correct Answer} (found by name, in any order), one row per image, rows (1,2), (3,4), … forming
 * pairs.
 *
 * <p>An optional extra column {@code Type} holds each pair's {@linkplain MmvpPattern visual pattern}
 * (same name and vocabulary as MMVP-VLM's {@code type} column). The real file has no such column;
 * our synthetic files write it so that scores can be broken down by pattern. Tools that read columns
 * by name, like MMVP's own evaluation, ignore it.
 */
public final class MmvpFiles {

    /** The file name the benchmark uses. */
    public static final String QUESTIONS_FILE = "Questions.csv";

    private static final String INDEX = "Index";
    private static final String QUESTION = "Question";
    private static final String OPTIONS = "Options";
    private static final String CORRECT = "Correct Answer";
    private static final String TYPE = "Type";

    private MmvpFiles() {}

    private record Row(MmvpQuestion question, Optional<MmvpPattern> pattern) {}

    /**
     * Reads the questions as pairs.
     *
     * @throws BenchFormatException naming file and line for a missing column, a bad value, an odd
     *     number of rows, ids that do not pair up as (2k-1, 2k), or two rows of a pair with different
     *     {@code Type}s
     */
    public static List<MmvpPair> readQuestions(Path file) throws IOException {
        CsvTable table = Csv.read(file);
        CsvTable.Column index = table.column(INDEX);
        CsvTable.Column question = table.column(QUESTION);
        CsvTable.Column options = table.column(OPTIONS);
        CsvTable.Column correct = table.column(CORRECT);
        Optional<CsvTable.Column> type = table.optionalColumn(TYPE);
        return Pairs.fromRows(table.rows(),
                row -> new Row(
                        new MmvpQuestion(row.integer(index), row.get(question),
                                MmvpOptions.parse(row.get(options)), MmvpChoice.fromLabel(row.get(correct))),
                        type.map(row::get).filter(name -> !name.isBlank()).map(MmvpPattern::parse)),
                (first, second) -> {
                    if (!first.pattern().equals(second.pattern())) {
                        throw new IllegalArgumentException(TYPE + " " + describe(second.pattern())
                                + " differs from the first row of its pair (" + describe(first.pattern()) + ")");
                    }
                    return new MmvpPair(first.question(), second.question(), first.pattern());
                });
    }

    /**
     * Writes the questions atomically, in pair order. The {@code Type} column is written only when
     * some pair has a pattern (blank for pairs without one).
     */
    public static void writeQuestions(Path file, List<MmvpPair> pairs) throws IOException {
        boolean withTypes = pairs.stream().anyMatch(pair -> pair.pattern().isPresent());
        List<String> header = new ArrayList<>(List.of(INDEX, QUESTION, OPTIONS, CORRECT));
        if (withTypes) {
            header.add(TYPE);
        }
        List<List<String>> rows = new ArrayList<>();
        for (MmvpPair pair : pairs) {
            for (MmvpQuestion question : List.of(pair.first(), pair.second())) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(question.index()), question.question(),
                        question.options().text(), question.correct().label()));
                if (withTypes) {
                    row.add(pair.pattern().map(MmvpPattern::displayName).orElse(""));
                }
                rows.add(row);
            }
        }
        Csv.write(file, header, rows);
    }

    /**
     * The question's image in {@code imageFolder}: {@code <Index>.jpg} (the real benchmark) or
     * {@code <Index>.png} (ours), whichever exists.
     *
     * @throws BenchFormatException if neither exists
     */
    public static Path resolveImage(Path imageFolder, MmvpQuestion question) {
        return BenchFiles.resolveImage(imageFolder, String.valueOf(question.index()));
    }

    private static String describe(Optional<MmvpPattern> pattern) {
        return pattern.map(p -> "'" + p.displayName() + "'").orElse("blank");
    }
}
