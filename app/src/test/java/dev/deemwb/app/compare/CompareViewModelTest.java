package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.model.Variant;
import dev.deemwb.testing.TestBundles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare view-model without any toolkit: results are delivered on the worker's thread. */
class CompareViewModelTest {

    @TempDir
    static Path dir;

    private static InferenceWorker worker;

    @BeforeAll
    static void start() throws Exception {
        Path bundle = TestBundles.untrained(dir.resolve("bundle"));
        worker = InferenceWorker.start(bundle);
        worker.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    private static CompareViewModel model() throws Exception {
        CompareViewModel model = new CompareViewModel(worker, Runnable::run);
        awaitIdle(model);
        return model;
    }

    @Test
    void answersAreMarkedAgainstTheSceneGroundTruth() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources().randomScene(3));
        model.questionProperty().set("How many objects are there?");
        model.ask();
        awaitIdle(model);

        String truth = model.groundTruthProperty().get();
        assertThat(truth).startsWith("ground truth: ");
        for (Variant variant : Variant.values()) {
            AnswerCard card = model.card(variant);
            boolean right = card.answerProperty().get().equals(truth.substring("ground truth: ".length()));
            assertThat(card.verdictProperty().get())
                    .isEqualTo(right ? AnswerCard.Verdict.RIGHT : AnswerCard.Verdict.WRONG);
            assertThat(card.alternativesProperty().get()).hasSize(3);
            assertThat(model.reconstruction(variant)).hasSize(CompareViewModel.DEFAULT_STEPS);
        }
        assertThat(model.history()).containsExactly("How many objects are there?");
    }

    @Test
    void aPhotoIsMarkedOutOfDistribution() throws Exception {
        CompareViewModel model = model();
        model.show(new LoadedImage(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "photo.jpg",
                Optional.empty(), Optional.empty(), List.of()));
        assertThat(model.noticeProperty().get()).contains("not from the shapes world");
        model.questionProperty().set("Is there a circle in the image?");
        model.ask();
        awaitIdle(model);

        assertThat(model.card(Variant.DEEM).verdictProperty().get()).isEqualTo(AnswerCard.Verdict.OUT_OF_WORLD);
        assertThat(model.groundTruthProperty().get()).isEmpty();
    }

    @Test
    void unknownWordsAreNamedWithSuggestionsAndNotSent() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources().randomScene(4));
        model.questionProperty().set("Is there a circel in the image?");
        model.ask();

        assertThat(model.unknownWords()).containsExactly("circel");
        assertThat(model.errorProperty().get()).contains("\"circel\" (did you mean circle").contains("not sent");
        assertThat(model.card(Variant.BASELINE).answerProperty().get()).isEmpty();
    }

    @Test
    void emptyAndOverlongQuestionsAreRefusedClearly() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources().randomScene(5));
        model.questionProperty().set("   ");
        model.ask();
        assertThat(model.errorProperty().get()).isEqualTo("The question is empty.");

        model.questionProperty().set("is ".repeat(700));
        model.ask();
        assertThat(model.errorProperty().get()).contains("2099 characters", "at most 200"); // trimmed
        model.dismissError();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void askingWithoutAnImageSaysWhatToDo() throws Exception {
        CompareViewModel model = model();
        model.questionProperty().set("How many objects are there?");
        model.ask();
        assertThat(model.errorProperty().get()).startsWith("Load an image first");
    }

    @Test
    void groundTruthCoversPresenceOfEveryShape() {
        var scene = new dev.deemwb.world.SceneGenerator().generate(9);
        for (dev.deemwb.world.Shape shape : dev.deemwb.world.Shape.values()) {
            assertThat(GroundTruth.of(scene, dev.deemwb.world.Questions.presence(shape)))
                    .contains(scene.contains(shape) ? "yes" : "no");
        }
        assertThat(GroundTruth.of(scene, "What is the meaning of life?")).isEmpty();
    }

    @Test
    void suggestionsAreTheClosestKnownWords() {
        List<String> vocabulary = List.of("<pad>", "circle", "circles", "cross", "square");
        assertThat(WordSuggestions.closest("circel", vocabulary)).containsExactly("circle", "circles");
        assertThat(WordSuggestions.closest("zebra", vocabulary)).isEmpty();
        assertThat(WordSuggestions.distance("kitten", "sitting")).isEqualTo(3);
    }

    private static void awaitIdle(CompareViewModel model) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (model.busyProperty().get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(model.busyProperty().get()).as("still busy after 60 s").isFalse();
    }
}
