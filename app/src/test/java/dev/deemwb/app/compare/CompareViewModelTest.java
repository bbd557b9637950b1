package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.deemwb.infer.MiniDeem;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.model.Variant;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compare view-model without any toolkit: results are delivered on the WORKER.get()'s thread. */
class CompareViewModelTest {

    private static final int INPUT_SIZE = ModelConfig.tiny().imageSize();

    @RegisterExtension
    static final UntrainedWorker WORKER = new UntrainedWorker();

    private static CompareViewModel model() throws Exception {
        CompareViewModel model = new CompareViewModel(WORKER.get(), Runnable::run, Runnable::run);
        Idle.await(model);
        return model;
    }

    @Test
    void answersAreMarkedAgainstTheSceneGroundTruth() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources(INPUT_SIZE).randomScene(3));
        model.questionProperty().set("How many objects are there?");
        model.ask();
        Idle.await(model);

        String truth = model.groundTruthProperty().get();
        assertThat(truth).startsWith("ground truth: ");
        for (Side variant : Side.values()) {
            AnswerCard card = model.card(variant);
            boolean right = card.answerProperty().get().equals(truth.substring("ground truth: ".length()));
            assertThat(card.verdictProperty().get())
                    .isEqualTo(right ? AnswerCard.Verdict.RIGHT : AnswerCard.Verdict.WRONG);
            assertThat(card.alternativesProperty().get()).as("the top three, less markers and words under 0.5 %")
                    .isNotEmpty().hasSizeLessThanOrEqualTo(MiniDeem.TOP_ALTERNATIVES)
                    .allSatisfy(a -> assertThat(a.probability()).isGreaterThanOrEqualTo(0.005))
                    .noneMatch(a -> a.word().startsWith("<"));
            assertThat(model.card(variant).reconstruction()).hasSize(ReconstructionDefaults.STEPS);
        }
        assertThat(model.history()).containsExactly("How many objects are there?");
    }

    @Test
    void eachCardNamesTheQuestionItAnswersAndIsStaleOnceTheFieldSaysAnother() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources(INPUT_SIZE).randomScene(3));
        model.questionProperty().set("  How many objects are there? ");
        model.ask();
        Idle.await(model);
        assertThat(model.card(Side.LEFT).askedProperty().get()).isEqualTo("How many objects are there?");
        assertThat(model.card(Side.RIGHT).askedProperty().get()).isEqualTo("How many objects are there?");
        assertThat(model.answersStaleProperty().get()).as("the field still says the question answered").isFalse();

        model.questionProperty().set("Is there a circle in the image?");
        assertThat(model.answersStaleProperty().get()).isTrue();
        model.questionProperty().set("");
        assertThat(model.answersStaleProperty().get()).as("an emptied field").isTrue();
        model.questionProperty().set("Is there a circel in the image?");
        model.ask(); // refused: the cards keep the old answers, marked
        assertThat(model.answersStaleProperty().get()).isTrue();

        model.questionProperty().set("Is there a circle in the image?");
        model.ask();
        Idle.await(model);
        assertThat(model.card(Side.RIGHT).askedProperty().get()).isEqualTo("Is there a circle in the image?");
        assertThat(model.answersStaleProperty().get()).isFalse();

        model.show(new ImageSources(INPUT_SIZE).randomScene(4));
        assertThat(model.card(Side.RIGHT).askedProperty().get()).as("a new image clears the cards").isEmpty();
        assertThat(model.answersStaleProperty().get()).isFalse();
    }

    @Test
    void aPhotoIsMarkedOutOfDistribution() throws Exception {
        CompareViewModel model = model();
        model.show(LoadedImage.of(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "photo.jpg",
                Optional.empty(), Optional.empty(), List.of(), INPUT_SIZE));
        assertThat(model.noticeProperty().get()).contains("not from the shapes world");
        model.questionProperty().set("Is there a circle in the image?");
        model.ask();
        Idle.await(model);

        assertThat(model.card(Side.RIGHT).verdictProperty().get()).isEqualTo(AnswerCard.Verdict.OUT_OF_WORLD);
        assertThat(model.groundTruthProperty().get()).isEmpty();
    }

    @Test
    void unknownWordsAreNamedWithSuggestionsAndNotSent() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources(INPUT_SIZE).randomScene(4));
        model.questionProperty().set("Is there a circel in the image?");
        model.ask();

        assertThat(model.unknownWords()).containsExactly("circel");
        assertThat(model.errorProperty().get()).contains("\"circel\" (did you mean circle").contains("not sent");
        assertThat(model.card(Side.LEFT).answerProperty().get()).isEmpty();
    }

    @Test
    void emptyAndOverlongQuestionsAreRefusedClearly() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources(INPUT_SIZE).randomScene(5));
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
    void noActionWaitsForTheWorker() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources(INPUT_SIZE).randomScene(6));
        model.questionProperty().set("How many objects are there?");
        CountDownLatch release = new CountDownLatch(1);
        WORKER.get().submit((models, cancellation) -> {
            release.await();
            return null;
        });
        try {
            // With the WORKER.get() held, an action that waited for its result would never return.
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                model.ask();
                model.reconstruct();
                model.askAll();
            });
            assertThat(model.busyProperty().get()).isTrue();
        } finally {
            release.countDown();
        }
        Idle.await(model);
        assertThat(model.askAllSummaryProperty().get()).isNotEmpty();
    }

    @Test
    void imagesLoadOnTheLoaderAndOnlyTheLatestRequestIsShown() throws Exception {
        Deque<Runnable> loader = new ArrayDeque<>();
        CompareViewModel model = new CompareViewModel(WORKER.get(), Runnable::run, loader::add);
        Idle.await(model);
        ImageSources sources = new ImageSources(INPUT_SIZE);
        List<String> shown = new ArrayList<>();

        model.load(() -> sources.randomScene(1), () -> shown.add("seed 1"));
        model.load(() -> sources.randomScene(2), () -> shown.add("seed 2"));
        assertThat(model.imageProperty().get()).as("nothing is drawn on the calling thread").isNull();
        loader.removeLast().run(); // the later request finishes first...
        loader.removeLast().run(); // ...and the overtaken one, arriving late, is dropped
        assertThat(model.imageProperty().get().source()).isEqualTo("random scene, seed 2");
        assertThat(shown).containsExactly("seed 2");

        model.load(() -> sources.randomScene(3), () -> shown.add("seed 3"));
        model.show(sources.randomScene(4)); // e.g. a pasted image, shown while seed 3 was still drawing
        loader.remove().run();
        assertThat(model.imageProperty().get().source()).isEqualTo("random scene, seed 4");
        assertThat(shown).containsExactly("seed 2");
    }

    @Test
    void aFailedLoadKeepsTheImageAndSaysWhy() throws Exception {
        CompareViewModel model = model();
        model.show(new ImageSources(INPUT_SIZE).randomScene(5));
        model.load(() -> {
            throw new IllegalArgumentException("notes.png: not a readable image");
        }, () -> { throw new AssertionError("not shown"); });
        assertThat(model.errorProperty().get()).isEqualTo("notes.png: not a readable image");
        assertThat(model.imageProperty().get().source()).isEqualTo("random scene, seed 5");

        model.load(() -> {
            throw new IOException();
        }, () -> { });
        assertThat(model.errorProperty().get()).isEqualTo("The image could not be loaded (IOException).");
    }

    @Test
    void progressReachesTheUiCoalescedToTheLatestValue() {
        Deque<Runnable> ui = new ArrayDeque<>();
        List<String> delivered = new ArrayList<>();
        LatestValue<String> progress = new LatestValue<>(ui::add, delivered::add);

        progress.post("step 1");
        progress.post("step 2");
        progress.post("step 3");
        assertThat(ui).hasSize(1);
        ui.remove().run();
        assertThat(delivered).containsExactly("step 3");

        progress.post("step 4");
        assertThat(ui).hasSize(1);
        ui.remove().run();
        assertThat(delivered).containsExactly("step 3", "step 4");
    }

    @Test
    void aLoadedImageIsShownFromASmallCopy() {
        LoadedImage wide = LoadedImage.of(new BufferedImage(4000, 1000, BufferedImage.TYPE_INT_ARGB), "panorama.png",
                Optional.empty(), Optional.empty(), List.of(), INPUT_SIZE);
        assertThat(wide.display().getWidth()).isEqualTo(ImageSources.DISPLAY_SIZE);
        assertThat(wide.display().getHeight()).isEqualTo(ImageSources.DISPLAY_SIZE / 4);
        assertThat(wide.modelInput()).hasSize(3 * INPUT_SIZE * INPUT_SIZE);
        assertThat(wide.modelInputPicture().getWidth()).isEqualTo(INPUT_SIZE);
        assertThat(wide.image().getWidth()).isEqualTo(4000);

        BufferedImage small = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        assertThat(LoadedImage.of(small, "small.png", Optional.empty(), Optional.empty(), List.of(), INPUT_SIZE).display())
                .isSameAs(small);
    }

    @Test
    void askAllListsEveryQuestionWhereTheModelsDisagreeAndNoOther() throws Exception {
        CompareViewModel model = model();
        LoadedImage image = new ImageSources(INPUT_SIZE).randomScene(11);
        model.show(image);
        model.askAll();
        Idle.await(model);

        List<QaPair> questions = Questions.all(image.scene().orElseThrow());
        List<AskAll.Disagreement> expected = WORKER.get().submit(models -> {
            List<AskAll.Disagreement> rows = new ArrayList<>();
            for (QaPair pair : questions) {
                String baseline = models.answer(Variant.BASELINE, List.of(image.modelInput()), List.of(pair.question()))
                        .get(0).text();
                String deem = models.answer(Variant.DEEM, List.of(image.modelInput()), List.of(pair.question()))
                        .get(0).text();
                if (!baseline.equals(deem)) {
                    rows.add(new AskAll.Disagreement(pair.question(), pair.answer(), baseline, deem));
                }
            }
            return rows;
        }).result().get(60, TimeUnit.SECONDS);
        assertThat(expected).as("the untrained models disagree somewhere on this scene").isNotEmpty();
        assertThat(model.disagreements()).containsExactlyElementsOf(expected);
        assertThat(model.askAllSummaryProperty().get()).startsWith(questions.size() + " questions:")
                .endsWith(expected.size() + " disagreements");
    }

    @Test
    void groundTruthCoversPresenceOfEveryShape() {
        var scene = new SceneGenerator().generate(9);
        for (Shape shape : Shape.values()) {
            assertThat(GroundTruth.of(scene, Questions.presence(shape)))
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
}
