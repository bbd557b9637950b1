package dev.deemwb.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.io.Json;
import dev.deemwb.io.Png;
import dev.deemwb.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleImagesTest {

    /** The gallery the repository ships, written by {@code ./deemwb world samples --out sample-images}. */
    private static final Path SHIPPED = Path.of("..", "sample-images");
    private static final int SHIPPED_SIZE = 256;

    @Test
    void everyGalleryImageIsADifferentPicture() {
        SceneRenderer renderer = new SceneRenderer();
        Map<String, String> firstByDigest = new HashMap<>();
        for (SampleImages.Sample sample : SampleImages.curated()) {
            String digest = Sha256.of(Png.encode(renderer.render(sample.scene(), 64, sample.shift())));
            String earlier = firstByDigest.putIfAbsent(digest, sample.name());
            assertThat(earlier).as(sample.name() + " is the same picture as " + earlier).isNull();
        }
    }

    @Test
    void eachPairDiffersInTheOneAttributeItNames() {
        Map<String, SampleImages.Sample> byName = new HashMap<>();
        SampleImages.curated().forEach(sample -> byName.put(sample.name(), sample));
        for (String attribute : List.of("orientation", "structure", "color")) {
            List<SceneObject> a = byName.get("pair-" + attribute + "-a").scene().objects();
            List<SceneObject> b = byName.get("pair-" + attribute + "-b").scene().objects();
            assertThat(a).hasSameSizeAs(b);
            int changed = 0;
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    changed++;
                    SceneObject expected = switch (attribute) {
                        case "orientation" -> a.get(i).withOrientation(b.get(i).orientation());
                        case "structure" -> a.get(i).withFilled(b.get(i).filled());
                        default -> a.get(i).withColor(b.get(i).color());
                    };
                    assertThat(b.get(i)).as(attribute).isEqualTo(expected);
                }
            }
            assertThat(changed).as(attribute + ": one object changed").isEqualTo(1);
        }
    }

    @Test
    void theShippedGalleryIsTheCuratedOneAndEachPictureShowsItsSidecarsScene() throws IOException {
        SceneRenderer renderer = new SceneRenderer();
        for (SampleImages.Sample sample : SampleImages.curated()) {
            Path json = SHIPPED.resolve(sample.name() + ".json");
            SampleImages.Sample shipped = Json.mapper().readValue(json.toFile(), SampleImages.Sample.class);
            assertThat(shipped.withResults(null)).as(json + " (regenerate with ./deemwb world samples --out sample-images)")
                    .isEqualTo(sample);
            assertThat(shipped.results()).as(json + ": the models' answers are stored").isNotNull();
            assertThat(shipped.results().answered()).extracting(SampleResults.Answered::question)
                    .containsExactlyElementsOf(sample.suggestedQuestions().stream().map(QaPair::question).toList());
            assertThat(shipped.results().hitRate() == null).as(json + ": a hit rate exactly where a category is shown")
                    .isEqualTo(sample.focus() == null);
            byte[] png = Files.readAllBytes(SHIPPED.resolve(sample.name() + ".png"));
            assertThat(Sha256.of(png)).as(sample.name() + ".png shows its sidecar's scene")
                    .isEqualTo(Sha256.of(Png.encode(renderer.render(shipped.scene(), SHIPPED_SIZE, shipped.shift()))));
        }
    }
}
