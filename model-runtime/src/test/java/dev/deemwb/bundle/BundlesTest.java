package dev.deemwb.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.testing.TestBundles;
import dev.deemwb.train.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundlesTest {

    private static NDManager manager;

    @TempDir
    Path dir;

    private Path bundle;

    @BeforeAll
    static void engine() {
        DjlSetup.configure();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void closeEngine() {
        manager.close();
    }

    @BeforeEach
    void writeBundle() throws IOException {
        bundle = TestBundles.untrained(dir.resolve("bundle"));
    }

    @Test
    void anIntactBundleLoadsWithItsVocabulary() {
        try (MiniDeemModels models = Bundles.load(bundle, manager)) {
            assertThat(models.tokenizer().vocabulary()).isEqualTo(Vocabulary.standard().vocabulary());
            assertThat(models.namedBlocks()).containsKeys("unet", "baseline-encoder", "deem-lmm");
        }
    }

    @Test
    void aFlippedByteIsRefusedNamingTheFile() throws IOException {
        Path unet = bundle.resolve("unet.params");
        byte[] bytes = Files.readAllBytes(unet);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(unet, bytes);

        assertThatThrownBy(() -> Bundles.load(bundle, manager)).isInstanceOf(BundleException.class)
                .hasMessageContaining(unet.toString()).hasMessageContaining("SHA-256 does not match");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() throws IOException {
        Path lmm = bundle.resolve("deem-lmm.params");
        Files.delete(lmm);

        assertThatThrownBy(() -> Bundles.load(bundle, manager)).hasMessage(lmm + ": missing");
    }

    @Test
    void aParameterOfAnotherShapeIsRefusedNamingFileAndParameter() throws IOException {
        editManifest(manifest -> {
            ObjectNode shapes = (ObjectNode) fileEntry(manifest, "unet").get("shapes");
            String first = shapes.fieldNames().next();
            ArrayNode shape = shapes.putArray(first);
            shape.add(7).add(7);
        });

        assertThatThrownBy(() -> Bundles.load(bundle, manager))
                .hasMessageContaining(bundle.resolve("unet.params").toString())
                .hasMessageContaining("the manifest says [7, 7]");
    }

    @Test
    void parametersOfAnotherArchitectureAreRefused() throws IOException {
        editManifest(manifest -> ((ObjectNode) manifest.get("architecture")).put("tokenDim", 24));

        assertThatThrownBy(() -> Bundles.load(bundle, manager)).isInstanceOf(BundleException.class)
                .hasMessageContaining("-encoder.params").hasMessageContaining("has shape");
    }

    @Test
    void aPathEscapingTheBundleIsRefused() throws IOException {
        Files.copy(bundle.resolve("unet.params"), dir.resolve("outside.params"));
        editManifest(manifest -> ((ObjectNode) fileEntry(manifest, "unet")).put("path", "../outside.params"));

        assertThatThrownBy(() -> Bundles.load(bundle, manager))
                .hasMessageContaining("'../outside.params' escapes the bundle folder");
    }

    @Test
    void aParameterFileLinkedFromOutsideTheBundleIsRefused() throws IOException {
        Path outside = dir.resolve("outside.params");
        Files.move(bundle.resolve("unet.params"), outside);
        Files.createSymbolicLink(bundle.resolve("unet.params"), outside); // same bytes, same checksum

        assertThatThrownBy(() -> Bundles.load(bundle, manager))
                .hasMessageContaining("'unet.params' escapes the bundle folder");
    }

    @Test
    void anArchitectureOrVocabularyOutOfRangeIsRefusedNamingTheField() throws IOException {
        editManifest(manifest -> ((ObjectNode) manifest.get("architecture")).put("heads", 0));
        assertThatThrownBy(() -> Bundles.readManifest(bundle)).isInstanceOf(BundleException.class)
                .hasMessageContaining("architecture.heads is 0; it must be 1 to 64");
        editManifest(manifest -> ((ObjectNode) manifest.get("architecture")).put("heads", 3));
        assertThatThrownBy(() -> Bundles.readManifest(bundle))
                .hasMessageContaining("is not divisible by architecture.heads (3)");
        editManifest(manifest -> ((ObjectNode) manifest.get("architecture")).put("heads", 2).put("tokenDim", 2_000_000_000));
        assertThatThrownBy(() -> Bundles.readManifest(bundle))
                .hasMessageContaining("architecture.tokenDim is 2000000000; it must be 1 to 4096");
        editManifest(manifest -> ((ObjectNode) manifest.get("architecture")).put("tokenDim", 16));
        Bundles.readManifest(bundle);

        editManifest(manifest -> manifest.putArray("vocabulary"));
        assertThatThrownBy(() -> Bundles.readManifest(bundle))
                .hasMessageContaining("vocabulary must start with [<pad>, <bos>, <eos>] and hold words after them (it has 0");
        editManifest(manifest -> manifest.putArray("vocabulary").add("<pad>").add("<bos>").add("<eos>").add("is").add("is"));
        assertThatThrownBy(() -> Bundles.readManifest(bundle)).hasMessageContaining("vocabulary[4] is 'is', listed twice");
    }

    @Test
    void anotherSchemaVersionOrNoManifestIsRefused() throws IOException {
        editManifest(manifest -> manifest.put("schema_version", 99));
        assertThatThrownBy(() -> Bundles.load(bundle, manager)).hasMessageContaining("schema version 99");

        Files.delete(bundle.resolve(BundleManifest.FILE_NAME));
        assertThatThrownBy(() -> Bundles.load(bundle, manager)).hasMessageContaining("missing: not a model bundle");
        assertThatThrownBy(() -> Bundles.load(dir.resolve("nowhere"), manager)).hasMessageContaining("no such bundle folder");
    }

    private void editManifest(Consumer<ObjectNode> edit) throws IOException {
        Path file = bundle.resolve(BundleManifest.FILE_NAME);
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(file.toFile());
        edit.accept(manifest);
        Json.write(file, manifest);
    }

    private static JsonNode fileEntry(ObjectNode manifest, String block) {
        for (JsonNode file : manifest.get("files")) {
            if (file.get("block").asText().equals(block)) {
                return file;
            }
        }
        throw new AssertionError("no file for " + block);
    }
}
