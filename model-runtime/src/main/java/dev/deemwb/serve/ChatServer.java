package dev.deemwb.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.ChatCompletions;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.infer.Answer;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Contenders served over the OpenAI chat-completions API: {@code GET /v1/models} and
 * {@code POST /v1/chat/completions} with a text part and one {@code image_url} data-URL part. Requests
 * are checked in order of cost (key, size, JSON, model, image header, question) before anything is
 * decoded, and answered through one {@link RequestBatcher} per model.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver}: two endpoints need no framework, and the
 * workbench stays free of a new dependency (and its updates) for it.
 */
public final class ChatServer implements AutoCloseable {

    public static final String API_ROOT = "/v1";

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, the body then waits
        // for the client's delayed ACK (~40 ms a request on loopback, measured). Read when the first
        // server is made, so it is set here, before any.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * @param key               the key clients must present; {@link ApiKey#none()} for an open server
     * @param maxRequestBytes   the largest request body read
     * @param maxImagePixels    the largest image decoded, from its header
     * @param maxBatch          the most questions answered in one model call
     * @param batchWindow       how long a batch waits for more questions once its first has come
     * @param handlerThreads    requests handled at once (each waits for its batch)
     */
    public record Settings(ApiKey key, long maxRequestBytes, long maxImagePixels, int maxBatch, Duration batchWindow,
                           int handlerThreads) {

        public static final long DEFAULT_MAX_REQUEST_BYTES = 20L << 20;
        public static final long DEFAULT_MAX_IMAGE_PIXELS = 16_000_000L;
        public static final int DEFAULT_MAX_BATCH = 64;
        public static final long DEFAULT_BATCH_WINDOW_MS = 2;
        public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(DEFAULT_BATCH_WINDOW_MS);
        public static final int DEFAULT_HANDLER_THREADS = 64;

        public static Settings defaults(ApiKey key) {
            return new Settings(key, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_MAX_BATCH,
                    DEFAULT_BATCH_WINDOW, DEFAULT_HANDLER_THREADS);
        }

        public Settings withMaxBatch(int batch) {
            return new Settings(key, maxRequestBytes, maxImagePixels, batch, batchWindow, handlerThreads);
        }

        public Settings withBatchWindow(Duration window) {
            return new Settings(key, maxRequestBytes, maxImagePixels, maxBatch, window, handlerThreads);
        }
    }

    /** A refusal with its HTTP status and OpenAI-style error type and code. */
    private static final class Refusal extends Exception {
        private final int status;
        private final String type;
        private final String code;

        Refusal(int status, String type, String code, String message) {
            super(message);
            this.status = status;
            this.type = type;
            this.code = code;
        }
    }

    private final Settings settings;
    private final Map<String, Contender> models = new LinkedHashMap<>();
    private final Map<String, RequestBatcher> batchers = new LinkedHashMap<>();
    private final HttpServer server;
    private final ExecutorService handlers;
    private final AtomicLong served = new AtomicLong();

