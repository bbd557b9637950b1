package dev.deemwb.eval;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a run's finished items go: a run folder ({@link ProbeRun}) or, for a one-off evaluation, memory. */
public interface RunRecords {

    boolean isFinished(String itemId);

    void append(List<RunRecord> batch) throws IOException;

    /** The finished items, in the order they finished. */
    List<RunRecord> records();

    /** Records kept in memory only, for evaluations nobody resumes. */
    static RunRecords inMemory() {
        Map<String, RunRecord> records = new LinkedHashMap<>();
        return new RunRecords() {
            @Override
            public boolean isFinished(String itemId) {
                return records.containsKey(itemId);
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
