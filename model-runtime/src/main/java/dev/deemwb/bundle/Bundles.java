package dev.deemwb.bundle;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JacksonException;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import dev.deemwb.io.Sha256;
import dev.deemwb.model.BlockParameters;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.WordTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writing and loading model bundles: a folder with {@code manifest.json} and one parameter file per block. */
public final class Bundles {

    private Bundles() {
    }

    /** Describes each block's parameter file for the manifest (the files themselves: {@link #write}). */
    public static List<BundleManifest.ParameterFile> describe(MiniDeemModels models) {
        List<BundleManifest.ParameterFile> files = new ArrayList<>();
        models.namedBlocks().forEach((name, block) -> {
            byte[] bytes = BlockParameters.serialise(block);
            files.add(new BundleManifest.ParameterFile(name, name + ".params", Sha256.of(bytes), bytes.length, shapes(block)));
        });
        return files;
    }

    /** Writes every block's parameters and the manifest into {@code dir}, each file atomically, manifest last. */
    public static void write(Path dir, MiniDeemModels models, BundleManifest manifest) throws IOException {
        Map<String, Block> blocks = models.namedBlocks();
        for (BundleManifest.ParameterFile file : manifest.files()) {
            AtomicFiles.write(dir.resolve(file.path()), BlockParameters.serialise(blocks.get(file.block())));
        }
        Json.write(dir.resolve(BundleManifest.FILE_NAME), manifest);
    }

