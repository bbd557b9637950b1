package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.world.SampleImages;
import dev.deemwb.world.SampleResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gallery's line under each picture: how typical it is, from its sidecar. */
class SampleCaptionsTest {

    private static final SampleImages.Sample COLOUR = SampleImages.curated().stream()
            .filter(s -> s.name().equals("color-1")).findFirst().orElseThrow();

    @Test
    void aSampleWithResultsSaysHowOftenOverFreshScenesOnlyEachModelIsRight() {
        SampleResults results = new SampleResults("mini-deem", List.of("baseline", "deem"), List.of(),
                new SampleResults.HitRate("color", 1000, 300, 621, 0.4, 0.046, 0.31));

        assertThat(SampleCaptions.hitRate(COLOUR.withResults(results)))
                .isEqualTo("color, 300 fresh scenes: only deem right 31 % · only baseline 5 %");
    }

    @Test
    void aSampleWithoutResultsOrCategorySaysNothing() {
        assertThat(SampleCaptions.hitRate(COLOUR)).isEmpty();
        SampleResults noCategory = new SampleResults("mini-deem", List.of("baseline", "deem"), List.of(), null);
        assertThat(SampleCaptions.hitRate(COLOUR.withResults(noCategory))).isEmpty();
    }
}
