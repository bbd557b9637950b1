package dev.deemwb.app.compare;

import com.fasterxml.jackson.core.JacksonException;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Json;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.SampleImages;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where images come from: files (with an optional scene sidecar), the sample gallery, random scenes.
 * Each decodes or draws, so call it off the FX thread ({@link CompareViewModel#load} does).
 */
public final class ImageSources {

    public static final int DISPLAY_SIZE = 384;

    private final SceneRenderer renderer = new SceneRenderer();
    private final SceneGenerator generator = new SceneGenerator();

    /**
     * A picture file. If a {@code <name>.json} sidecar with a scene lies beside it (as for the sample
     * gallery and the mini benchmarks' exports), the image is known to be from the world.
     */
    public LoadedImage fromFile(Path file) throws IOException {
        var image = ImageFiles.read(file);
        Optional<SampleImages.Sample> sidecar = sidecar(file);
        return LoadedImage.of(image, file.getFileName().toString(), sidecar.map(SampleImages.Sample::scene),
                sidecar.map(SampleImages.Sample::shift),
                sidecar.map(s -> s.suggestedQuestions().stream().map(QaPair::question).toList()).orElse(List.of()));
    }

    public LoadedImage randomScene(long seed) {
        Scene scene = generator.generate(seed);
        return LoadedImage.of(renderer.render(scene, DISPLAY_SIZE), "random scene, seed " + seed, Optional.of(scene),
                Optional.empty(), Questions.all(scene).stream().map(QaPair::question).toList());
    }

    private static Optional<SampleImages.Sample> sidecar(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path json = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            SampleImages.Sample sample = Json.mapper().readValue(json.toFile(), SampleImages.Sample.class);
            return sample.scene() == null ? Optional.empty() : Optional.of(sample);
        } catch (JacksonException e) {
            return Optional.empty(); // a JSON beside an image that is not our sidecar: treat the image as a photo
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
