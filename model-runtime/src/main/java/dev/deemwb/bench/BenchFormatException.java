package dev.deemwb.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A benchmark file that cannot be used as it is: missing, malformed, or with a value that breaks
 * the format. The message says where, so a user can open the file and fix it:
 * {@code Questions.csv line 7: missing column 'Options'},
 * {@code robustvqa.json record imagenet_r[3]: missing field 'gt_caption'},
 * {@code pope.jsonl: no such file}.
 *
 * <p>Unchecked, because a bad file is a data problem the caller reports rather than recovers from;
 * genuine I/O failures (permissions, disk errors) stay {@link java.io.IOException}s.
 */
public final class BenchFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final Integer line;
    private final String record;
    private final String problem;

    private BenchFormatException(Path file, Integer line, String record, String problem) {
        super(file + (line != null ? " line " + line : "") + (record != null ? " record " + record : "")
                + ": " + problem);
        this.file = file;
        this.line = line;
        this.record = record;
        this.problem = problem;
    }

    /** A problem with the file as a whole. */
    public static BenchFormatException inFile(Path file, String problem) {
        return new BenchFormatException(file, null, null, problem);
    }

    /** A problem on a 1-based line of a text file. */
    public static BenchFormatException atLine(Path file, int line, String problem) {
        return new BenchFormatException(file, line, null, problem);
    }

    /** A problem with a record named by its path inside the file, e.g. {@code imagenet_r[3]}. */
    public static BenchFormatException atRecord(Path file, String record, String problem) {
        return new BenchFormatException(file, null, record, problem);
    }

    public static BenchFormatException noSuchFile(Path file) {
        return inFile(file, "no such file");
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, when the problem is on one line. */
    public OptionalInt line() {
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** The record's path inside the file (e.g. {@code imagenet_r[3]}), when the file is one JSON document. */
    public Optional<String> record() {
        return Optional.ofNullable(record);
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
