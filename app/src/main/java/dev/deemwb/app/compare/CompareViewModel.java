package dev.deemwb.app.compare;

import dev.deemwb.infer.Answer;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.model.Variant;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The compare screen's state and logic, free of any view: the image, the question, both models'
 * answer cards, their reconstructions step by step, progress and errors. Model work goes to the
 * {@link InferenceWorker}; images are decoded or drawn on {@code loader}; results come back through
 * {@code ui} (the FX thread in the app, the caller's thread in tests). A new question or image cancels
 * the work still running for the old one.
 */
public final class CompareViewModel {

    private final InferenceWorker worker;
    private final Executor ui;
    private final LatestLoad loads;
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty groundTruth = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("loading models…");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final ObservableList<String> unknownWords = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final Map<Variant, AnswerCard> cards = new EnumMap<>(Variant.class);
    private final Map<Variant, ObservableList<BufferedImage>> reconstructions = new EnumMap<>(Variant.class);
    private final ObjectProperty<Float> noise = new SimpleObjectProperty<>(ReconstructionDefaults.NOISE);
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(ReconstructionDefaults.STEPS);
    private final ObjectProperty<Long> reconstructionSeed = new SimpleObjectProperty<>(0L);
    private final ObservableList<AskAll.Disagreement> disagreements = FXCollections.observableArrayList();
    private final StringProperty askAllSummary = new SimpleStringProperty("");
    private final List<InferenceWorker.Request<?>> running = new ArrayList<>();
    private QuestionCheck questionCheck = QuestionCheck.BEFORE_MODELS_LOAD;

    public CompareViewModel(InferenceWorker worker, Executor ui, Executor loader) {
        this.worker = worker;
        this.ui = ui;
        this.loads = new LatestLoad(ui, loader);
        for (Variant variant : Variant.values()) {
            cards.put(variant, new AnswerCard(variant));
            reconstructions.put(variant, FXCollections.observableArrayList());
        }
        worker.ready().whenComplete((models, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                status.set("models not loaded");
                error.set("Could not load the models: " + InferenceWorker.failureMessage(failure));
            } else {
                questionCheck = new QuestionCheck(models.models().tokenizer(), models.models().config().maxPromptLength());
                status.set("ready on " + InferenceWorker.device());
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
        cards.values().forEach(AnswerCard::clear);
        reconstructions.values().forEach(List::clear);
        disagreements.clear();
        askAllSummary.set("");
        groundTruth.set("");
        notice.set(loaded.fromWorld() ? "" : "This image is not from the shapes world. The loaded models know only "
                + "shapes, so their answers here are out of distribution.");
    }

    /** Asks both models the current question about the current image, then reconstructs. */
    public void ask() {
        LoadedImage current = image.get();
        String text = question.get() == null ? "" : question.get().trim();
        unknownWords.clear();
        if (current == null) {
            error.set("Load an image first (open a file, pick a sample or draw a random scene).");
            return;
        }
        Optional<QuestionCheck.Refusal> refusal = questionCheck.refusal(text);
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
        status.set("asking both models…");
        track(worker.submit(models -> {
            Map<Variant, Answer> answers = new EnumMap<>(Variant.class);
            for (Variant variant : Variant.values()) {
                answers.put(variant, models.answer(variant, List.of(current.modelInput()), List.of(text)).get(0));
            }
            return answers;
        }), answers -> {
            answers.forEach((variant, answer) -> cards.get(variant).show(answer,
                    AnswerCard.Verdict.of(current.fromWorld(), truth, answer.text())));
            reconstruct();
        });
    }

    /**
     * Asks both models every template question of a shapes-world image and lists where they disagree,
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
        track(worker.submit(models -> {
            List<float[]> images = Collections.nCopies(questions.size(), current.modelInput());
            List<String> texts = questions.stream().map(QaPair::question).toList();
            return AskAll.of(questions, models.answer(Variant.BASELINE, images, texts),
                    models.answer(Variant.DEEM, images, texts));
        }), result -> {
            disagreements.setAll(result.disagreements());
            askAllSummary.set(result.summary());
            status.set("ready on " + InferenceWorker.device());
        });
    }

    /** Redraws the image from each model's tokens, keeping every DDIM step's preview. */
    public void reconstruct() {
        LoadedImage current = image.get();
        if (current == null) {
            return;
        }
        reconstructions.values().forEach(List::clear);
        busy.set(true);
        float noiseFraction = noise.get();
        int stepCount = steps.get();
        long seed = reconstructionSeed.get();
        LatestValue<String> progress = new LatestValue<>(ui, status::set);
        track(worker.submit((models, cancellation) -> {
            for (Variant variant : Variant.values()) {
                List<BufferedImage> previews = new ArrayList<>();
                models.reconstruct(variant, current.modelInput(), noiseFraction, stepCount, seed, (step, total, estimate) -> {
                    cancellation.check();
                    previews.add(estimate);
                    progress.post("reconstructing (" + variant.displayName() + ") step " + step + "/" + total);
                });
                ui.execute(() -> reconstructions.get(variant).setAll(previews));
            }
            return Boolean.TRUE;
        }), done -> status.set("ready on " + InferenceWorker.device()));
    }

    public void cancelRunning() {
        running.forEach(request -> request.cancel().run());
        running.clear();
    }

    public void dismissError() {
        error.set("");
    }

    private <T> void track(InferenceWorker.Request<T> request, Consumer<T> onSuccess) {
        running.add(request);
        request.result().whenComplete((value, failure) -> ui.execute(() -> {
            running.remove(request);
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

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> unknownWords() {
        return unknownWords;
    }

    public ObservableList<String> history() {
        return history;
    }

    public AnswerCard card(Variant variant) {
        return cards.get(variant);
    }

    public ObservableList<BufferedImage> reconstruction(Variant variant) {
        return reconstructions.get(variant);
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

    public StringProperty askAllSummaryProperty() {
        return askAllSummary;
    }
}
