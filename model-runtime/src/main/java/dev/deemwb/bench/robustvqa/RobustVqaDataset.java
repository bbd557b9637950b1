package dev.deemwb.bench.robustvqa;

import dev.deemwb.bench.YesNo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RobustVQA file's content: records per split, in file order.
 *
 * <p>Split names are free: the real file has {@link #OFFICIAL_SPLITS} (DEEM's copy also carries
 * {@code imagenet_s} and {@code imagenet_d}, with the same record shape), and synthetic files may use
 * their own. Every split yields questions; filter on {@link RobustVqaQuestion#split()} when only some matter.
 */
public record RobustVqaDataset(Map<String, List<RobustVqaRecord>> splits) {

    /** The three splits DEEM reports, in the paper's order (RobustVQA-A, -R, -V). */
    public static final List<String> OFFICIAL_SPLITS = List.of("imagenet_a", "imagenet_r", "imagenet_v2");

    public RobustVqaDataset {
        Map<String, List<RobustVqaRecord>> copy = new LinkedHashMap<>();
        splits.forEach((name, records) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a split needs a name");
            }
            copy.put(name, List.copyOf(records));
        });
        splits = Collections.unmodifiableMap(copy);
    }

    /**
     * Every record's two questions, split by split in file order: for each record first the true
     * caption (yes), then the error caption (no).
     */
    public List<RobustVqaQuestion> questions() {
        List<RobustVqaQuestion> questions = new ArrayList<>();
        splits.forEach((split, records) -> {
            for (int i = 0; i < records.size(); i++) {
                RobustVqaRecord record = records.get(i);
                questions.add(new RobustVqaQuestion(split, i, record.fileName(), record.gtCaption(), YesNo.YES));
                questions.add(new RobustVqaQuestion(split, i, record.fileName(), record.errorCaption(), YesNo.NO));
            }
        });
        return questions;
    }
}
