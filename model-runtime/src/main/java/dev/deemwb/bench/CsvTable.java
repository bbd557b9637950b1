package dev.deemwb.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file read by {@link Csv#read}: the header's columns, found by name, and the data rows.
 * Columns are matched by name, trimmed and ignoring case, so their order in the file is free.
 */
public final class CsvTable {

    /** A named column and its position in each row. */
    public record Column(String name, int position) {}

    private final Path file;
    private final int headerLine;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<CsvRow> rows;

    CsvTable(Path file, int headerLine, List<String> header, List<CsvRow> rows) {
        this.file = file;
        this.headerLine = headerLine;
        this.rows = List.copyOf(rows);
        for (int position = 0; position < header.size(); position++) {
            String name = header.get(position).strip();
            if (name.isEmpty()) {
                continue; // an unnamed column cannot be asked for, e.g. a trailing comma in the header
            }
            if (columns.putIfAbsent(key(name), new Column(name, position)) != null) {
                throw BenchFormatException.atLine(file, headerLine, "duplicate column '" + name + "'");
            }
        }
    }

    /**
     * The column named {@code name}.
     *
     * @throws BenchFormatException naming the header line and the column when it is absent
     */
    public Column column(String name) {
        return optionalColumn(name).orElseThrow(
                () -> BenchFormatException.atLine(file, headerLine, "missing column '" + name + "'"));
    }

    /** The column under {@code name} or, where a file spells it so, under one of {@code aliases}. */
    public Column column(String name, String... aliases) {
        Optional<Column> found = optionalColumn(name);
        for (int i = 0; found.isEmpty() && i < aliases.length; i++) {
            found = optionalColumn(aliases[i]);
        }
        return found.orElseThrow(() -> BenchFormatException.atLine(file, headerLine, "missing column '" + name + "'"
                + (aliases.length == 0 ? "" : " (or '" + String.join("', '", aliases) + "')")));
    }

    /** The column named {@code name}, if the header has it. */
    public Optional<Column> optionalColumn(String name) {
        return Optional.ofNullable(columns.get(key(name)));
    }

    /** The data rows, in file order. */
    public List<CsvRow> rows() {
        return rows;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
