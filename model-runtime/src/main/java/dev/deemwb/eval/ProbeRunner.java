package dev.deemwb.eval;

import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.model.Variant;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a benchmark's unfinished items through both models in batches, on the thread that owns the
 * models (the inference worker, or a CLI command's own thread), appending each batch's records to the
 * run's records (a run folder, or memory) before reporting it. An item the models cannot be asked is recorded with the reason.
 */
public final class ProbeRunner {

    public static final int DEFAULT_BATCH = 256;
    /** Decoded model inputs kept, so POPE's six questions per image decode it once. */
    private static final int IMAGE_CACHE = 2048;

    /** Progress of a run, counting items finished before a resume. */
    public record Progress(int done, int total, int errors, double elapsedSeconds, int doneThisSession) {

        /** Seconds left at this session's pace; NaN before the first batch. */
        public double etaSeconds() {
            return doneThisSession == 0 ? Double.NaN : elapsedSeconds / doneThisSession * (total - done);
        }
    }

    /** Receives each batch's records (already on disk), on the running thread. */
    @FunctionalInterface
    public interface Listener {
        void onBatch(List<RunRecord> batch, Progress progress);
    }

    /**
     * What this session ran: how many items and questions, and the seconds each model spent answering.
     *
     * @param modelSeconds per model id, the time inside its answering calls
     */
    public record Timing(int items, int questions, double wallSeconds, Map<String, Double> modelSeconds) {

        public double questionsPerSecond(String model) {
            double seconds = modelSeconds.getOrDefault(model, 0.0);
            return seconds == 0 ? 0 : questions / seconds;
        }
    }

    private final MiniDeem models;
    private final int batchSize;
    private final Map<Path, float[]> inputs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, float[]> eldest) {
            return size() > IMAGE_CACHE;
        }
    };

    public ProbeRunner(MiniDeem models, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, was " + batchSize);
        }
        this.models = models;
        this.batchSize = batchSize;
    }

    /**
     * Runs every item of {@code benchmark} not yet finished in {@code run}, appending each batch to it.
     *
     * @param checkCancelled called between batches; it throws to stop the run (finished batches stay)
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
        Map<Variant, Double> seconds = new EnumMap<>(Variant.class);
        int questions = 0;
        todo = todo.subList(0, (int) Math.min(todo.size(), (long) maxBatches * batchSize));
        for (int from = 0; from < todo.size(); from += batchSize) {
            checkCancelled.run();
            List<ProbeItem> batch = todo.subList(from, Math.min(todo.size(), from + batchSize));
            List<RunRecord> records = new ArrayList<>(batch.size());
            List<ProbeItem> askable = new ArrayList<>();
            List<float[]> images = new ArrayList<>();
            for (ProbeItem item : batch) {
                String problem = questionProblem(item);
                Input input = problem == null ? input(benchmark.images().resolve(item.image())) : null;
                if (problem == null) {
                    problem = input.problem();
                }
                if (problem != null) {
                    records.add(RunRecord.failed(item, problem));
                } else {
                    askable.add(item);
                    images.add(input.pixels());
                }
            }
            Map<Variant, List<Answer>> answers = new EnumMap<>(Variant.class);
            List<String> texts = askable.stream().map(ProbeItem::question).toList();
            for (Variant variant : Variant.values()) {
                long t = System.nanoTime();
                answers.put(variant, askable.isEmpty() ? List.of() : models.answer(variant, images, texts));
                seconds.merge(variant, (System.nanoTime() - t) / 1e9, Double::sum);
            }
            for (int i = 0; i < askable.size(); i++) {
                ProbeItem item = askable.get(i);
                Map<String, RunRecord.ModelAnswer> byModel = new LinkedHashMap<>();
                for (Variant variant : Variant.values()) {
                    String answer = answers.get(variant).get(i).text();
                    Judgement judgement = benchmark.judge(item, answer);
                    byModel.put(variant.id(), new RunRecord.ModelAnswer(answer, judgement.parsed(), judgement.correct()));
                }
                records.add(RunRecord.answered(item, byModel));
            }
            questions += askable.size();
            errors += batch.size() - askable.size();
            run.append(records);
            int done = finishedBefore + from + batch.size();
            listener.onBatch(records, new Progress(done, items.size(), errors, (System.nanoTime() - start) / 1e9,
                    from + batch.size()));
        }
        Map<String, Double> modelSeconds = new LinkedHashMap<>();
        seconds.forEach((variant, s) -> modelSeconds.put(variant.id(), s));
        return new Timing(todo.size(), questions, (System.nanoTime() - start) / 1e9, modelSeconds);
    }

    /** Why the models cannot read the question, or null. */
    private String questionProblem(ProbeItem item) {
        try {
            MiniDeem.checkQuestion(item.question(), models.models().tokenizer(), models.models().config().maxPromptLength());
            return null;
        } catch (IllegalArgumentException e) {
            return "question: " + e.getMessage();
        }
    }

    /** A model input, or why the image cannot be read. */
    private record Input(float[] pixels, String problem) {
    }

    private Input input(Path file) {
        float[] cached = inputs.get(file);
        if (cached != null) {
            return new Input(cached, null);
        }
        try {
            float[] pixels = models.input(ImageFiles.read(file));
            inputs.put(file, pixels);
            return new Input(pixels, null);
        } catch (NoSuchFileException e) {
            return new Input(null, "image: " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            return new Input(null, "image: " + e.getMessage());
        }
    }
}
