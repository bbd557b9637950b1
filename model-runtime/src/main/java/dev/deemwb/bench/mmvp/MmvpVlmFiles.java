package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.BenchFiles;
import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.Csv;
import dev.deemwb.bench.CsvTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes MMVP-VLM's {@code Questions.csv}: columns {@code Question ID, Type, Statement}
 * (found by name in any case and order; {@code qid} is read for the first), rows (1,2), (3,4), … forming pairs. {@code type} is the visual pattern, parsed
 * leniently by {@link MmvpPattern#parse} and written as its display name, which is also the name of
 * the pattern's image folder.
 */
public final class MmvpVlmFiles {

    /** As MMVP-VLM publishes it; our own earlier files said {@code qid, type, statement}, also read. */
    private static final String QID = "Question ID";
    private static final String TYPE = "Type";
    private static final String STATEMENT = "Statement";
    private static final String SHORT_QID = "qid";

    private MmvpVlmFiles() {}

    /**
     * Reads the statements as pairs.
     *
     * @throws BenchFormatException naming file and line for a missing column, an unknown type (with
     *     its value), an odd number of rows, qids that do not pair up, or a pair whose rows differ in type
     */
    public static List<MmvpVlmPair> readStatements(Path file) throws IOException {
        CsvTable table = Csv.read(file);
        CsvTable.Column qid = table.column(QID, SHORT_QID);
        CsvTable.Column type = table.column(TYPE);
        CsvTable.Column statement = table.column(STATEMENT);
        return Pairs.fromRows(table.rows(),
                row -> new MmvpVlmStatement(row.integer(qid), MmvpPattern.parse(row.get(type)), row.get(statement)),
                MmvpVlmPair::new);
    }

    /** Writes the statements atomically, in pair order. */
    public static void writeStatements(Path file, List<MmvpVlmPair> pairs) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (MmvpVlmPair pair : pairs) {
            for (MmvpVlmStatement statement : List.of(pair.first(), pair.second())) {
                rows.add(List.of(String.valueOf(statement.qid()), statement.pattern().displayName(), statement.statement()));
            }
        }
        Csv.write(file, List.of(QID, TYPE, STATEMENT), rows);
    }

    /**
     * The statement's image: {@code <imagesRoot>/<pattern display name>/<qid>.jpg} or {@code .png},
     * whichever exists.
     *
     * @throws BenchFormatException if neither exists
     */
    public static Path resolveImage(Path imagesRoot, MmvpVlmStatement statement) {
        return BenchFiles.resolveImage(imagesRoot.resolve(statement.pattern().displayName()),
                String.valueOf(statement.qid()));
    }
}
