package dev.deemwb.bench;

import java.nio.file.Path;
import java.util.List;

/** One data row of a {@link CsvTable}; its accessors fail with the row's line number. */
public final class CsvRow implements Located {

    private final Path file;
    private final int line;
    private final List<String> fields;

    CsvRow(Path file, int line, List<String> fields) {
        this.file = file;
        this.line = line;
        this.fields = fields;
    }

    /** The 1-based line the row starts on. */
    public int line() {
        return line;
    }

    /**
     * The raw field in {@code column}, untrimmed.
     *
     * @throws BenchFormatException if this row is too short to have the column
     */
    public String get(CsvTable.Column column) {
        if (column.position() >= fields.size()) {
            throw error("missing column '" + column.name() + "'");
        }
        return fields.get(column.position());
    }

    /** The field in {@code column} as a whole number, surrounding spaces ignored. */
    public int integer(CsvTable.Column column) {
        String value = get(column).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error("'" + column.name() + "' must be a whole number, found '" + value + "'");
        }
    }


    @Override
    public BenchFormatException error(String problem) {
        return BenchFormatException.atLine(file, line, problem);
    }
}
