package dev.deemwb.eval;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a run's finished items go: a run folder ({@link ProbeRun}) or, for a one-off evaluation, memory. */
public interface RunRecords {

    /** The latest record of an item, finished or not (one with an error); null if it has none. */
    RunRecord record(String itemId);

    /** Whether every model answered the item: a runner never asks it again. */
    default boolean isFinished(String itemId) {
        RunRecord record = record(itemId);
        return record != null && !record.isError();
    }

    void append(List<RunRecord> batch) throws IOException;

    /** Every item's latest record, in the order items were first recorded. */
    List<RunRecord> records();

    /** Adds one finished batch's timing (after its records). */
    void appendTiming(ProbeRunner.Timing batch) throws IOException;

    /** The timings of every batch recorded, in every session of the run. */
    ProbeRunner.Timing totalTiming();

    /** Records kept in memory only, for evaluations nobody resumes. */
    static RunRecords inMemory() {
        Map<String, RunRecord> records = new LinkedHashMap<>();
        return new RunRecords() {
            private ProbeRunner.Timing timing = ProbeRunner.Timing.NONE;

            @Override
            public void appendTiming(ProbeRunner.Timing batch) {
                timing = timing.plus(batch);
            }

            @Override
            public ProbeRunner.Timing totalTiming() {
                return timing;
            }

            @Override
            public RunRecord record(String itemId) {
                return records.get(itemId);
            }

            @Override
            public void append(List<RunRecord> batch) {
                batch.forEach(record -> records.put(record.id(), record));
            }

            @Override
            public List<RunRecord> records() {
                return List.copyOf(records.values());
            }
        };
    }
}
