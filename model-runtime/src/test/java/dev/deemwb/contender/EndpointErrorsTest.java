package dev.deemwb.contender;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deemwb.infer.Answer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way an endpoint can be unusable gets its own clear message, and the API key is in none of them. */
class EndpointErrorsTest {

    private static final String KEY = "sk-test-5ecret-never-shown";

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<OpenAiEndpoint> endpoints = new ArrayList<>();
    private final AtomicInteger chatRequests = new AtomicInteger();

    @AfterEach
    void stop() {
        endpoints.forEach(OpenAiEndpoint::close);
        servers.forEach(server -> server.stop(0));
    }

    /** A server on 127.0.0.1 listing {@code models} and answering every chat request with {@code status} and {@code body}. */
    private URI serve(List<String> models, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StringBuilder list = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < models.size(); i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":\"").append(models.get(i)).append("\"}");
        }
        String listing = list.append("]}").toString();
        server.createContext("/v1/models", exchange -> respond(exchange, status == 401 ? 401 : 200,
                status == 401 ? body : listing));
        server.createContext("/v1/chat/completions", exchange -> {
            chatRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            respond(exchange, status, body);
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private OpenAiEndpoint connect(URI url, String model, ApiKey key) throws InterruptedException {
        OpenAiEndpoint endpoint = OpenAiEndpoint.connect(new EndpointSettings("vlm", url, model, key, 64, "png", 16,
                Duration.ofSeconds(5), 2, 0, Duration.ZERO), duration -> { });
        endpoints.add(endpoint);
        return endpoint;
    }

    private static ApiKey key() {
        return ApiKey.fromEnvironment("DEEMWB_TEST_KEY", Map.of("DEEMWB_TEST_KEY", KEY));
    }

    private static Reply ask(OpenAiEndpoint endpoint) {
        BufferedImage image = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        Question question = new Question(endpoint.prepare(image), "Is there a cat?");
        return endpoint.answer(List.of(question, question)).join().get(0);
    }

    @Test
    void aRefusedKeyIsSaidWithoutTheKeyEvenWhenTheServerEchoesIt() throws IOException {
        URI url = serve(List.of("m"), 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        assertThatThrownBy(() -> connect(url, "m", key())).isInstanceOf(EndpointException.class)
                .hasMessageContaining("refused the API key (HTTP 401)").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> connect(url, "m", ApiKey.none()))
                .hasMessageContaining("needs an API key (HTTP 401): pass --api-key-env VAR or --api-key-file FILE");
    }

    @Test
    void anUnknownModelIsRefusedNamingWhatTheServerServes() throws IOException {
        URI url = serve(List.of("llava", "qwen-vl"), 200, "{}");

        assertThatThrownBy(() -> connect(url, "gpt-9", ApiKey.none()))
                .hasMessageContaining("unknown model 'gpt-9'; it serves: llava, qwen-vl");
        assertThatThrownBy(() -> connect(url, null, ApiKey.none()))
                .hasMessageContaining("it serves llava, qwen-vl; name one: vlm=URL#MODEL-ID");
    }

    @Test
    void theOnlyServedModelIsTakenWhenNoneIsNamed() throws IOException, InterruptedException {
        URI url = serve(List.of("llava"), 200, "{}");

        assertThat(connect(url, null, ApiKey.none()).settings().modelId()).isEqualTo("llava");
    }

    @Test
    void aModelWithoutImageInputStopsTheEndpointAfterOneRequest() throws IOException, InterruptedException {
        URI url = serve(List.of("text-only"), 400,
                "{\"error\":{\"message\":\"This model does not support image input\",\"type\":\"invalid_request_error\"}}");
        OpenAiEndpoint endpoint = connect(url, "text-only", ApiKey.none());

        Reply reply = ask(endpoint);
        assertThat(reply.isAnswered()).isFalse();
        assertThat(reply.error()).contains("model 'text-only' seems not to take image input (HTTP 400: This model does "
                + "not support image input)");
        assertThat(ask(endpoint).error()).isEqualTo(reply.error());
        assertThat(chatRequests.get()).as("requests after the endpoint was found unusable").isLessThanOrEqualTo(2);
    }

    @Test
    void aServerThatRefusesLogprobsIsAskedWithoutThemFromThenOn() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        server.createContext("/v1/models", exchange -> respond(exchange, 200, "{\"data\":[{\"id\":\"m\"}]}"));
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            bodies.add(body);
            if (body.contains("logprobs")) {
                respond(exchange, 400, "{\"error\":{\"message\":\"logprobs is not supported for this model\"}}");
            } else {
                respond(exchange, 200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Yes\"}}]}");
            }
        });
        server.start();
        servers.add(server);
        OpenAiEndpoint endpoint = connect(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"), "m",
                ApiKey.none());
        assertThat(endpoint.capabilities()).contains(Capability.TOP_ALTERNATIVES);

        Reply first = ask(endpoint);
        Reply second = ask(endpoint);

        assertThat(first.text()).isEqualTo("Yes");
        assertThat(first.alternatives()).isEmpty();
        assertThat(second.text()).isEqualTo("Yes");
        assertThat(endpoint.capabilities()).doesNotContain(Capability.TOP_ALTERNATIVES);
        assertThat(bodies.stream().filter(b -> b.contains("logprobs")).count()).as("refused once per request in flight")
                .isLessThanOrEqualTo(2);
        assertThat(bodies.get(bodies.size() - 1)).doesNotContain("logprobs");
    }

    @Test
    void alternativesAreTheFirstTokensTopLogprobsStrippedMergedAndRanked() {
        ChatCompletions.Logprobs logprobs = new ChatCompletions.Logprobs(List.of(new ChatCompletions.TokenLogprob("Yes",
                Math.log(0.6), List.of(new ChatCompletions.TopLogprob("Yes", Math.log(0.6)),
                        new ChatCompletions.TopLogprob(" No", Math.log(0.2)), new ChatCompletions.TopLogprob(" Yes", Math.log(0.1)),
                        new ChatCompletions.TopLogprob(" ", Math.log(0.05)), new ChatCompletions.TopLogprob("no", Math.log(0.04))))));

        List<Answer.Alternative> alternatives = OpenAiEndpoint.alternatives(logprobs);

        assertThat(alternatives).extracting(Answer.Alternative::word).containsExactly("Yes", "No", "no");
        assertThat(alternatives.get(0).probability()).isCloseTo(0.7, within(1e-12));
        assertThat(alternatives.get(1).probability()).isCloseTo(0.2, within(1e-12));
        assertThat(OpenAiEndpoint.alternatives(null)).isEmpty();
        assertThat(OpenAiEndpoint.alternatives(new ChatCompletions.Logprobs(List.of()))).isEmpty();
    }

    @Test
    void notFoundDuringARunSaysModelOrPath() throws IOException, InterruptedException {
        URI url = serve(List.of("m"), 404, "{\"error\":{\"message\":\"The model `m` does not exist.\"}}");

        assertThat(ask(connect(url, "m", ApiKey.none())).error()).contains("not found (HTTP 404: The model `m` does not "
                + "exist.): unknown model 'm', or the URL does not end in the API root");
    }

    @Test
    void aTlsFailureIsNamedAsSuch() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // One connection, answered in plain HTTP where the client expects a TLS handshake. The
            // client's hello is read first and the socket kept open until the client gives up: closing
            // at once, with the hello unread, left the client waiting out its timeout on a loaded machine.
            Thread answerer = new Thread(() -> {
                try (Socket client = plain.accept()) {
                    client.setSoTimeout(10_000);
                    client.getInputStream().read();
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(UTF_8));
                    client.getOutputStream().flush();
                    while (client.getInputStream().read() >= 0) {
                        // drain until the client closes the failed connection
                    }
                } catch (IOException closed) {
                    // the client closed or timed out: the test is over
                }
            });
            answerer.start();
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/v1");

            assertThatThrownBy(() -> connect(https, "m", ApiKey.none())).isInstanceOf(EndpointException.class)
                    .hasMessageContaining("TLS failed with " + https);
            answerer.join();
        }
    }

    @Test
    void aServerThatIsNotThereIsSaidSo() throws IOException {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }

        assertThatThrownBy(() -> connect(URI.create("http://127.0.0.1:" + port + "/v1"), "m", ApiKey.none()))
                .hasMessageContaining("connection refused: is the server running?").hasMessageContaining("after 1 try");
    }

    @Test
    void imagesAreDownscaledToTheLongestSide() throws IOException, InterruptedException {
        OpenAiEndpoint endpoint = connect(serve(List.of("m"), 200, "{}"), "m", ApiKey.none());

        String url = ((OpenAiEndpoint.DataUrl) endpoint.prepare(new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB))).url();
        byte[] png = java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        BufferedImage sent = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));

        assertThat(url).startsWith("data:image/png;base64,");
        assertThat(sent.getWidth()).isEqualTo(64);
        assertThat(sent.getHeight()).isEqualTo(16);
    }

    @Test
    void jpegImagesAreOpaqueJpegDataUrls() throws IOException, InterruptedException {
        URI url = serve(List.of("m"), 200, "{}");
        OpenAiEndpoint endpoint = OpenAiEndpoint.connect(new EndpointSettings("vlm", url, "m", ApiKey.none(), 64, "jpeg",
                16, Duration.ofSeconds(5), 1, 0, Duration.ZERO), duration -> { });
        endpoints.add(endpoint);

        String dataUrl = ((OpenAiEndpoint.DataUrl) endpoint.prepare(
                new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB))).url();
        byte[] jpeg = java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));

        assertThat(dataUrl).startsWith("data:image/jpeg;base64,");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(32);
    }

    @Test
    void theKeyIsSentAsABearerHeaderAndShownNowhere() throws IOException, InterruptedException {
        try (FaultyServer server = new FaultyServer()) {
            OpenAiEndpoint endpoint = connect(server.baseUrl(), "faulty-vlm", key());

            assertThat(ask(endpoint).isAnswered()).isTrue();
            assertThat(server.authorizations()).containsOnly("Bearer " + KEY);
            assertThat(endpoint.description()).doesNotContain(KEY);
            assertThat(endpoint.settings().toString()).doesNotContain(KEY);
            assertThat(key().toString()).isEqualTo("an API key (hidden)");
        }
    }

    @Test
    void aKeyFileReadableByOthersIsRefused() throws IOException {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ApiKey.fromFile(file)).hasMessageContaining("readable by its owner only (it is rw-r--r--)")
                .hasMessageContaining("chmod 600").hasMessageNotContaining(KEY);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ApiKey.fromFile(file).isPresentedBy("Bearer " + KEY)).isTrue();
    }

    @Test
    void aMissingKeyVariableIsSaidSo() {
        assertThatThrownBy(() -> ApiKey.fromEnvironment("NO_SUCH_VAR", Map.of()))
                .hasMessage("environment variable NO_SUCH_VAR holds no API key (it is not set)");
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> EndpointSettings.of("vlm", URI.create("http://user:" + KEY + "@127.0.0.1:1/v1"), "m",
                ApiKey.none())).hasMessageContaining("the URL holds credentials").hasMessageNotContaining(KEY);
    }
}
