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
        return manifest;
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
                if (!path.startsWith(root)) {
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
