package dev.deemwb.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.EndpointSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One configured OpenAI-compatible endpoint as the settings file keeps it: where it is and where its
 * API key is read from, never the key itself.
 *
 * @param modelId    the served model's id; blank to take the only one the server lists
 * @param apiKeyEnv  the name of the environment variable holding the key; blank for none
 * @param apiKeyFile a file only its owner can read holding the key; blank for none
 * @param requests   how it is asked; absent in settings written before it existed: the defaults
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointEntry(String name, String baseUrl, String modelId, String apiKeyEnv, String apiKeyFile,
                            Requests requests) {

    public EndpointEntry {
        name = strip(name);
        baseUrl = strip(baseUrl);
        modelId = strip(modelId);
        apiKeyEnv = strip(apiKeyEnv);
        apiKeyFile = strip(apiKeyFile);
        requests = requests == null ? Requests.DEFAULTS : requests.orDefaults();
    }

    /** An endpoint asked with the default request settings. */
    public EndpointEntry(String name, String baseUrl, String modelId, String apiKeyEnv, String apiKeyFile) {
        this(name, baseUrl, modelId, apiKeyEnv, apiKeyFile, Requests.DEFAULTS);
    }

    /**
     * How an endpoint is asked (see {@link EndpointSettings}); a field missing from the file takes its
     * default, a field out of range is refused by {@link #toSettings}, saying which.
     *
     * @param longestSide    images are downscaled to this longest side, in pixels
     * @param imageFormat    png or jpeg
     * @param maxTokens      the longest answer
     * @param timeoutSeconds the longest wait for one answer
     * @param concurrency    requests in flight at once
     * @param retries        further tries after a 429, a 5xx, a timeout or a dropped connection
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requests(Integer longestSide, String imageFormat, Integer maxTokens, Integer timeoutSeconds,
                           Integer concurrency, Integer retries) {

        public static final Requests DEFAULTS = new Requests(EndpointSettings.DEFAULT_LONGEST_SIDE, "png",
                EndpointSettings.DEFAULT_MAX_TOKENS, (int) EndpointSettings.DEFAULT_TIMEOUT.toSeconds(),
                EndpointSettings.DEFAULT_CONCURRENCY, EndpointSettings.DEFAULT_RETRIES);

        private Requests orDefaults() {
            return new Requests(or(longestSide, DEFAULTS.longestSide), imageFormat == null || imageFormat.isBlank()
                    ? DEFAULTS.imageFormat : imageFormat.strip(), or(maxTokens, DEFAULTS.maxTokens),
                    or(timeoutSeconds, DEFAULTS.timeoutSeconds), or(concurrency, DEFAULTS.concurrency),
                    or(retries, DEFAULTS.retries));
        }

        private static Integer or(Integer value, Integer fallback) {
            return value == null ? fallback : value;
        }
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
        return new EndpointSettings(name, uri, modelId.isEmpty() ? null : modelId, key, requests.longestSide(),
                requests.imageFormat(), requests.maxTokens(), Duration.ofSeconds(requests.timeoutSeconds()),
                requests.concurrency(), requests.retries(), EndpointSettings.DEFAULT_FIRST_BACKOFF);
    }

    /**
     * Checks what can be checked without the key (the name, the URL).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void check() {
        new EndpointEntry(name, baseUrl, modelId, "", "", requests).toSettings(Map.of());
    }

    public EndpointEntry withModelId(String id) {
        return new EndpointEntry(name, baseUrl, id, apiKeyEnv, apiKeyFile, requests);
    }
}
