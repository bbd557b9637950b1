package dev.deemwb.contender;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A chat-completions server on 127.0.0.1 that misbehaves on cue: each question text has a script of
 * faults, one per request, and is answered "yes" once its script is used up. It records every request
 * by question and which of them it answered, so tests can check that nothing answered is asked again.
 */
final class FaultyServer implements AutoCloseable {

    enum Fault {
        TOO_MANY_REQUESTS, SERVER_ERROR, DROP_MID_BODY, STALL, MALFORMED_JSON, NO_CHOICES
    }

    /** How long a stalled answer waits before giving up on its own (the client times out long before). */
    private static final long STALL_LIMIT_SECONDS = 10;
    static final String RETRY_AFTER_SECONDS = "1";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, List<Fault>> scripts = new LinkedHashMap<>();
    private final Map<String, Integer> requests = new LinkedHashMap<>();
    private final Map<String, Integer> answered = new LinkedHashMap<>();
    private final List<String> authorizations = new ArrayList<>();

    FaultyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/models", exchange -> respond(exchange, 200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"faulty-vlm\",\"object\":\"model\"}]}"));
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    synchronized FaultyServer script(String question, Fault... faults) {
        scripts.put(question, new ArrayList<>(List.of(faults)));
        return this;
    }

    /** Each question's requests so far. */
    synchronized Map<String, Integer> requests() {
        return new LinkedHashMap<>(requests);
    }

    /** Each question's requests answered with a complete, valid answer. */
    synchronized Map<String, Integer> answered() {
        return new LinkedHashMap<>(answered);
    }

    /** Every Authorization header received. */
    synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
        String question = "";
        for (JsonNode part : request.path("messages").path(0).path("content")) {
            if (part.path("type").asText().equals("text")) {
                question = part.path("text").asText();
            }
        }
        Fault fault;
        synchronized (this) {
            requests.merge(question, 1, Integer::sum);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            List<Fault> script = scripts.getOrDefault(question, new ArrayList<>());
            fault = script.isEmpty() ? null : script.remove(0);
            if (fault == null) {
                answered.merge(question, 1, Integer::sum);
            }
        }
        if (fault == null) {
            respond(exchange, 200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"faulty-vlm\",\"choices\":"
                    + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Yes, there is.\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":600,\"completion_tokens\":4}}");
            return;
        }
        switch (fault) {
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
                respond(exchange, 429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}");
            }
            case SERVER_ERROR -> respond(exchange, 500, "{\"error\":{\"message\":\"engine crashed\"}}");
            case DROP_MID_BODY -> {
                exchange.sendResponseHeaders(200, 1000);
                OutputStream out = exchange.getResponseBody();
                out.write("{\"choices\":[".getBytes(UTF_8));
                out.flush();
                exchange.close(); // 988 bytes short: the client sees the connection end mid-body
            }
            case STALL -> {
                try {
                    closing.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case MALFORMED_JSON -> respond(exchange, 200, "{\"choices\": [ this is not json");
            case NO_CHOICES -> respond(exchange, 200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}");
            default -> throw new IllegalStateException(fault.name());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
