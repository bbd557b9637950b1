package dev.deemwb.bench;

import dev.deemwb.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV files as RFC 4180 describes them, the format of MMVP's {@code Questions.csv}: fields
 * separated by commas, a field with commas, quotes or line breaks enclosed in double quotes, a quote
 * inside such a field doubled. A small parser of our own, because the format is small and we want
 * errors with line numbers.
 *
 * <p>Reading is lenient where real files are sloppy and strict where guessing would corrupt data:
 * CRLF, LF and CR line ends are all accepted; blank lines are skipped; a quote in the middle of an
 * unquoted field is kept as a character; but text after a closing quote, or a quoted field that never
 * closes, is an error.
 */
public final class Csv {

    private Csv() {}

    /**
     * Reads a CSV file whose first record is the header.
     *
     * @throws BenchFormatException if the file is missing or empty, a quoted field is unterminated,
     *     or a row has non-empty fields beyond the header's columns
     */
    public static CsvTable read(Path file) throws IOException {
        List<ParsedRecord> records = parse(file, BenchFiles.readText(file));
        if (records.isEmpty()) {
            throw BenchFormatException.inFile(file, "empty file, expected a header row");
        }
        ParsedRecord header = records.get(0);
        if (header.fields().size() == 1 && header.fields().get(0).contains("\t")) {
            throw BenchFormatException.atLine(file, header.line(),
                    "the header is tab-separated; these files are comma-separated (save as CSV, not TSV)");
        }
        List<CsvRow> rows = new ArrayList<>();
        for (ParsedRecord record : records.subList(1, records.size())) {
            List<String> extra = record.fields().subList(Math.min(header.fields().size(), record.fields().size()),
                    record.fields().size());
            // Spreadsheets pad rows with empty cells; only real content past the header is an error.
            if (extra.stream().anyMatch(field -> !field.isEmpty())) {
                throw BenchFormatException.atLine(file, record.line(), record.fields().size()
                        + " fields, but the header has " + header.fields().size() + " columns");
            }
            rows.add(new CsvRow(file, record.line(), record.fields()));
        }
        return new CsvTable(file, header.line(), header.fields(), rows);
    }

    /** Writes a header and rows, quoting only the fields that need it, atomically. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        AtomicFiles.writeString(file, format(header, rows));
    }

    /** A header and rows as CSV text (for a file or the clipboard), quoting only the fields that need it. */
    public static String format(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        appendRecord(text, header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size()
                        + " fields, but the header has " + header.size());
            }
            appendRecord(text, row);
        }
        return text.toString();
    }

    private static void appendRecord(StringBuilder text, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            text.append("\"\"\n"); // an unquoted empty record would be a blank line, which readers skip
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String field = fields.get(i);
            boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
            text.append(needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        text.append('\n');
    }

    private record ParsedRecord(int line, List<String> fields) {}

    private static List<ParsedRecord> parse(Path file, String text) {
        List<ParsedRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
            if (inQuotes) {
                if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    if (c == '\n' || (c == '\r' && !crlf)) {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (crlf) {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(records, recordLine, fields, fieldWasQuoted);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                recordLine = ++line;
            } else if (fieldWasQuoted) {
                throw BenchFormatException.atLine(file, line, "unexpected '" + c + "' after a closing quote");
            } else if (c == '"' && field.length() == 0) {
                inQuotes = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw BenchFormatException.atLine(file, quoteLine, "quoted field is never closed");
        }
        if (!fields.isEmpty() || field.length() > 0 || fieldWasQuoted) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields, fieldWasQuoted);
        }
        return records;
    }

    private static void addUnlessBlank(List<ParsedRecord> records, int line, List<String> fields, boolean lastWasQuoted) {
        boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !lastWasQuoted;
        if (!blank) {
            records.add(new ParsedRecord(line, List.copyOf(fields)));
        }
    }
}
