package dev.deemwb.app;

import dev.deemwb.world.SampleImages;
import dev.deemwb.world.SampleResults;
import java.util.Locale;

/** What the gallery says under a picture, from its sidecar. */
final class SampleCaptions {

    private SampleCaptions() {
    }

    /**
     * How typical the picture is: over fresh scenes, how often on its category only the second model
     * (DEEM) is right, and only the first; empty for samples without a category or results.
     */
    static String hitRate(SampleImages.Sample sample) {
        SampleResults results = sample.results();
        if (results == null || results.hitRate() == null) {
            return "";
        }
        SampleResults.HitRate hit = results.hitRate();
        return String.format(Locale.ROOT, "%s, %d fresh scenes: only %s right %s · only %s %s", hit.category(),
                hit.scenes(), results.models().get(1), percent(hit.onlySecond()), results.models().get(0),
                percent(hit.onlyFirst()));
    }

    private static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }
}