    /** The manifest of a bundle folder, checked for its schema version. */
    public static BundleManifest readManifest(Path dir) {
        Path file = dir.resolve(BundleManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BundleException(file, Files.isDirectory(dir) ? "missing: not a model bundle" : "no such bundle folder");
        }
        BundleManifest manifest;
        try {
            manifest = Json.mapper().readValue(file.toFile(), BundleManifest.class);
        } catch (JacksonException e) {
            throw new BundleException(file, "not a valid manifest (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new BundleException(file, "unreadable (" + e.getMessage() + ")", e);
        }
        if (manifest.schemaVersion() != BundleManifest.SCHEMA_VERSION) {
            throw new BundleException(file, "schema version " + manifest.schemaVersion() + ", this workbench reads "
                    + BundleManifest.SCHEMA_VERSION);
        }
        if (manifest.architecture() == null || manifest.vocabulary() == null || manifest.files() == null) {
            throw new BundleException(file, "lacks 'architecture', 'vocabulary' or 'files'");
        }
        checkArchitecture(file, manifest.architecture());
        checkVocabulary(file, manifest.vocabulary());
        return manifest;
    }

    /**
     * Each size within what these models can be (so a damaged number never reaches the allocator, and no
     * zero reaches a division), and the widths that attention splits into heads divisible by them.
     */
    private static void checkArchitecture(Path file, ModelConfig a) {
        Object[][] ranges = {
            {"imageSize", a.imageSize(), 8, 1024}, {"encoderChannels", a.encoderChannels(), 1, 1024},
            {"tokenDim", a.tokenDim(), 1, 4096}, {"visualTokens", a.visualTokens(), 1, 1024},
            {"heads", a.heads(), 1, 64}, {"textDim", a.textDim(), 1, 4096}, {"textLayers", a.textLayers(), 1, 64},
            {"maxTextLength", a.maxTextLength(), 2, 4096}, {"embedDim", a.embedDim(), 1, 4096},
            {"lmmDim", a.lmmDim(), 1, 4096}, {"lmmLayers", a.lmmLayers(), 1, 64},
            {"maxPromptLength", a.maxPromptLength(), 3, 4096}, {"unetChannels", a.unetChannels(), 1, 1024},
            {"diffusionSize", a.diffusionSize(), 8, 1024}, {"diffusionSteps", a.diffusionSteps(), 1, 100_000}};
        for (Object[] range : ranges) {
            int value = (Integer) range[1];
            if (value < (Integer) range[2] || value > (Integer) range[3]) {
                throw new BundleException(file, "architecture." + range[0] + " is " + value + "; it must be "
                        + range[2] + " to " + range[3]);
            }
        }
        if (a.imageSize() % 8 != 0 || a.diffusionSize() % 8 != 0) {
            throw new BundleException(file, "architecture.imageSize and diffusionSize must be multiples of 8 (the "
                    + "networks halve them three times), are " + a.imageSize() + " and " + a.diffusionSize());
        }
        Object[][] split = {{"tokenDim", a.tokenDim()}, {"textDim", a.textDim()}, {"lmmDim", a.lmmDim()},
            {"unetChannels × 2", 2 * a.unetChannels()}};
        for (Object[] width : split) {
            if ((Integer) width[1] % a.heads() != 0) {
                throw new BundleException(file, "architecture." + width[0] + " (" + width[1] + ") is not divisible "
                        + "by architecture.heads (" + a.heads() + ")");
            }
        }
    }

    private static void checkVocabulary(Path file, List<String> vocabulary) {
        List<String> specials = List.of(WordTokenizer.PAD, WordTokenizer.BOS, WordTokenizer.EOS);
        if (vocabulary.size() <= specials.size() || !vocabulary.subList(0, specials.size()).equals(specials)) {
            throw new BundleException(file, "vocabulary must start with " + specials + " and hold words after them "
                    + "(it has " + vocabulary.size() + " entries)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            String word = vocabulary.get(i);
            if (word == null || word.isBlank() || !seen.add(word)) {
                throw new BundleException(file, "vocabulary[" + i + "] is " + (word == null || word.isBlank()
                        ? "blank" : "'" + word + "', listed twice"));
            }
        }
    }

    /**
     * Loads a bundle, refusing it — with the offending file and the reason — when a file is missing,
     * lies outside the folder, has another checksum, or holds parameters of other shapes than the
     * manifest and the architecture say.
     */
    public static MiniDeemModels load(Path dir, NDManager manager) {
        BundleManifest manifest = readManifest(dir);
        Path root = dir.toAbsolutePath().normalize();
        MiniDeemModels models = MiniDeemModels.create(manager, manifest.architecture(),
                new WordTokenizer(manifest.vocabulary()));
        try {
            Map<String, Block> blocks = models.namedBlocks();
            Set<String> seen = new HashSet<>();
            for (BundleManifest.ParameterFile file : manifest.files()) {
                Path path = root.resolve(file.path()).normalize();
                if (!path.startsWith(root) || !resolvesInside(path, root)) {
                    throw new BundleException(root.resolve(BundleManifest.FILE_NAME),
                            "parameter file '" + file.path() + "' escapes the bundle folder");
                }
                Block block = blocks.get(file.block());
                if (block == null || !seen.add(file.block())) {
                    throw new BundleException(path, "block '" + file.block() + "' is unknown or listed twice");
                }
                byte[] bytes = readParameters(path);
                if (!Sha256.of(bytes).equals(file.sha256())) {
                    throw new BundleException(path, "SHA-256 does not match the manifest (damaged or replaced file)");
                }
                checkShapes(path, file, block);
                try {
                    BlockParameters.deserialise(block, bytes, models.manager());
                } catch (IOException e) {
                    throw new BundleException(path, "parameters do not fit block '" + file.block() + "' ("
                            + e.getMessage() + ")", e);
                }
                checkShapes(path, file, block);
            }
            List<String> missing = blocks.keySet().stream().filter(name -> !seen.contains(name)).toList();
            if (!missing.isEmpty()) {
                throw new BundleException(root.resolve(BundleManifest.FILE_NAME), "lists no parameters for " + missing);
            }
            return models;
        } catch (RuntimeException e) {
            models.close();
            throw e;
        }
    }

    /** Whether {@code path}, its links followed, is still inside {@code root} (links followed too); true if it is missing. */
    private static boolean resolvesInside(Path path, Path root) {
        if (!Files.exists(path)) {
            return true; // reported as missing when read
        }
        try {
            return path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] readParameters(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BundleException(path, "missing");
        } catch (IOException e) {
            throw new BundleException(path, "unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** The block's parameter shapes must be the ones the manifest recorded. */
    private static void checkShapes(Path path, BundleManifest.ParameterFile file, Block block) {
        Map<String, List<Long>> actual = shapes(block);
        if (!actual.equals(file.shapes())) {
            for (Map.Entry<String, List<Long>> expected : file.shapes().entrySet()) {
                List<Long> found = actual.get(expected.getKey());
                if (!expected.getValue().equals(found)) {
                    throw new BundleException(path, "parameter '" + expected.getKey() + "' has shape " + found
                            + ", the manifest says " + expected.getValue());
                }
            }
            throw new BundleException(path, "parameters " + actual.keySet() + " differ from the manifest's "
                    + file.shapes().keySet());
        }
    }

    static Map<String, List<Long>> shapes(Block block) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape shape = p.getValue().getArray().getShape();
            shapes.put(p.getKey(), Arrays.stream(shape.getShape()).boxed().toList());
        }
        return shapes;
    }
}
