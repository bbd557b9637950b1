package dev.deemwb.contender;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach and ask one OpenAI-compatible endpoint.
 *
 * @param name         the contender's id in records and reports
 * @param baseUrl      the API root, as OpenAI clients take it: {@code http://host:8000/v1}
 * @param modelId      the served model's id; null to take the only one the server lists
 * @param longestSide  images are downscaled so their longest side is at most this many pixels
 * @param imageFormat  {@code png} (lossless) or {@code jpeg} (smaller, for photos)
 * @param maxTokens    the longest answer, in tokens
 * @param timeout      the longest wait for one answer (connecting and reading)
 * @param concurrency  requests in flight at once
 * @param retries      further tries after a 429, a 5xx, a timeout or a connection error
 * @param firstBackoff the wait before the first retry; it doubles with each (a Retry-After header wins)
 */
public record EndpointSettings(String name, URI baseUrl, String modelId, ApiKey key, int longestSide,
                               String imageFormat, int maxTokens, Duration timeout, int concurrency, int retries,
                               Duration firstBackoff) {

    public static final int DEFAULT_LONGEST_SIDE = 768;
    public static final int DEFAULT_MAX_TOKENS = 32;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_RETRIES = 4;
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(500);

    public EndpointSettings {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a model name is letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(name + ": the URL must be http://host[:port]/... or https://..., not "
                    + baseUrl.getScheme() + "://…");
        }
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + ": the URL holds credentials; pass the key with --api-key-env or "
                    + "--api-key-file instead");
        }
        if (!imageFormat.equals("png") && !imageFormat.equals("jpeg")) {
            throw new IllegalArgumentException(name + ": the image format is png or jpeg, not '" + imageFormat + "'");
        }
        positive(name, "the longest image side", longestSide);
        positive(name, "max tokens", maxTokens);
        positive(name, "the concurrency", concurrency);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + ": the timeout must be longer than 0 s, was " + timeout.toMillis()
                    / 1000.0 + " s");
        }
        if (retries < 0) {
            throw new IllegalArgumentException(name + ": the retries cannot be negative, was " + retries);
        }
        if (firstBackoff.isNegative()) {
            throw new IllegalArgumentException(name + ": the first backoff cannot be negative");
        }
    }

    private static void positive(String name, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": " + what + " must be at least 1, was " + value);
        }
    }

    /** The defaults for everything but where the endpoint is. */
    public static EndpointSettings of(String name, URI baseUrl, String modelId, ApiKey key) {
        return new EndpointSettings(name, baseUrl, modelId, key, DEFAULT_LONGEST_SIDE, "png", DEFAULT_MAX_TOKENS,
                DEFAULT_TIMEOUT, DEFAULT_CONCURRENCY, DEFAULT_RETRIES, DEFAULT_FIRST_BACKOFF);
    }

    public EndpointSettings withModelId(String id) {
        return new EndpointSettings(name, baseUrl, id, key, longestSide, imageFormat, maxTokens, timeout, concurrency,
                retries, firstBackoff);
    }

    /** {@code baseUrl} with {@code path} appended (one slash between). */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
