package dev.deemwb.cli;

import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.EndpointSettings;
import dev.deemwb.contender.OpenAiEndpoint;
import dev.deemwb.model.Variant;
import dev.deemwb.eval.ComparedPair;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --model NAME=URL[#MODEL-ID]} (OpenAI-compatible endpoints beside the mini pair), whether the
 * mini pair runs, and how endpoints are asked; a picocli mixin of the model commands.
 */
final class ContenderOptions {

    @Option(names = "--model", paramLabel = "NAME=URL[#MODEL-ID]",
            description = "An OpenAI-compatible endpoint as a further model (repeatable), e.g. "
                    + "llava=http://localhost:8000/v1#llava-hf/llava-1.5-7b-hf; without #MODEL-ID, the only model "
                    + "the server lists.")
    List<String> models = new ArrayList<>();

    @Option(names = "--without-mini", description = "Leave the mini pair out (real benchmarks' words are outside "
            + "its vocabulary).")
    boolean withoutMini;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "The endpoints' API key is in environment variable VAR.")
    String apiKeyEnv;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "The endpoints' API key is the first line of FILE, which only you may read (chmod 600).")
    Path apiKeyFile;

    @Option(names = "--image-side", defaultValue = "" + EndpointSettings.DEFAULT_LONGEST_SIDE, paramLabel = "PX",
            description = "Images go to endpoints downscaled to this longest side (default: ${DEFAULT-VALUE}).")
    int imageSide;

    @Option(names = "--image-format", defaultValue = "png", paramLabel = "png|jpeg",
            description = "How images go to endpoints (default: ${DEFAULT-VALUE}; jpeg is smaller for photos).")
    String imageFormat;

    @Option(names = "--max-tokens", defaultValue = "" + EndpointSettings.DEFAULT_MAX_TOKENS, paramLabel = "N",
            description = "The longest answer from an endpoint (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "The longest wait for one endpoint answer (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--concurrency", defaultValue = "" + EndpointSettings.DEFAULT_CONCURRENCY, paramLabel = "N",
            description = "Requests in flight per endpoint (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--retries", defaultValue = "" + EndpointSettings.DEFAULT_RETRIES, paramLabel = "N",
            description = "Further tries after a 429, 5xx, timeout or dropped connection (default: ${DEFAULT-VALUE}).")
    int retries;

    /** Every --model, parsed and checked (no connection yet). */
    List<EndpointSettings> endpoints() throws IOException {
        ApiKey key = key();
        List<EndpointSettings> endpoints = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(withoutMini ? List.of() : miniIds());
        for (String model : models) {
            int equals = model.indexOf('=');
            if (equals <= 0 || equals == model.length() - 1) {
                throw new IllegalArgumentException("--model '" + model + "': expected NAME=URL[#MODEL-ID]");
            }
            String name = model.substring(0, equals);
            String target = model.substring(equals + 1);
            int hash = target.indexOf('#');
            String url = hash < 0 ? target : target.substring(0, hash);
            String modelId = hash < 0 || hash == target.length() - 1 ? null : target.substring(hash + 1);
            if (!names.add(name)) {
                throw new IllegalArgumentException("--model " + name + ": the name is taken; give each model its own");
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--model " + name + ": not a URL: " + e.getMessage());
            }
            endpoints.add(new EndpointSettings(name, uri, modelId, key, imageSide, imageFormat, maxTokens,
                    Duration.ofMillis(Math.round(timeoutSeconds * 1000)), concurrency, retries,
                    EndpointSettings.DEFAULT_FIRST_BACKOFF));
        }
        if (withoutMini && endpoints.isEmpty()) {
            throw new IllegalArgumentException("--without-mini leaves no model: add at least one --model");
        }
        return endpoints;
    }

    private ApiKey key() throws IOException {
        if (apiKeyEnv != null && apiKeyFile != null) {
            throw new IllegalArgumentException("give --api-key-env or --api-key-file, not both");
        }
        if (apiKeyEnv != null) {
            return ApiKey.fromEnvironment(apiKeyEnv, System.getenv());
        }
        return apiKeyFile != null ? ApiKey.fromFile(apiKeyFile) : ApiKey.none();
    }

    /** Connects to every endpoint (listing its models), in --model order; the caller closes them. */
    static List<Contender> connect(List<EndpointSettings> endpoints) throws InterruptedException {
        List<Contender> connected = new ArrayList<>();
        try {
            for (EndpointSettings endpoint : endpoints) {
                connected.add(OpenAiEndpoint.connect(endpoint));
            }
        } catch (RuntimeException | InterruptedException e) {
            connected.forEach(Contender::close);
            throw e;
        }
        return connected;
    }

    /**
     * The pair the 2×2 table compares among {@code contenders}: {@code compare} (as --compare gave it),
     * else baseline and DEEM, else the first two; null when there is only one model.
     */
    ComparedPair compared(List<Contender> contenders, List<String> compare) {
        List<String> ids = contenders.stream().map(Contender::id).toList();
        List<String> chosen = compare != null ? compare : ids.size() < 2 ? null
                : withoutMini ? ids.subList(0, 2) : miniIds();
        if (chosen == null) {
            return null;
        }
        if (chosen.size() != 2 || !ids.containsAll(chosen)) {
            throw new IllegalArgumentException("--compare takes two of the models " + ids + ", not " + chosen);
        }
        return new ComparedPair(chosen.get(0), chosen.get(1));
    }

    private static List<String> miniIds() {
        return Arrays.stream(Variant.values()).map(Variant::id).toList();
    }
}
