package dev.deemwb.app.compare;

import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The compare screen's state and logic, free of any view: the image, the question, the two contenders
 * picked (the mini baseline and mini DEEM until the user picks others), their answer cards and
 * reconstructions step by step, progress and errors. Contenders come from the {@link ContenderRoster};
 * images are decoded, drawn and prepared on {@code loader}; results come back through {@code ui} (the
 * FX thread in the app, the caller's thread in tests). A new question or image makes the work still
 * running for the old one stop showing (and a reconstruction stop at its next step).
 */
public final class CompareViewModel {

    private final ContenderCalls calls;
    private final Executor ui;
    private final LatestLoad loads;
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty groundTruth = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("loading models…");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final BooleanBinding answersStale;
    private final ObservableList<String> unknownWords = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final Map<Side, AnswerCard> cards = new EnumMap<>(Side.class);
    private final ObjectProperty<Float> noise = new SimpleObjectProperty<>(ReconstructionDefaults.NOISE);
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(ReconstructionDefaults.STEPS);
    private final ObjectProperty<Long> reconstructionSeed = new SimpleObjectProperty<>(0L);
    private final ObservableList<AskAll.Disagreement> disagreements = FXCollections.observableArrayList();
    private final StringProperty askAllSummary = new SimpleStringProperty("");
    /** The last "Ask all" on the image shown, for its CSV; null before one, or after another image is shown. */
    private AskAll askedAll;
    private final List<CompletableFuture<?>> running = new ArrayList<>();
    /** The newest request's number: older work sees it changed and stops showing. */
    private final AtomicLong generation = new AtomicLong();
    private String readyStatus = "ready";
    private QuestionCheck questionCheck = QuestionCheck.BEFORE_MODELS_LOAD;

    /** The mini pair only (no endpoints), for screens and tests that need nothing else. */
    public CompareViewModel(InferenceWorker worker, Executor ui, Executor loader) {
        this(ContenderRoster.of(worker, ui, loader, Map.of()), worker, ui, loader);
    }

    public CompareViewModel(ContenderRoster roster, InferenceWorker worker, Executor ui, Executor loader) {
        this.calls = new ContenderCalls(roster, loader);
        this.ui = ui;
        this.loads = new LatestLoad(ui, loader);
        for (Side side : Side.values()) {
            AnswerCard card = new AnswerCard(side);
            cards.put(side, card);
            card.contenderProperty().addListener((obs, old, name) -> {
                cancelRunning();
                card.clear();
            });
        }
        answersStale = Bindings.createBooleanBinding(() -> cards.values().stream().map(c -> c.askedProperty().get())
                        .anyMatch(asked -> !asked.isEmpty() && !asked.equals(trimmed(question.get()))),
                question, cards.get(Side.LEFT).askedProperty(), cards.get(Side.RIGHT).askedProperty());
        worker.ready().whenComplete((models, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                status.set("models not loaded");
                error.set("Could not load the models: " + InferenceWorker.failureMessage(failure));
            } else {
                questionCheck = new QuestionCheck(models.models().tokenizer(), models.models().config().maxPromptLength());
                readyStatus = "ready on " + InferenceWorker.device();
                status.set(readyStatus);
            }
        }));
    }

    /**
     * Loads an image on the loader (decoding a photo or drawing a scene is too slow for the UI thread)
     * and shows it, then runs {@code whenShown} — unless another image was shown or asked for
     * meanwhile. A failure leaves the current image in place and shows the reason.
     */
    public void load(Callable<LoadedImage> source, Runnable whenShown) {
        loads.load(source, loaded -> {
            show(loaded);
            whenShown.run();
        }, error::set);
    }

    /** Shows a new image; the previous image's work is cancelled and its answers cleared. */
    public void show(LoadedImage loaded) {
        loads.supersede();
        cancelRunning();
        image.set(loaded);
        calls.forget();
        cards.values().forEach(AnswerCard::clear);
        disagreements.clear();
        askAllSummary.set("");
        askedAll = null;
        groundTruth.set("");
        notice.set(loaded.fromWorld() ? "" : "This image is not from the shapes world. The mini models know only "
                + "shapes, so their answers here are out of distribution.");
    }

    /** Asks both sides' contenders the current question about the current image, then reconstructs. */
    public void ask() {
        LoadedImage current = image.get();
        String text = trimmed(question.get());
        unknownWords.clear();
        if (current == null) {
            error.set("Load an image first (open a file, pick a sample or draw a random scene).");
            return;
        }
        // Two mini models share one vocabulary: its words are checked, and named, before anything is sent.
        Optional<QuestionCheck.Refusal> refusal = cards.values().stream().allMatch(card -> calls.isMini(card.contenderProperty().get()))
                ? questionCheck.refusal(text) : Optional.empty();
        if (refusal.isPresent()) {
            unknownWords.setAll(refusal.get().unknownWords());
            error.set(refusal.get().message());
            return;
        }
        error.set("");
        cancelRunning();
        if (!history.contains(text)) {
            history.add(0, text);
        }
        Optional<String> truth = current.scene().flatMap(scene -> GroundTruth.of(scene, text));
        groundTruth.set(truth.map(t -> "ground truth: " + t).orElse(current.fromWorld()
                ? "no ground truth: not a template question" : ""));
        busy.set(true);
        status.set("asking " + name(Side.LEFT) + " and " + name(Side.RIGHT) + "…");
        Map<Side, String> names = new EnumMap<>(Side.class);
        cards.forEach((side, card) -> names.put(side, card.contenderProperty().get()));
        track(calls.askEach(names, current, text), replies -> {
            replies.forEach((side, answer) -> cards.get(side).show(text, answer,
                    AnswerCard.Verdict.of(current.fromWorld(), truth, answer.isAnswered() ? answer.text() : "")));
            status.set(readyStatus);
            reconstruct();
        });
    }

    /**
     * Asks both sides every template question of a shapes-world image and lists where they disagree,
     * with the ground truth.
     */
    public void askAll() {
        LoadedImage current = image.get();
        if (current == null || current.scene().isEmpty()) {
            error.set("\"Ask all\" needs a shapes-world image (a sample or a random scene): only there is every "
                    + "template question's answer known.");
            return;
        }
        List<QaPair> questions = Questions.all(current.scene().get());
        busy.set(true);
        status.set("asking all " + questions.size() + " template questions…");
        track(calls.askAll(name(Side.LEFT), name(Side.RIGHT), current, questions), result -> {
            disagreements.setAll(result.disagreements());
            askAllSummary.set(result.summary());
            askedAll = result;
            status.set(readyStatus);
        });
    }

    /**
     * Redraws the image from each side's tokens, keeping every DDIM step's preview; a contender that
     * cannot reconstruct says so on its card instead.
     */
    public void reconstruct() {
        LoadedImage current = image.get();
        if (current == null) {
            return;
        }
        cards.values().forEach(card -> card.reconstruction().clear());
        float noiseFraction = noise.get();
        int stepCount = steps.get();
        long seed = reconstructionSeed.get();
        long mine = generation.get();
        LatestValue<String> progress = new LatestValue<>(ui, status::set);
        busy.set(true);
        Map<Side, CompletableFuture<List<BufferedImage>>> works = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            works.put(side, calls.reconstruct(name(side), current, noiseFraction, stepCount, seed,
                    () -> generation.get() != mine, progress::post));
        }
        // Both are in flight before either's completion is handled: one that is done at once (a side
        // that cannot reconstruct) must not clear "busy" while the other still draws.
        running.addAll(works.values());
        works.forEach((side, work) -> {
            String name = name(side);
            track(work, previews -> {
                cards.get(side).reconstructionNoteProperty().set(previews == null
                        ? "no reconstruction for this model: " + name + " has no diffusion decoder" : "");
                cards.get(side).reconstruction().setAll(previews == null ? List.of() : previews);
                status.set(readyStatus);
            });
        });
    }

    private static String trimmed(String question) {
        return question == null ? "" : question.trim();
    }

    public void cancelRunning() {
        generation.incrementAndGet();
        running.forEach(work -> work.cancel(true));
        running.clear();
    }

    public void dismissError() {
        error.set("");
    }

    private String name(Side side) {
        return cards.get(side).contenderProperty().get();
    }

    private <T> void track(CompletableFuture<T> work, Consumer<T> onSuccess) {
        if (!running.contains(work)) {
            running.add(work);
        }
        long mine = generation.get();
        work.whenComplete((value, failure) -> ui.execute(() -> {
            running.remove(work);
            if (mine != generation.get()) {
                busy.set(!running.isEmpty());
                return; // superseded: a newer question, image or pick owns the screen
            }
            if (failure == null) {
                onSuccess.accept(value);
            } else if (!InferenceWorker.isCancellation(failure)) {
                status.set("request failed");
                error.set("The request failed: " + InferenceWorker.failureMessage(failure));
            }
            // After the follow-up work (an answer starts its reconstruction) is queued, so "busy" never
            // blinks off between the two.
            busy.set(!running.isEmpty());
        }));
    }

    public ObjectProperty<LoadedImage> imageProperty() {
        return image;
    }

    public StringProperty questionProperty() {
        return question;
    }

    public StringProperty groundTruthProperty() {
        return groundTruth;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * True while the cards show answers to another question than the one in the field (edited, emptied
     * or refused since): the view marks them, so no answer is read as replying to the new question.
     */
    public BooleanBinding answersStaleProperty() {
        return answersStale;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> unknownWords() {
        return unknownWords;
    }

    public ObservableList<String> history() {
        return history;
    }

    public AnswerCard card(Side side) {
        return cards.get(side);
    }

    public ObjectProperty<Float> noiseProperty() {
        return noise;
    }

    public ObjectProperty<Integer> stepsProperty() {
        return steps;
    }

    public ObjectProperty<Long> reconstructionSeedProperty() {
        return reconstructionSeed;
    }

    public ObservableList<AskAll.Disagreement> disagreements() {
        return disagreements;
    }

    /** The disagreements of the last "Ask all" as CSV (see {@link AskAll#csv()}); empty before one. */
    public Optional<String> askAllCsv() {
        return Optional.ofNullable(askedAll).map(AskAll::csv);
    }

    public StringProperty askAllSummaryProperty() {
        return askAllSummary;
    }
}