    private ChatServer(InetSocketAddress address, List<Contender> contenders, Settings settings) throws IOException {
        this.settings = settings;
        for (Contender contender : contenders) {
            models.put(contender.id(), contender);
            batchers.put(contender.id(), new RequestBatcher(contender, settings.maxBatch(), settings.batchWindow()));
        }
        handlers = Executors.newFixedThreadPool(settings.handlerThreads(), r -> {
            Thread thread = new Thread(r, "deemwb-serve");
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(address, 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
    }

    /** Starts serving {@code contenders} on {@code host:port} (port 0: any free one). */
    public static ChatServer start(String host, int port, List<Contender> contenders, Settings settings)
            throws IOException {
        ChatServer chat = new ChatServer(new InetSocketAddress(host, port), contenders, settings);
        chat.server.start();
        return chat;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Per model, how many batches of each size it formed. */
    public Map<String, Map<Integer, Long>> batchSizes() {
        Map<String, Map<Integer, Long>> sizes = new LinkedHashMap<>();
        batchers.forEach((id, batcher) -> sizes.put(id, batcher.batchSizes()));
        return sizes;
    }

    /** Per model, the seconds its batches spent in the model so far (busy / wall is how loaded it was). */
    public Map<String, Double> busySeconds() {
        Map<String, Double> busy = new LinkedHashMap<>();
        batchers.forEach((id, batcher) -> busy.put(id, batcher.busySeconds()));
        return busy;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Object body;
            int status = 200;
            try {
                requireKey(exchange);
                if (path.equals(API_ROOT + ChatCompletions.MODELS_PATH)) {
                    requireMethod(exchange, "GET");
                    body = modelList();
                } else if (path.equals(API_ROOT + ChatCompletions.CHAT_PATH)) {
                    requireMethod(exchange, "POST");
                    body = complete(readBody(exchange));
                } else {
                    throw new Refusal(404, "invalid_request_error", "not_found", "no such path: " + path
                            + " (served: " + API_ROOT + ChatCompletions.MODELS_PATH + ", " + API_ROOT
                            + ChatCompletions.CHAT_PATH + ")");
                }
            } catch (Refusal refusal) {
                status = refusal.status;
                body = ChatCompletions.ErrorBody.of(refusal.getMessage(), refusal.type, refusal.code);
            }
            byte[] bytes = Json.compactWriter().writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void requireKey(HttpExchange exchange) throws Refusal {
        if (settings.key().isPresent()
                && !settings.key().isPresentedBy(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw new Refusal(401, "invalid_request_error", "invalid_api_key",
                    "missing or wrong API key: send the header 'Authorization: Bearer <key>'");
        }
    }

    private static void requireMethod(HttpExchange exchange, String method) throws Refusal {
        if (!exchange.getRequestMethod().equals(method)) {
            throw new Refusal(405, "invalid_request_error", "method_not_allowed",
                    exchange.getRequestURI().getPath() + " takes " + method + ", not " + exchange.getRequestMethod());
        }
    }

    private ChatCompletions.ModelList modelList() {
        List<ChatCompletions.ModelEntry> entries = new ArrayList<>();
        models.keySet().forEach(id -> entries.add(new ChatCompletions.ModelEntry(id, "model", "deemwb")));
        return new ChatCompletions.ModelList("list", entries);
    }

    /** The body, refused past {@link Settings#maxRequestBytes()} whether or not it declares its length. */
    private byte[] readBody(HttpExchange exchange) throws IOException, Refusal {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null && parseLength(declared) > settings.maxRequestBytes()) {
                discard(in);
                throw tooLarge(declared + " bytes");
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxRequestBytes() + 1));
            if (body.length > settings.maxRequestBytes()) {
                discard(in);
                throw tooLarge("more than " + settings.maxRequestBytes() + " bytes");
            }
            return body;
        }
    }

    /**
     * Reads and drops up to another {@link Settings#maxRequestBytes()} of a refused body, keeping none:
     * a socket closed with unread data is reset, and the client would never see the refusal.
     */
    private void discard(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long left = settings.maxRequestBytes();
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
            left -= n;
        }
    }

    private static long parseLength(String declared) throws Refusal {
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(400, "invalid_request_error", "bad_length", "Content-Length '" + declared + "' is not a number");
        }
    }

    private Refusal tooLarge(String size) {
        return new Refusal(413, "invalid_request_error", "request_too_large", "the request has " + size
                + "; at most " + settings.maxRequestBytes() + " are accepted");
    }

    private ChatCompletions.Response complete(byte[] body) throws Refusal {
        JsonNode request;
        try {
            request = Json.mapper().readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw invalid("the body is not valid JSON: " + detail);
        }
        String modelId = request.path("model").asText("");
        Contender contender = models.get(modelId);
        if (contender == null) {
            throw new Refusal(404, "invalid_request_error", "model_not_found", "the model '" + modelId
                    + "' does not exist; served: " + String.join(", ", models.keySet()));
        }
        UserTurn turn = lastUserTurn(request);
        String problem = contender.questionProblem(turn.text());
        if (problem != null) {
            throw invalid("question: " + problem);
        }
        Question question = new Question(contender.prepare(turn.image()), turn.text());
        Reply reply;
        try {
            reply = batchers.get(modelId).submit(question).get();
        } catch (ExecutionException e) {
            throw new Refusal(500, "server_error", "model_failed", "the model failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(503, "server_error", "stopping", "the server is stopping");
        }
        if (!reply.isAnswered()) {
            throw new Refusal(500, "server_error", "model_failed", reply.error());
        }
        ChatCompletions.Logprobs logprobs = request.path("logprobs").asBoolean(false)
                ? logprobs(reply, request.path("top_logprobs").asInt(0)) : null;
        ChatCompletions.Choice choice = new ChatCompletions.Choice(0,
                new ChatCompletions.AnswerMessage("assistant", reply.text()), logprobs, "stop");
        return new ChatCompletions.Response("chatcmpl-" + served.incrementAndGet(), "chat.completion",
                System.currentTimeMillis() / 1000, modelId, List.of(choice), reply.usage());
    }

    /**
     * The mini models' log-probabilities, for the first answer word only (the one they rank
     * alternatives for): that word (greedy, so the most likely) and up to {@code top} alternatives;
     * no entries for an empty answer.
     */
    private static ChatCompletions.Logprobs logprobs(Reply reply, int top) {
        List<Answer.Alternative> alternatives = reply.alternatives();
        if (reply.text().isBlank() || alternatives.isEmpty()) {
            return new ChatCompletions.Logprobs(List.of());
        }
        List<ChatCompletions.TopLogprob> tops = alternatives.stream().limit(Math.max(0, top))
                .map(a -> new ChatCompletions.TopLogprob(a.word(), logOf(a.probability()))).toList();
        String first = reply.text().strip().split("\\s+")[0];
        return new ChatCompletions.Logprobs(List.of(new ChatCompletions.TokenLogprob(first,
                logOf(alternatives.get(0).probability()), tops)));
    }

    /** A probability's log, finite even for one that underflowed to 0 (JSON has no -Infinity). */
    private static double logOf(double probability) {
        return Math.log(Math.max(probability, Double.MIN_VALUE));
    }

    /** The last user message: its text parts joined, and its one image. */
    private record UserTurn(String text, BufferedImage image) {
    }

    private UserTurn lastUserTurn(JsonNode request) throws Refusal {
        JsonNode messages = request.path("messages");
        JsonNode user = null;
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                user = message;
            }
        }
        if (user == null) {
            throw invalid("'messages' holds no message with role 'user'");
        }
        JsonNode content = user.path("content");
        if (!content.isArray()) {
            throw invalid("the user message needs an image: give 'content' as a list of parts, a 'text' part and "
                    + "an 'image_url' part with a data URL");
        }
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> texts.add(part.path("text").asText(""));
                case "image_url" -> images.add(part.path("image_url").path("url").asText(""));
                default -> throw invalid("unknown content part type '" + part.path("type").asText()
                        + "' (known: text, image_url)");
            }
        }
        if (images.size() != 1) {
            throw invalid("these models take exactly one image per question, the message has " + images.size());
        }
        return new UserTurn(String.join(" ", texts).strip(), decodeImage(images.get(0)));
    }

    /** A {@code data:image/...;base64,} URL's picture; other URLs are refused, never fetched. */
    private BufferedImage decodeImage(String url) throws Refusal {
        int comma = url.indexOf(',');
        if (!url.startsWith("data:image/") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw invalid("the image must be a data URL (data:image/png;base64,...); this server fetches nothing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("the image's data URL is not valid base64: " + e.getMessage());
        }
        try {
            return ImageFiles.read(bytes, "the image", settings.maxImagePixels());
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Refusal invalid(String message) {
        return new Refusal(400, "invalid_request_error", "invalid_request", message);
    }

    @Override
    public void close() {
        server.stop(0);
        batchers.values().forEach(RequestBatcher::close);
        handlers.shutdownNow();
    }
}
