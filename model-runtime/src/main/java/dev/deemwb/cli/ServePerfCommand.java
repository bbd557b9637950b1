package dev.deemwb.cli;

import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.EndpointSettings;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.contender.OpenAiEndpoint;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Json;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.Latencies;
import dev.deemwb.eval.MiniSuite;
import dev.deemwb.eval.ProbeItem;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.RunRecords;
import dev.deemwb.serve.ChatServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "perf-serve", mixinStandardHelpOptions = true,
        description = {"The serving benchmark: one mini-POPE split through one model, in process (batches of "
                + ProbeRunner.DEFAULT_BATCH + ") and through ./deemwb serve's server on 127.0.0.1 with the endpoint "
                + "client at --concurrency, both on the same inference worker, in alternating rounds.",
            "Reports both questions/s and their ratio, the batch sizes the server formed, request latencies, and the "
                    + "overhead per request (the same requests against an instant model). Writes a JSON report; a "
                    + "benchmark, not a test."})
final class ServePerfCommand implements Callable<Integer> {

    private static final String MODEL = "deem";

    @Spec
    CommandSpec spec;

    @Mixin
    BundleOption bundleOption;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the JSON report.")
    Path out;

    @Option(names = "--split", defaultValue = "adversarial", paramLabel = "NAME",
            description = "random, popular or adversarial (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", defaultValue = "" + MiniSuite.DEFAULT_SEED, paramLabel = "SEED",
            description = "The mini benchmark's seed (default: ${DEFAULT-VALUE}; 500 images, 3 000 questions a split).")
    long seed;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
            description = "Requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--max-batch", defaultValue = "" + ChatServer.Settings.DEFAULT_MAX_BATCH, paramLabel = "N",
            description = "The server's largest batch (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--batch-window-ms", defaultValue = "" + ChatServer.Settings.DEFAULT_BATCH_WINDOW_MS, paramLabel = "MS",
            description = "How long the server's batch waits for more questions, for models answered in whole "
                    + "batches; the mini models batch step by step and never wait (default: ${DEFAULT-VALUE}).")
    long batchWindowMillis;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Alternating in-process and served measurements (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--overhead-requests", defaultValue = "500", paramLabel = "N",
            description = "Requests against the instant model for the overhead (default: ${DEFAULT-VALUE}).")
    int overheadRequests;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || overheadRequests < 1 || rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--concurrency, --rounds and --overhead-requests must be at "
                    + "least 1");
        }
        Bundles.readManifest(bundleOption.bundle);
        Path scratch = Files.createTempDirectory("deemwb-perf-serve");
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(seed, MiniBenchmarks.Spec.standard(seed).popeImages(), 1, 1, 64),
                scratch);
        try {
            Benchmark<?> pope = MiniSuite.read(scratch).stream().filter(b -> b.name().equals("pope_" + split))
                    .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(), "no POPE split '" + split
                            + "' (random, popular or adversarial)"));
            measure(pope);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return 0;
    }

    private void measure(Benchmark<?> pope) throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("available_processors", Runtime.getRuntime().availableProcessors());
        report.put("benchmark", pope.name() + " (mini, seed " + seed + ")");
        report.put("questions", pope.items().size());
        report.put("model", MODEL);
        try (InferenceWorker worker = InferenceWorker.start(bundleOption.bundle);
             ChatServer server = ChatServer.start("127.0.0.1", 0, List.of(only(MiniContender.pairOn(worker))),
                     ChatServer.Settings.defaults(ApiKey.none()).withMaxBatch(maxBatch)
                             .withBatchWindow(Duration.ofMillis(batchWindowMillis)))) {
            Contender inWorker = only(MiniContender.pairOn(worker));
            report.put("device", InferenceWorker.device());
            inProcess(worker, pope); // warm-ups: the engine's first calls are slow, and so are the client's,
            remote(server, pope);    // the server's and their connections'
            // Rounds alternate the two ways, so a machine that slows down or speeds up mid-run (a shared VM)
            // weighs on both alike; the medians and the per-round ratios are what to quote.
            List<Map<String, Object>> rounds = new ArrayList<>();
            double[] localRates = new double[this.rounds];
            double[] servedRates = new double[this.rounds];
            double[] ratios = new double[this.rounds];
            for (int round = 0; round < this.rounds; round++) {
                ProbeRunner.Timing local = inProcess(worker, pope);
                localRates[round] = local.questions() / local.wallSeconds();
                Map<Integer, Long> batchesBefore = server.batchSizes().get(MODEL);
                double busyBefore = server.busySeconds().get(MODEL);
                RemoteRun run = remote(server, pope);
                servedRates[round] = run.timing().questions() / run.timing().wallSeconds();
                ratios[round] = servedRates[round] / localRates[round];
                Map<String, Object> measured = new LinkedHashMap<>();
                measured.put("in_process_questions_per_second", localRates[round]);
                measured.put("served_questions_per_second", servedRates[round]);
                measured.put("served_over_in_process", ratios[round]);
                measured.put("served_answered", run.answered());
                measured.put("served_batch_sizes", difference(server.batchSizes().get(MODEL), batchesBefore));
                // Under 1, the model waited for requests: the bottleneck is outside it (HTTP, decoding, the client).
                measured.put("model_busy_fraction", (server.busySeconds().get(MODEL) - busyBefore)
                        / run.timing().wallSeconds());
                measured.put("served_latency_ms", Latencies.of(run.records()).get(MODEL));
                rounds.add(measured);
                err.printf(Locale.ROOT, "round %d: in process %.0f questions/s, through serve at concurrency %d %.0f "
                        + "(%.0f %%)%n", round + 1, localRates[round], concurrency, servedRates[round],
                        100 * ratios[round]);
            }
            report.put("rounds", rounds);
            report.put("in_process_questions_per_second_median", median(localRates));
            report.put("served_questions_per_second_median", median(servedRates));
            report.put("served_over_in_process_median", median(ratios));
            report.put("in_process_batch_size", ProbeRunner.DEFAULT_BATCH);
            report.put("overhead_per_request", overhead(pope, inWorker));
        }
        report.put("concurrency", concurrency);
        report.put("server_max_batch", maxBatch);
        report.put("server_batch_window_ms", batchWindowMillis);
        Json.write(out, report);
        err.println("wrote " + out);
    }

    private static Contender only(List<Contender> pair) {
        return pair.stream().filter(c -> c.id().equals(MODEL)).findFirst().orElseThrow();
    }

    /** The split through the model on its worker thread, as the app and {@code eval} run it. */
    private static ProbeRunner.Timing inProcess(InferenceWorker worker, Benchmark<?> pope) {
        return worker.submit(deem -> {
            try {
                return new ProbeRunner(List.of(only(MiniContender.pair(deem))), ProbeRunner.DEFAULT_BATCH)
                        .run(pope, RunRecords.inMemory(), () -> { }, (batch, progress) -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).result().join();
    }

    private record RemoteRun(ProbeRunner.Timing timing, List<RunRecord> records, long answered) {
    }

    private RemoteRun remote(ChatServer server, Benchmark<?> pope) throws IOException, InterruptedException {
        try (OpenAiEndpoint endpoint = connect(server)) {
            RunRecords records = RunRecords.inMemory();
            ProbeRunner.Timing timing = new ProbeRunner(List.of(endpoint), ProbeRunner.DEFAULT_BATCH)
                    .run(pope, records, () -> { }, (batch, progress) -> { });
            long answered = records.records().stream().filter(r -> !r.isError()).count();
            return new RemoteRun(timing, records.records(), answered);
        }
    }

    private OpenAiEndpoint connect(ChatServer server) throws InterruptedException {
        return OpenAiEndpoint.connect(new EndpointSettings(MODEL, URI.create("http://127.0.0.1:" + server.port()
                + ChatServer.API_ROOT), MODEL, ApiKey.none(), EndpointSettings.DEFAULT_LONGEST_SIDE, "png",
                EndpointSettings.DEFAULT_MAX_TOKENS, Duration.ofSeconds(60), concurrency, 0, Duration.ZERO));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Latencies.percentile(sorted, 0.5);
    }

    /** Batches formed in the measured run only. */
    private static Map<Integer, Long> difference(Map<Integer, Long> after, Map<Integer, Long> before) {
        Map<Integer, Long> measured = new LinkedHashMap<>();
        after.forEach((size, count) -> {
            long n = count - before.getOrDefault(size, 0L);
            if (n > 0) {
                measured.put(size, n);
            }
        });
        return measured;
    }

    /**
     * What a request costs beyond the model: the same path (client, JSON, HTTP on loopback, the
     * server's checks and image decoding, the batcher) with a model that answers at once, one request
     * at a time; and the client's preparing of an image (PNG, base64), once per image.
     */
    private Map<String, Object> overhead(Benchmark<?> pope, Contender real) throws IOException, InterruptedException {
        List<ProbeItem> items = pope.items();
        BufferedImage first = ImageFiles.read(pope.images().resolve(items.get(0).image()));
        Map<String, Object> overhead = new LinkedHashMap<>();
        try (ChatServer server = ChatServer.start("127.0.0.1", 0, List.of(new InstantModel(real)),
                ChatServer.Settings.defaults(ApiKey.none()));
             OpenAiEndpoint endpoint = connect(server)) {
            PreparedImage image = endpoint.prepare(first);
            Question question = new Question(image, items.get(0).question());
            double[] millis = new double[overheadRequests];
            for (int i = -overheadRequests / 5; i < overheadRequests; i++) { // the first fifth warms up
                long start = System.nanoTime();
                endpoint.answer(List.of(question)).join();
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            overhead.put("round_trip_ms_p50", Latencies.percentile(millis, 0.5));
            overhead.put("round_trip_ms_p90", Latencies.percentile(millis, 0.9));
            overhead.put("round_trip_requests", overheadRequests);
            long start = System.nanoTime();
            int images = 200;
            for (int i = 0; i < images; i++) {
                endpoint.prepare(first);
            }
            overhead.put("client_image_prepare_ms", (System.nanoTime() - start) / 1e6 / images);
            overhead.put("image_px", first.getWidth() + "x" + first.getHeight());
        }
        return overhead;
    }

    /** The real model's checks and image preparation, but an answer at once: the serving path without the model. */
    private record InstantModel(Contender real) implements Contender {
        @Override
        public String id() {
            return real.id();
        }

        @Override
        public String description() {
            return "instant stand-in for " + real.id();
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.ANSWER);
        }

        @Override
        public String questionProblem(String question) {
            return real.questionProblem(question);
        }

        @Override
        public PreparedImage prepare(BufferedImage image) {
            return real.prepare(image);
        }

        @Override
        public CompletableFuture<List<Reply>> answer(List<Question> questions) {
            return CompletableFuture.completedFuture(questions.stream()
                    .map(q -> Reply.answered("yes", List.of(), 0, null)).toList());
        }
    }
}
