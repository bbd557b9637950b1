package dev.deemwb.app.compare;

import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Json;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.SampleImages;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.awt.image.BufferedImage;
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
    private final int modelInputSize;

    /** @param modelInputSize the side of the models' input image ({@code ModelConfig.imageSize}) */
    public ImageSources(int modelInputSize) {
        this.modelInputSize = modelInputSize;
    }

    public int modelInputSize() {
        return modelInputSize;
    }

    /**
     * A picture file. If a {@code <name>.json} sidecar with a scene lies beside it (as for the sample
     * gallery and the mini benchmarks' exports), the image is known to be from the world.
     */
    public LoadedImage fromFile(Path file) throws IOException {
        BufferedImage image = ImageFiles.read(file);
        Optional<SampleImages.Sample> sidecar = sidecar(file);
        return LoadedImage.of(image, file.getFileName().toString(), sidecar.map(SampleImages.Sample::scene),
                sidecar.map(SampleImages.Sample::shift),
                sidecar.map(s -> s.suggestedQuestions().stream().map(QaPair::question).toList()).orElse(List.of()),
                modelInputSize);
    }

    /** A picture from outside the shapes world (pasted, say): no scene, no suggested questions. */
    public LoadedImage photo(BufferedImage image, String source) {
        return LoadedImage.of(image, source, Optional.empty(), Optional.empty(), List.of(), modelInputSize);
    }

    public LoadedImage randomScene(long seed) {
        return scene(generator.generate(seed), "random scene, seed " + seed);
    }

    /** A scene of the world, drawn. */
    public LoadedImage scene(Scene scene, String source) {
        return LoadedImage.of(renderer.render(scene, DISPLAY_SIZE), source, Optional.of(scene), Optional.empty(),
                Questions.all(scene).stream().map(QaPair::question).toList(), modelInputSize);
    }

    /** The gallery sidecar beside {@code file} ({@code name.json}), if there is one that reads as ours. */
    public static Optional<SampleImages.Sample> sidecar(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path json = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            SampleImages.Sample sample = Json.mapper().readValue(json.toFile(), SampleImages.Sample.class);
            return sample.scene() == null ? Optional.empty() : Optional.of(sample);
        } catch (IOException e) {
            return Optional.empty(); // a JSON beside an image that is not our sidecar: treat the image as a photo
        }
    }
}
