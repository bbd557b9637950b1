package dev.deemwb.cli;

import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.serve.ChatServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the mini pair (models 'baseline' and 'deem') over the OpenAI chat-completions API: "
                + "GET /v1/models and POST /v1/chat/completions with a text part and one image_url data-URL part.",
            "Concurrent requests are answered in batches on the inference worker. Greedy decoding: temperature and "
                    + "max_tokens are ignored. Runs until stopped (Ctrl+C)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Where to listen (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Require the API key held in environment variable VAR (clients send 'Authorization: Bearer KEY').")
    String apiKeyEnv;

    @Option(names = "--max-batch", defaultValue = "" + ChatServer.Settings.DEFAULT_MAX_BATCH, paramLabel = "N",
            description = "Most questions per model call (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--batch-window-ms", defaultValue = "" + ChatServer.Settings.DEFAULT_BATCH_WINDOW_MS, paramLabel = "MS",
            description = "How long a batch waits for more questions after its first, for models answered in whole "
                    + "batches; the built-in models batch step by step and never wait (default: ${DEFAULT-VALUE}).")
    long batchWindowMillis;

    @Option(names = "--max-request-bytes", defaultValue = "" + ChatServer.Settings.DEFAULT_MAX_REQUEST_BYTES,
            paramLabel = "N", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--max-image-pixels", defaultValue = "" + ChatServer.Settings.DEFAULT_MAX_IMAGE_PIXELS,
            paramLabel = "N", description = "Largest image decoded, checked from its header (default: ${DEFAULT-VALUE}).")
    long maxImagePixels;

    @Override
    public Integer call() throws Exception {
        ApiKey key = apiKeyEnv == null ? ApiKey.none() : ApiKey.fromEnvironment(apiKeyEnv, System.getenv());
        Bundles.readManifest(bundleOption.bundle); // a bad bundle is reported before the engine starts
        ChatServer.Settings settings = new ChatServer.Settings(key, maxRequestBytes, maxImagePixels, maxBatch,
                Duration.ofMillis(batchWindowMillis), ChatServer.Settings.DEFAULT_HANDLER_THREADS);
        PrintWriter err = spec.commandLine().getErr();
        try (InferenceWorker worker = InferenceWorker.start(bundleOption.bundle)) {
            List<Contender> contenders = MiniContender.pairOn(worker);
            CountDownLatch stopped = new CountDownLatch(1);
            try (ChatServer server = ChatServer.start(host, port, contenders, settings)) {
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                err.printf("serving %s at http://%s:%d%s on %s%s%n",
                        String.join(", ", contenders.stream().map(Contender::id).toList()), host, server.port(),
                        ChatServer.API_ROOT, InferenceWorker.device(),
                        key.isPresent() ? ", API key required" : "");
                err.flush();
                stopped.await();
            }
        }
        return 0;
    }
}
