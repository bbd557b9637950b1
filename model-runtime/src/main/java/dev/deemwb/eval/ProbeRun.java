package dev.deemwb.eval;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.JsonLines;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder: {@value #INFO_FILE} (what is being run) and {@value #RECORDS_FILE} (one
 * {@link RunRecord} per finished item, appended and forced to disk batch by batch, so a run killed at
 * any moment loses at most the batch in flight).
 *
 * <p>Opening a folder that already holds a run resumes it: its items are kept and skipped by the
 * runner, if the benchmark file, bundle and models are the same ({@link RunInfo#conflictWith}); a line
 * cut short by a kill is dropped. Items that failed (say, a missing image) stay unfinished: they are
 * tried again, only with the models that did not answer, and their new line replaces the old one.
 */
public final class ProbeRun implements RunRecords {

    public static final String INFO_FILE = "run.json";
    public static final String RECORDS_FILE = "records.jsonl";
    /** One line per finished batch, so a resumed run's report times the whole run. */
    public static final String TIMING_FILE = "timing.jsonl";

    private final Path dir;
    private final RunInfo info;
    private final Map<String, RunRecord> records;
    private ProbeRunner.Timing timing;

    private ProbeRun(Path dir, RunInfo info, Map<String, RunRecord> records, ProbeRunner.Timing timing) {
        this.dir = dir;
        this.info = info;
        this.records = records;
        this.timing = timing;
    }

    /**
     * Starts a run in {@code dir}, or resumes the one there.
     *
     * @throws IllegalArgumentException if {@code dir} holds another run, saying which
     * @throws BenchFormatException naming file and line if a finished record is damaged
     */
    public static ProbeRun open(Path dir, RunInfo info) throws IOException {
        Files.createDirectories(dir);
        Path infoFile = dir.resolve(INFO_FILE);
        if (!Files.exists(infoFile)) {
            Json.write(infoFile, info);
            Files.deleteIfExists(dir.resolve(RECORDS_FILE));
            Files.deleteIfExists(dir.resolve(TIMING_FILE));
            return new ProbeRun(dir, info, new LinkedHashMap<>(), ProbeRunner.Timing.NONE);
        }
        RunInfo earlier = Json.mapper().readValue(infoFile.toFile(), RunInfo.class);
        String conflict = info.conflictWith(earlier);
        if (conflict != null) {
            throw new IllegalArgumentException(dir + ": cannot resume here: " + conflict + "; choose another folder");
        }
        return new ProbeRun(dir, earlier, readFinished(dir.resolve(RECORDS_FILE)), readTiming(dir.resolve(TIMING_FILE)));
    }

    /** The batches' timings summed; a line a kill cut short is dropped. */
    private static ProbeRunner.Timing readTiming(Path file) throws IOException {
        if (!Files.exists(file)) {
            return ProbeRunner.Timing.NONE;
        }
        dropCutLine(file);
        ProbeRunner.Timing total = ProbeRunner.Timing.NONE;
        for (ProbeRunner.Timing batch : JsonLines.read(file, line -> line.as(ProbeRunner.Timing.class))) {
            total = total.plus(batch);
        }
        return total;
    }

    /** Cuts a last line without its newline (a kill mid-write); true if there was one. */
    private static boolean dropCutLine(Path file) throws IOException {
        String text = Files.readString(file, UTF_8);
        int end = text.lastIndexOf('\n') + 1;
        if (end == text.length()) {
            return false;
        }
        AtomicFiles.writeString(file, text.substring(0, end));
        return true;
    }

    private static Map<String, RunRecord> readFinished(Path file) throws IOException {
        Map<String, RunRecord> finished = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return finished;
        }
        boolean rewrite = dropCutLine(file);
        for (RunRecord record : JsonLines.read(file, line -> line.as(RunRecord.class))) {
            RunRecord earlier = finished.put(record.id(), record);
            if (earlier != null && !earlier.isError()) {
                throw BenchFormatException.inFile(file, "item " + record.id() + " is recorded twice");
            }
            rewrite |= earlier != null; // a retried item's old line goes
        }
        if (rewrite) {
            JsonLines.write(file, List.copyOf(finished.values()));
        }
        return finished;
    }

    /** Appends finished items and forces them to disk. */
    @Override
    public synchronized void append(List<RunRecord> batch) throws IOException {
        StringBuilder text = new StringBuilder();
        for (RunRecord record : batch) {
            text.append(Json.compactWriter().writeValueAsString(record)).append('\n');
        }
        appendDurably(dir.resolve(RECORDS_FILE), text.toString());
        batch.forEach(record -> records.put(record.id(), record));
    }

    @Override
    public synchronized void appendTiming(ProbeRunner.Timing batch) throws IOException {
        appendDurably(dir.resolve(TIMING_FILE), Json.compactWriter().writeValueAsString(batch) + "\n");
        timing = timing.plus(batch);
    }

    @Override
    public synchronized ProbeRunner.Timing totalTiming() {
        return timing;
    }

    private static void appendDurably(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    /** The run's description; for a resumed run, as first written. */
    public RunInfo info() {
        return info;
    }

    @Override
    public synchronized RunRecord record(String itemId) {
        return records.get(itemId);
    }

    @Override
    public synchronized List<RunRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records.values()));
    }
}
