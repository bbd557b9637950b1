package dev.deemwb.contender;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.Json;
import dev.deemwb.io.Png;
import dev.deemwb.model.ImageTensors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLException;

/**
 * A vision-language model behind an OpenAI-compatible chat-completions endpoint (vLLM, SGLang, TGI,
 * LMDeploy, llama.cpp's server, Ollama, LM Studio, {@code ./deemwb serve}). Each question is one
 * request (image as a data URL, temperature 0), at most {@link EndpointSettings#concurrency()} in
 * flight; a 429, a 5xx, a timeout or a dropped connection is tried again after an exponential backoff
 * or the server's Retry-After. A reason that holds for every request (refused key, unknown model, no
 * image input, TLS) stops the endpoint: later questions fail at once with it, sending nothing.
 */
public final class OpenAiEndpoint implements Contender {

    /** Waits between tries; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Log-probabilities asked per answer position: a few more than shown, since equal tokens merge. */
    static final int TOP_LOGPROBS = 5;
    /** The longest Retry-After honoured; a server asking for more gets this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int MAX_MESSAGE_CHARS = 300;

    /** An image as the endpoint takes it. */
    record DataUrl(String url) implements PreparedImage {
        @Override
        public long bytes() {
            return 2L * url.length();
        }
    }

    private final EndpointSettings settings;
    private final Sleeper sleeper;
    private final HttpClient client;
    private final ExecutorService requests;
    private final AtomicReference<String> endpointProblem = new AtomicReference<>();
    /** Whether to ask for log-probabilities: until the server refuses them. */
    private final AtomicBoolean logprobs = new AtomicBoolean(true);

    private OpenAiEndpoint(EndpointSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build();
        this.requests = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread thread = new Thread(r, "deemwb-endpoint-" + settings.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects: lists the server's models ({@code GET /models}) and checks that the model is served,
     * or takes the only one when none is named.
     *
     * @throws EndpointException saying why the endpoint cannot be used
     */
    public static OpenAiEndpoint connect(EndpointSettings settings) throws InterruptedException {
        return connect(settings, duration -> Thread.sleep(duration.toMillis()));
    }

    public static OpenAiEndpoint connect(EndpointSettings settings, Sleeper sleeper) throws InterruptedException {
        OpenAiEndpoint probe = new OpenAiEndpoint(settings, sleeper);
        List<String> served;
        try {
            served = probe.listModels();
        } catch (EndpointException | InterruptedException e) {
            probe.close();
            throw e;
        }
        String model = settings.modelId();
        String problem = null;
        if (model == null && served.size() != 1) {
            problem = served.isEmpty() ? "it lists no models"
                    : "it serves " + String.join(", ", served) + "; name one: " + settings.name() + "=URL#MODEL-ID";
        } else if (model != null && !served.contains(model)) {
            problem = "unknown model '" + model + "'; it serves: " + (served.isEmpty() ? "none" : String.join(", ", served));
        }
        if (problem != null) {
            probe.close();
            throw new EndpointException(settings.name() + " at " + settings.baseUrl() + ": " + problem, true);
        }
        if (model != null) {
            return probe;
        }
        probe.close();
        return new OpenAiEndpoint(settings.withModelId(served.get(0)), sleeper);
    }

    /**
     * The ids the server lists ({@code GET /models}), without choosing one: what a settings dialog
     * offers after "Test connection".
     *
     * @throws EndpointException saying why the endpoint cannot be reached
     */
    public static List<String> servedModels(EndpointSettings settings) throws InterruptedException {
        try (OpenAiEndpoint probe = new OpenAiEndpoint(settings, duration -> Thread.sleep(duration.toMillis()))) {
            return probe.listModels();
        }
    }

    /** The ids {@code GET /models} lists. */
    public List<String> listModels() throws InterruptedException {
        HttpRequest request = authorized(HttpRequest.newBuilder(settings.resolve(ChatCompletions.MODELS_PATH)).GET());
        HttpResponse<byte[]> response = sendWithRetries(request);
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        ChatCompletions.ModelList list = parse(response, ChatCompletions.ModelList.class);
        List<String> ids = new ArrayList<>();
        if (list.data() != null) {
            list.data().forEach(entry -> ids.add(entry.id()));
        }
        return ids;
    }

    public EndpointSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return settings.name();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s at %s; temperature 0, at most %d tokens; images at most %d px, %s",
                settings.modelId(), settings.baseUrl(), settings.maxTokens(), settings.longestSide(),
                settings.imageFormat());
    }

    /** Top alternatives come from the answers' log-probabilities, until the server refuses to give them. */
    @Override
    public Set<Capability> capabilities() {
        return logprobs.get() ? EnumSet.of(Capability.ANSWER, Capability.TOP_ALTERNATIVES) : EnumSet.of(Capability.ANSWER);
    }

