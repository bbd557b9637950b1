package dev.deemwb.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.model.ModelConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a model bundle: what the bundle is, how to rebuild its blocks, how it was
 * trained (the recipe recorded as written by the training side: loading a bundle never needs the
 * training code), and for every parameter file its SHA-256, size and the shape of each parameter in it, so a
 * damaged or mismatched bundle is refused with the file and the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("bundle_id") String bundleId,
        String description,
        ModelConfig architecture,
        List<String> vocabulary,
        @JsonProperty("recipe_name") String recipeName,
        JsonNode recipe,
        long seed,
        Training training,
        List<ParameterFile> files,
        JsonNode evaluation) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    /** Wall time and the last logged losses of each training loop. */
    public record Training(@JsonProperty("wall_seconds") double wallSeconds,
                           @JsonProperty("stage_seconds") Map<String, Double> stageSeconds,
                           @JsonProperty("final_losses") Map<String, Map<String, Double>> finalLosses,
                           @JsonProperty("steps") Map<String, Integer> steps) {
    }

    /** One block's parameters: its file, checksum, size and every parameter's shape. */
    public record ParameterFile(String block, String path, String sha256, long bytes,
                                Map<String, List<Long>> shapes) {
    }
}
