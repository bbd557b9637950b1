package dev.deemwb.eval;

import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.io.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a benchmark's unfinished items through its contenders in batches, appending each batch's
 * records to the run's records (a run folder, or memory) before reporting it. Every contender gets
 * the batch at once, so remote endpoints work in parallel with each other and with in-process models
 * (which run on the calling thread: the inference worker, or a CLI command's own). An item a
 * contender cannot be asked is recorded with the reason, and a resumed run asks only the contenders
 * that have not answered it.
 */
public final class ProbeRunner {

    public static final int DEFAULT_BATCH = 256;
    /** Prepared images kept, per contender, so POPE's six questions per image decode it once. */
    private static final long IMAGE_CACHE_BYTES = 256L << 20;
    /** How often a wait for answers looks whether the run was cancelled. */
    private static final long CANCEL_POLL_MILLIS = 100;

    /**
     * Progress of a run, counting items finished before a resume.
     *
     * @param latencies per model, the latency percentiles of this session's answers
     */
    public record Progress(int done, int total, int errors, double elapsedSeconds, int doneThisSession,
                           Map<String, Latencies> latencies) {

        /** Seconds left at this session's pace; NaN before the first batch. */
        public double etaSeconds() {
            return doneThisSession == 0 ? Double.NaN : elapsedSeconds / doneThisSession * (total - done);
        }

        /** Items finished per second in this session. */
        public double itemsPerSecond() {
            return elapsedSeconds == 0 ? 0 : doneThisSession / elapsedSeconds;
        }
    }

    /** Receives each batch's records (already on disk), on the running thread. */
    @FunctionalInterface
    public interface Listener {
        void onBatch(List<RunRecord> batch, Progress progress);
    }

    /**
     * What this session ran: how many items, how many questions went to each model and the seconds
     * until its answers were in.
     *
     * @param questions      the most questions any model was asked
     * @param modelSeconds   per model id, the time from sending each batch until its answers were in
     * @param modelQuestions per model id, the questions it was asked
     */
    public record Timing(int items, int questions, double wallSeconds, Map<String, Double> modelSeconds,
                         Map<String, Integer> modelQuestions) {

        public static final Timing NONE = new Timing(0, 0, 0, Map.of(), Map.of());

        public Timing {
            modelSeconds = Map.copyOf(modelSeconds);
            modelQuestions = Map.copyOf(modelQuestions);
        }

        /** Both together: items, seconds and questions added; the most questions any model was asked, per model. */
        public Timing plus(Timing other) {
            Map<String, Double> seconds = new TreeMap<>(modelSeconds);
            other.modelSeconds.forEach((model, s) -> seconds.merge(model, s, Double::sum));
            Map<String, Integer> asked = new TreeMap<>(modelQuestions);
            other.modelQuestions.forEach((model, n) -> asked.merge(model, n, Integer::sum));
            return new Timing(items + other.items, asked.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                    wallSeconds + other.wallSeconds, seconds, asked);
        }

        public double questionsPerSecond(String model) {
            double seconds = modelSeconds.getOrDefault(model, 0.0);
            return seconds == 0 ? 0 : modelQuestions.getOrDefault(model, 0) / seconds;
        }
    }

    private final List<Contender> contenders;
    private final int batchSize;
    private final Map<String, PreparedImages> prepared = new LinkedHashMap<>();

    public ProbeRunner(List<Contender> contenders, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, was " + batchSize);
        }
        if (contenders.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one model");
        }
        this.contenders = List.copyOf(contenders);
        this.batchSize = batchSize;
        for (Contender contender : contenders) {
            if (prepared.put(contender.id(), new PreparedImages(IMAGE_CACHE_BYTES)) != null) {
                throw new IllegalArgumentException("two models are named '" + contender.id() + "'");
            }
        }
    }

    /**
     * Runs every item of {@code benchmark} not yet finished in {@code run}, appending each batch to it.
     *
     * @param checkCancelled called between batches and while waiting for answers; it throws to stop
     *                       the run (finished batches stay, requests in flight are cancelled)
     */
    public Timing run(Benchmark<?> benchmark, RunRecords run, Runnable checkCancelled, Listener listener)
            throws IOException {
        return run(benchmark, run, Integer.MAX_VALUE, checkCancelled, listener);
    }

    /**
     * As {@link #run(Benchmark, RunRecords, Runnable, Listener)}, but stops after {@code maxBatches}
     * batches: the app runs one batch per worker request, so questions asked in the compare screen
     * are answered between two batches instead of after the whole benchmark.
     */
    public Timing run(Benchmark<?> benchmark, RunRecords run, int maxBatches, Runnable checkCancelled,
                      Listener listener) throws IOException {
        long start = System.nanoTime();
        List<ProbeItem> items = benchmark.items();
        List<ProbeItem> todo = items.stream().filter(item -> !run.isFinished(item.id())).toList();
        int finishedBefore = items.size() - todo.size();
        int errors = (int) run.records().stream().filter(RunRecord::isError).count();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Integer> asked = new LinkedHashMap<>();
        contenders.forEach(contender -> {
            seconds.put(contender.id(), 0.0);
            asked.put(contender.id(), 0);
        });
        todo = todo.subList(0, (int) Math.min(todo.size(), (long) maxBatches * batchSize));
        List<RunRecord> thisSession = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += batchSize) {
            checkCancelled.run();
            List<ProbeItem> batch = todo.subList(from, Math.min(todo.size(), from + batchSize));
            errors -= (int) batch.stream().filter(item -> run.record(item.id()) != null).count();
            long batchStart = System.nanoTime();
            Map<String, Double> secondsBefore = new LinkedHashMap<>(seconds);
            Batch answered = ask(benchmark, batch, run, seconds, checkCancelled);
            List<RunRecord> records = answered.records(benchmark);
            Map<String, Integer> batchAsked = new LinkedHashMap<>();
            answered.askedItems.forEach((id, indices) -> batchAsked.put(id, indices.size()));
            batchAsked.forEach((id, n) -> asked.merge(id, n, Integer::sum));
            errors += (int) records.stream().filter(RunRecord::isError).count();
            run.append(records);
            Map<String, Double> batchSeconds = new LinkedHashMap<>();
            seconds.forEach((id, s) -> batchSeconds.put(id, s - secondsBefore.get(id)));
            run.appendTiming(new Timing(batch.size(), batchAsked.values().stream().mapToInt(Integer::intValue).max()
                    .orElse(0), (System.nanoTime() - batchStart) / 1e9, batchSeconds, batchAsked));
            thisSession.addAll(records);
            int done = finishedBefore + from + batch.size();
            listener.onBatch(records, new Progress(done, items.size(), errors, (System.nanoTime() - start) / 1e9,
                    from + batch.size(), Latencies.of(thisSession)));
        }
        int questions = asked.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Timing(todo.size(), questions, (System.nanoTime() - start) / 1e9, seconds, asked);
    }

    /** One batch in flight: per item, the answers in (from earlier sessions, then now) and the reasons for the rest. */
    private final class Batch {
        private final List<ProbeItem> items;
        private final List<Map<String, RunRecord.ModelAnswer>> earlier = new ArrayList<>();
        private final List<Map<String, String>> problems = new ArrayList<>();
        private final Map<String, List<Integer>> askedItems = new LinkedHashMap<>();
        /** Per contender, what each item in {@link #askedItems} was asked. */
        private final Map<String, List<String>> askedPrompts = new LinkedHashMap<>();
        private final Map<String, List<Reply>> replies = new LinkedHashMap<>();

        Batch(List<ProbeItem> items) {
            this.items = items;
        }

        List<RunRecord> records(Benchmark<?> benchmark) {
            List<Map<String, RunRecord.ModelAnswer>> answers = new ArrayList<>(earlier);
            replies.forEach((id, list) -> {
                List<Integer> asked = askedItems.get(id);
                for (int k = 0; k < asked.size(); k++) {
                    int i = asked.get(k);
                    Reply reply = list.get(k);
                    if (reply.isAnswered()) {
                        Judgement judgement = benchmark.judge(items.get(i), reply.text());
                        String prompt = askedPrompts.get(id).get(k);
                        answers.get(i).put(id, new RunRecord.ModelAnswer(reply.text(), judgement.parsed(),
                                judgement.correct(), reply.latencyMillis(), reply.usage(),
                                prompt.equals(items.get(i).question()) ? null : prompt));
                    } else {
                        problems.get(i).put(id, reply.error());
                    }
                }
            });
            List<RunRecord> records = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Map<String, RunRecord.ModelAnswer> byModel = new LinkedHashMap<>();
                for (Contender contender : contenders) {
                    RunRecord.ModelAnswer answer = answers.get(i).get(contender.id());
                    if (answer != null) {
                        byModel.put(contender.id(), answer);
                    }
                }
                records.add(problems.get(i).isEmpty() ? RunRecord.answered(items.get(i), byModel)
                        : RunRecord.partial(items.get(i), byModel, reason(problems.get(i), byModel.isEmpty())));
            }
            return records;
        }
    }

    /**
     * The reasons of the models that did not answer: one reason alone when every model failed for it
     * (a missing image), else each model's, by name.
     */
    private static String reason(Map<String, String> problems, boolean noneAnswered) {
        List<String> distinct = problems.values().stream().distinct().toList();
        if (noneAnswered && distinct.size() == 1) {
            return distinct.get(0);
        }
        List<String> reasons = new ArrayList<>();
        problems.forEach((model, problem) -> reasons.add(model + ": " + problem));
        return String.join("; ", reasons);
    }

    private Batch ask(Benchmark<?> benchmark, List<ProbeItem> items, RunRecords run, Map<String, Double> seconds,
                      Runnable checkCancelled) {
        Batch batch = new Batch(items);
        Map<String, List<Question>> questions = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ProbeItem item = items.get(i);
            RunRecord earlier = run.record(item.id());
            batch.earlier.add(new LinkedHashMap<>(earlier == null ? Map.of() : earlier.answers()));
            batch.problems.add(new LinkedHashMap<>());
            Path file = benchmark.images().resolve(item.image());
            Decoded decoded = new Decoded(file);
            for (Contender contender : contenders) {
                if (batch.earlier.get(i).containsKey(contender.id())) {
                    continue; // answered in an earlier session: never asked twice
                }
                String prompt = prompt(item, contender);
                String problem = contender.questionProblem(prompt);
                PreparedImage image = problem == null ? prepared.get(contender.id()).get(file, decoded, contender) : null;
                if (problem != null) {
                    batch.problems.get(i).put(contender.id(), "question: " + problem);
                } else if (image == null) {
                    batch.problems.get(i).put(contender.id(), "image: " + decoded.problem);
                } else {
                    questions.computeIfAbsent(contender.id(), id -> new ArrayList<>()).add(new Question(image, prompt));
                    batch.askedItems.computeIfAbsent(contender.id(), id -> new ArrayList<>()).add(i);
                    batch.askedPrompts.computeIfAbsent(contender.id(), id -> new ArrayList<>()).add(prompt);
                }
            }
        }
        Map<String, CompletableFuture<List<Reply>>> pending = new LinkedHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>(); // written by the contenders' threads
        long sent = System.nanoTime();
        for (Contender contender : contenders) {
            List<Question> asked = questions.get(contender.id());
            if (asked != null) {
                pending.put(contender.id(), contender.answer(asked).whenComplete((replies, failure) ->
                        answeredAt.put(contender.id(), System.nanoTime())));
            }
        }
        pending.forEach((id, future) -> {
            batch.replies.put(id, await(id, future, pending, checkCancelled));
            seconds.merge(id, (answeredAt.get(id) - sent) / 1e9, Double::sum);
        });
        return batch;
    }

    /**
     * What {@code contender} is asked: the question with its options where the benchmark has them and
     * the contender can read them, else the bare question (the mini vocabulary has no "(a)").
     */
    private static String prompt(ProbeItem item, Contender contender) {
        return item.withOptions() != null && contender.questionProblem(item.withOptions()) == null
                ? item.withOptions() : item.question();
    }

    /** A contender's replies; while they are not in, waiting looks for cancellation, which cancels every request. */
    private static List<Reply> await(String id, CompletableFuture<List<Reply>> future,
                                     Map<String, CompletableFuture<List<Reply>>> pending, Runnable checkCancelled) {
        try {
            while (!future.isDone()) {
                try {
                    checkCancelled.run();
                    future.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // look for cancellation again
                } catch (RuntimeException cancelled) {
                    pending.values().forEach(f -> f.cancel(true));
                    throw cancelled;
                }
            }
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.values().forEach(f -> f.cancel(true));
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(id + ": " + cause.getMessage(), cause);
        }
    }

    /** An item's image, decoded at most once and only if some contender has not prepared it yet. */
    private static final class Decoded {
        private final Path file;
        private BufferedImage image;
        private String problem;

        Decoded(Path file) {
            this.file = file;
        }

        /** The picture, or null with {@link #problem} saying why. */
        BufferedImage image() {
            if (image == null && problem == null) {
                try {
                    image = ImageFiles.read(file);
                } catch (NoSuchFileException e) {
                    problem = file + ": no such file";
                } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
                    problem = e.getMessage();
                }
            }
            return image;
        }
    }

    /** One contender's prepared images by file, least recently used dropped past a byte budget. */
    private static final class PreparedImages {
        private final long budget;
        private long bytes;
        private final LinkedHashMap<Path, PreparedImage> images = new LinkedHashMap<>(16, 0.75f, true);

        PreparedImages(long budget) {
            this.budget = budget;
        }

        /** {@code file} as {@code contender} takes it, or null if it cannot be read (see {@code decoded}). */
        PreparedImage get(Path file, Decoded decoded, Contender contender) {
            PreparedImage cached = images.get(file);
            if (cached != null) {
                return cached;
            }
            BufferedImage image = decoded.image();
            if (image == null) {
                return null;
            }
            PreparedImage made = contender.prepare(image);
            images.put(file, made);
            bytes += made.bytes();
            var eldest = images.entrySet().iterator();
            while (bytes > budget && images.size() > 1) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
            return made;
        }
    }
}
