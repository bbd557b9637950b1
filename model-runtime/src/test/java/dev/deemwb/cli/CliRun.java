package dev.deemwb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test helper: one run of the command line through {@link Main#run}, with what it printed.
 *
 * @param exitCode 0 ok, 1 failed, 2 bad usage
 * @param out      everything printed on standard output
 * @param err      everything printed on standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            code = Main.run(outWriter, errWriter, args);
            outWriter.flush();
            errWriter.flush();
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The standard output parsed as one JSON document (what {@code --json} prints). */
    JsonNode json() {
        try {
            return Json.mapper().readTree(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + out, e);
        }
    }

    /** The non-blank lines of standard error. */
    List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
