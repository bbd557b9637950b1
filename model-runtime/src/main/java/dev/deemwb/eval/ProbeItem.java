package dev.deemwb.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One question of a benchmark, in the form every benchmark shares: what the runner asks, of which
 * image, what the right answer is, and the slices the item belongs to.
 *
 * @param id          the item's id in its benchmark's own terms: POPE's {@code question_id}, MMVP's
 *                    {@code Index}, RobustVQA's {@code imagenet_r[3].gt}
 * @param image       the image's path relative to the benchmark's image folder
 * @param question    the text put to the models
 * @param expected    the right answer as the benchmark labels it ({@code yes}, {@code (a)}, …)
 * @param slices      what the item can be sliced by (e.g. {@code label → yes}, {@code transform → blur});
 *                    insertion-ordered
 * @param withOptions the question followed by its answer options, as the benchmark's own format puts
 *                    them (MMVP), for the models that can read them; null where there are none
 */
public record ProbeItem(String id, String image, String question, String expected, Map<String, String> slices,
                        String withOptions) {

    public ProbeItem {
        slices = Collections.unmodifiableMap(new LinkedHashMap<>(slices));
    }

    /** An item asked the same way of every model. */
    public ProbeItem(String id, String image, String question, String expected, Map<String, String> slices) {
        this(id, image, question, expected, slices, null);
    }
}
