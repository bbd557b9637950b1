package dev.deemwb.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JacksonException;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.eval.GalleryResults;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import dev.deemwb.io.Png;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.world.Captions;
import dev.deemwb.world.OodShift;
import dev.deemwb.world.OodTransform;
import dev.deemwb.world.SampleImages;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "world", description = "The procedural shapes world.", mixinStandardHelpOptions = true,
        subcommands = {WorldCommand.Render.class, WorldCommand.Samples.class})
final class WorldCommand {

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Render a scene (from a seed or a scene JSON) to a PNG and print its description.")
    static final class Render implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--seed", description = "Draw the scene from this seed.")
            Long seed;

            @Option(names = "--scene", paramLabel = "FILE", description = "Render the scene in this JSON file.")
            Path sceneFile;
        }

        @Option(names = "--out", required = true, paramLabel = "PNG", description = "Where to write the image.")
        Path out;

        @Option(names = "--size", defaultValue = "256", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--transform", paramLabel = "NAME",
                description = "Out-of-distribution transform: noise, blur, thin-strokes, dark-background, "
                        + "textured-background, color-shift, outline-rendition.")
        String transform;

        @Option(names = "--severity", defaultValue = "3", description = "Transform severity 1..5 (default: ${DEFAULT-VALUE}).")
        int severity;

        @Option(names = "--scene-out", paramLabel = "FILE", description = "Also write the scene as JSON.")
        Path sceneOut;

        @Override
        public Integer call() throws IOException {
            if (transform == null && spec.commandLine().getParseResult().hasMatchedOption("--severity")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--severity needs --transform");
            }
            Scene scene = source.seed != null ? new SceneGenerator().generate(source.seed) : readScene(source.sceneFile);
            OodShift shift = transform == null ? null : new OodShift(OodTransform.fromId(transform), severity);
            AtomicFiles.write(out, Png.encode(new SceneRenderer().render(scene, size, shift)));
            if (sceneOut != null) {
                Json.write(sceneOut, scene);
            }
            spec.commandLine().getOut().println(Captions.detailedDescription(scene));
            return 0;
        }

        private static Scene readScene(Path file) throws IOException {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + ": is a folder, not a scene JSON file");
            }
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
            try {
                return Json.mapper().readValue(file.toFile(), Scene.class);
            } catch (JacksonException e) {
                throw new IllegalArgumentException(file + ": not a scene JSON (" + e.getOriginalMessage() + ")", e);
            }
        }
    }

    @Command(name = "samples", mixinStandardHelpOptions = true,
            description = {"Write the curated gallery: PNG + sidecar JSON with the scene, the suggested questions and "
                    + "what the bundle's two models answer, and per category how often over fresh scenes only DEEM, "
                    + "only the baseline or both are right."})
    static final class Samples implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        BundleOption bundleOption;

        @Option(names = "--out", defaultValue = "sample-images", paramLabel = "DIR",
                description = "Folder to write (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--size", defaultValue = "256", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--seed", defaultValue = "1000", paramLabel = "SEED",
                description = "Seed of the fresh scenes the hit rates are measured on, one no bundle trains on "
                        + "(default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scenes", defaultValue = "300", paramLabel = "N",
                description = "Fresh scenes per hit rate (default: ${DEFAULT-VALUE}).")
        int scenes;

        @Override
        public Integer call() throws IOException {
            if (scenes < 1 || size < 8) {
                throw new ParameterException(spec.commandLine(), "--scenes must be at least 1 and --size at least 8");
            }
            DjlSetup.configure();
            List<SampleImages.Sample> samples;
            try (NDManager manager = NDManager.newBaseManager();
                 MiniDeemModels models = Bundles.load(bundleOption.bundle, manager)) {
                spec.commandLine().getErr().printf("asking %s about %d samples and %d fresh scenes (seed %d)...%n",
                        bundleOption.bundle, SampleImages.curated().size(), scenes, seed);
                samples = GalleryResults.answer(SampleImages.curated(), MiniContender.pair(new MiniDeem(models)),
                        Bundles.readManifest(bundleOption.bundle).bundleId(), size, models.config().imageSize(), seed,
                        scenes);
            }
            SceneRenderer renderer = new SceneRenderer();
            for (SampleImages.Sample sample : samples) {
                AtomicFiles.write(out.resolve(sample.name() + ".png"),
                        Png.encode(renderer.render(sample.scene(), size, sample.shift())));
                Json.write(out.resolve(sample.name() + ".json"), sample);
            }
            spec.commandLine().getOut().printf("wrote %d samples to %s%n", samples.size(), out);
            return 0;
        }
    }
}