    @Override
    public String questionProblem(String question) {
        return question == null || question.isBlank() ? "the question is empty" : null;
    }

    @Override
    public PreparedImage prepare(BufferedImage image) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        BufferedImage sent = image;
        if (longest > settings.longestSide()) {
            double scale = (double) settings.longestSide() / longest;
            sent = ImageTensors.resize(image, Math.max(1, (int) Math.round(image.getWidth() * scale)),
                    Math.max(1, (int) Math.round(image.getHeight() * scale)));
        }
        boolean jpeg = settings.imageFormat().equals("jpeg");
        byte[] bytes = jpeg ? jpeg(ImageTensors.resize(sent, sent.getWidth(), sent.getHeight())) : Png.encode(sent);
        return new DataUrl("data:image/" + settings.imageFormat() + ";base64," + Base64.getEncoder().encodeToString(bytes));
    }

    private static byte[] jpeg(BufferedImage opaque) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(65536);
        try {
            ImageIO.write(opaque, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding JPEG failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public CompletableFuture<List<Reply>> answer(List<Question> questions) {
        List<CompletableFuture<Reply>> replies = new ArrayList<>(questions.size());
        List<Future<?>> tasks = new ArrayList<>(questions.size());
        for (Question question : questions) {
            CompletableFuture<Reply> reply = new CompletableFuture<>();
            replies.add(reply);
            tasks.add(requests.submit(() -> {
                try {
                    reply.complete(ask(question));
                } catch (Throwable e) {
                    reply.completeExceptionally(e);
                }
            }));
        }
        CompletableFuture<List<Reply>> all = CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .thenApply(done -> replies.stream().map(CompletableFuture::join).toList());
        all.whenComplete((done, failure) -> {
            if (all.isCancelled()) {
                tasks.forEach(task -> task.cancel(true)); // interrupts requests in flight and waits between tries
            }
        });
        return all;
    }

    /** One question's reply, after any retries; an interruption is the batch's cancellation. */
    private Reply ask(Question question) {
        long start = System.nanoTime();
        String stopped = endpointProblem.get();
        if (stopped != null) {
            return Reply.failed(stopped, 0);
        }
        if (!(question.image() instanceof DataUrl image)) {
            throw new IllegalArgumentException("an image prepared by another contender was given to " + id());
        }
        try {
            boolean askedLogprobs = logprobs.get();
            HttpResponse<byte[]> response = sendWithRetries(chatRequest(image, question.text(), askedLogprobs));
            if (askedLogprobs && refusesLogprobs(response)) {
                logprobs.set(false); // this server answers without them: ask it so from now on
                response = sendWithRetries(chatRequest(image, question.text(), false));
            }
            if (response.statusCode() != 200) {
                throw refusal(response);
            }
            ChatCompletions.Response answer = parse(response, ChatCompletions.Response.class);
            if (answer.choices() == null || answer.choices().isEmpty()) {
                throw new EndpointException("the server's answer has no choices", false);
            }
            ChatCompletions.AnswerMessage message = answer.choices().get(0).message();
            if (message == null || message.content() == null) {
                throw new EndpointException("the server's answer has no text in its first choice", false);
            }
            return Reply.answered(message.content(), alternatives(answer.choices().get(0).logprobs()),
                    millisSince(start), answer.usage());
        } catch (EndpointException e) {
            if (e.wholeEndpoint()) {
                endpointProblem.compareAndSet(null, e.getMessage());
            }
            return Reply.failed(e.getMessage(), millisSince(start));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        }
    }

    private HttpRequest chatRequest(DataUrl image, String text, boolean withLogprobs) throws JsonProcessingException {
        ChatCompletions.Request body = new ChatCompletions.Request(settings.modelId(),
                List.of(new ChatCompletions.Message("user", List.of(ChatCompletions.Part.image(image.url()),
                        ChatCompletions.Part.text(text)))), 0, settings.maxTokens(), withLogprobs ? true : null,
                withLogprobs ? TOP_LOGPROBS : null);
        return authorized(HttpRequest.newBuilder(settings.resolve(ChatCompletions.CHAT_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.compactWriter().writeValueAsBytes(body))));
    }

    /** A 400 / 422 that names log-probabilities: a server (or model) that does not give them. */
    private boolean refusesLogprobs(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        return (status == 400 || status == 422) && serverMessage(response).toLowerCase(Locale.ROOT).contains("logprob");
    }

    /**
     * The first answer token's most likely alternatives, as the workbench shows them for the mini
     * models: tokens stripped of spacing, equal ones merged, blank ones left out, most likely first;
     * empty where the server gave none.
     */
    static List<Answer.Alternative> alternatives(ChatCompletions.Logprobs logprobs) {
        if (logprobs == null || logprobs.content() == null || logprobs.content().isEmpty()
                || logprobs.content().get(0).topLogprobs() == null) {
            return List.of();
        }
        Map<String, Double> merged = new LinkedHashMap<>();
        for (ChatCompletions.TopLogprob top : logprobs.content().get(0).topLogprobs()) {
            String word = top.token() == null ? "" : top.token().strip();
            if (!word.isEmpty() && Double.isFinite(top.logprob())) {
                merged.merge(word, Math.exp(top.logprob()), Double::sum);
            }
        }
        return merged.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MiniDeem.TOP_ALTERNATIVES)
                .map(e -> new Answer.Alternative(e.getKey(), Math.min(1, e.getValue())))
                .toList();
    }

    private HttpRequest authorized(HttpRequest.Builder builder) {
        if (settings.key().isPresent()) {
            builder.header("Authorization", settings.key().bearer());
        }
        return builder.timeout(settings.timeout()).build();
    }

    /**
     * The response, once it is not one to try again (or the tries are used up: then the last one).
     *
     * @throws EndpointException for a TLS failure, or a connection error or timeout on the last try
     */
    private HttpResponse<byte[]> sendWithRetries(HttpRequest request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt > settings.retries();
            Duration wait = backoff(attempt);
            try {
                HttpResponse<byte[]> response = sendOnce(request);
                if (!retryable(response.statusCode()) || last) {
                    return response;
                }
                wait = retryAfter(response).orElse(wait);
            } catch (SSLException e) {
                throw new EndpointException("TLS failed with " + settings.baseUrl() + " (" + e.getMessage() + "): is the "
                        + "URL's scheme right, and is the server's certificate trusted by this Java runtime?", true);
            } catch (HttpTimeoutException | TimeoutException e) {
                if (last) {
                    throw new EndpointException("no answer within " + settings.timeout().toMillis() + " ms, "
                            + tries(attempt), false);
                }
            } catch (IOException e) {
                if (last) {
                    throw new EndpointException(connectionProblem(e) + ", " + tries(attempt), false);
                }
            }
            sleeper.sleep(wait);
        }
    }

    private HttpResponse<byte[]> sendOnce(HttpRequest request) throws IOException, InterruptedException,
            TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request's own timeout ends at the headers; this one also covers a body that stalls.
            return exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            exchange.cancel(true);
        }
    }

    private static String tries(int attempts) {
        return attempts == 1 ? "after 1 try" : "after " + attempts + " tries";
    }

    private String connectionProblem(IOException e) {
        if (e instanceof ConnectException) {
            return "cannot connect to " + settings.baseUrl() + " (connection refused: is the server running?)";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "the connection to " + settings.baseUrl() + " failed (" + settings.key().redact(detail) + ")";
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private Duration backoff(int attempt) {
        return settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /** The server's Retry-After (seconds or an HTTP date), at most {@link #MAX_RETRY_AFTER}. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.get()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    /** Why the server said no, as specifically as its status and message allow. */
    private EndpointException refusal(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String said = serverMessage(response);
        String where = settings.name() + " at " + settings.baseUrl();
        if (status == 401 || status == 403) {
            return new EndpointException(where + (settings.key().isPresent()
                    ? " refused the API key (HTTP " + status + "): check the key"
                    : " needs an API key (HTTP " + status + "): pass --api-key-env VAR or --api-key-file FILE"), true);
        }
        if (status == 404) {
            return new EndpointException(where + ": not found (HTTP 404" + said + "): unknown model '"
                    + settings.modelId() + "', or the URL does not end in the API root (such as /v1)", true);
        }
        if ((status == 400 || status == 422) && said.toLowerCase(Locale.ROOT).contains("image")) {
            return new EndpointException(where + ": model '" + settings.modelId() + "' seems not to take image input (HTTP "
                    + status + said + ")", true);
        }
        return new EndpointException("HTTP " + status + said
                + (retryable(status) ? ", " + tries(settings.retries() + 1) : ""), false);
    }

    /** ": the server's error message", from an OpenAI-style error body or the body's text; "" if none. */
    private String serverMessage(HttpResponse<byte[]> response) {
        String text = new String(response.body(), UTF_8).strip();
        try {
            ChatCompletions.ErrorBody body = Json.mapper().readValue(response.body(), ChatCompletions.ErrorBody.class);
            if (body.error() != null && body.error().message() != null) {
                text = body.error().message();
            }
        } catch (IOException notAnErrorBody) {
            // the plain text is the message
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            text = text.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        return text.isEmpty() ? "" : ": " + settings.key().redact(text);
    }

    private <T> T parse(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new EndpointException("the server's answer is not valid JSON (" + settings.key().redact(detail) + ")",
                    false);
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }
}
