package dev.deemwb.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.EndpointSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One configured OpenAI-compatible endpoint as the settings file keeps it: where it is and where its
 * API key is read from, never the key itself.
 *
 * @param modelId    the served model's id; blank to take the only one the server lists
 * @param apiKeyEnv  the name of the environment variable holding the key; blank for none
 * @param apiKeyFile a file only its owner can read holding the key; blank for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointEntry(String name, String baseUrl, String modelId, String apiKeyEnv, String apiKeyFile) {

    public EndpointEntry {
        name = strip(name);
        baseUrl = strip(baseUrl);
        modelId = strip(modelId);
        apiKeyEnv = strip(apiKeyEnv);
        apiKeyFile = strip(apiKeyFile);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * How to reach it, the key read now from {@code environment} or the key file.
     *
     * @throws IllegalArgumentException saying what is wrong (a bad name or URL, an unset variable, a key
     *                                  file others can read)
     */
    public EndpointSettings toSettings(Map<String, String> environment) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + ": '" + baseUrl + "' is not a URL (" + e.getReason() + ")");
        }
        if (!apiKeyEnv.isEmpty() && !apiKeyFile.isEmpty()) {
            throw new IllegalArgumentException(name + ": the key comes from a variable or a file, not both");
        }
        ApiKey key;
        try {
            key = !apiKeyEnv.isEmpty() ? ApiKey.fromEnvironment(apiKeyEnv, environment)
                    : !apiKeyFile.isEmpty() ? ApiKey.fromFile(Path.of(apiKeyFile)) : ApiKey.none();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read the API key file " + apiKeyFile, e);
        }
        return EndpointSettings.of(name, uri, modelId.isEmpty() ? null : modelId, key);
    }

    /**
     * Checks what can be checked without the key (the name, the URL).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void check() {
        new EndpointEntry(name, baseUrl, modelId, "", "").toSettings(Map.of());
    }

    public EndpointEntry withModelId(String id) {
        return new EndpointEntry(name, baseUrl, id, apiKeyEnv, apiKeyFile);
    }
}
