package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.bench.mmvp.MmvpPattern;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pair view's logic without a toolkit: pairs made from a scene differ in the attribute asked
 * about, and a model that answers both images alike is said not to see the difference.
 */
class PairViewModelTest {

    @RegisterExtension
    static final UntrainedWorker WORKER = new UntrainedWorker();

    @Test
    void aModelThatAnswersBothImagesAlikeIsSaidNotToSeeTheDifference() throws Exception {
        Scene shown = new SceneGenerator().generateWithDistinctShapes(21, 3);
        PairViewModel model = model(Optional.of(shown), "always-yes", "deem");

        model.make(MmvpPattern.PRESENCE);
        await(model);

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.labelProperty().get()).isEqualTo("presence pair from the image shown");
        assertThat(model.imageProperty(PairViewModel.Slot.FIRST).get().scene()).contains(shown);
        assertThat(model.imageProperty(PairViewModel.Slot.SECOND).get().scene()).isNotEqualTo(Optional.of(shown));
        assertThat(model.questionProperty().get()).matches("Is there an? \\w+ in the image\\?");
        PairViewModel.Row yes = model.row(Side.LEFT);
        assertThat(yes.titleProperty().get()).isEqualTo("always-yes");
        assertThat(yes.answerProperty(PairViewModel.Slot.FIRST).get()).isEqualTo("yes");
        assertThat(yes.answerProperty(PairViewModel.Slot.SECOND).get()).isEqualTo("yes");
        // The shape is in the image shown and taken out of the other: "yes" is right once.
        assertThat(yes.verdictProperty(PairViewModel.Slot.FIRST).get()).isEqualTo(AnswerCard.Verdict.RIGHT);
        assertThat(yes.verdictProperty(PairViewModel.Slot.SECOND).get()).isEqualTo(AnswerCard.Verdict.WRONG);
        assertThat(yes.summaryProperty().get()).isEqualTo("the same answer to both images: it does not see the difference");
        PairViewModel.Row deem = model.row(Side.RIGHT);
        String first = deem.answerProperty(PairViewModel.Slot.FIRST).get();
        String second = deem.answerProperty(PairViewModel.Slot.SECOND).get();
        assertThat(deem.summaryProperty().get()).startsWith(first.equals(second) ? "the same answer" : "tells the two");
    }

    @Test
    void aSceneThatCannotCarryThePatternYieldsAPairFromARandomSceneThatSaysSo() throws Exception {
        Scene oneObject = new SceneGenerator().generate(5, 1);
        PairViewModel model = model(Optional.of(oneObject), "baseline", "deem");

        model.make(MmvpPattern.POSITIONAL); // one object has no position relative to another

        await(model);
        assertThat(model.labelProperty().get()).startsWith("position pair from random scene ")
                .endsWith("(the image shown cannot make this pair)");
        assertThat(model.questionProperty().get()).startsWith("Is the ");
        assertThat(model.row(Side.RIGHT).summaryProperty().get()).isNotEmpty();
    }

    @Test
    void theGalleryPairIsAskedTheQuestionWhoseAnswerDiffers() throws Exception {
        Path gallery = Path.of("..", "sample-images");
        List<List<Path>> pairs = PairViewModel.galleryPairs(gallery);
        assertThat(pairs).extracting(p -> p.get(0).getFileName().toString())
                .contains("pair-color-a.png", "pair-orientation-a.png", "pair-structure-a.png");
        PairViewModel model = model(Optional.empty(), "always-yes", "deem");

        model.open(gallery.resolve("pair-color-a.png"), gallery.resolve("pair-color-b.png"));
        await(model);

        assertThat(model.questionProperty().get()).isEqualTo("What color is the triangle?");
        PairViewModel.Row yes = model.row(Side.LEFT);
        assertThat(yes.verdictProperty(PairViewModel.Slot.FIRST).get()).isEqualTo(AnswerCard.Verdict.WRONG);
        assertThat(yes.summaryProperty().get()).startsWith("the same answer");
    }

    @Test
    void twoImagesFromElsewhereAreShownAndAskedTheirQuestion() throws Exception {
        ImageSources sources = new ImageSources(ModelConfig.tiny().imageSize());
        PairViewModel model = model(Optional.empty(), "always-yes", "deem");

        model.show(() -> sources.randomScene(1), () -> sources.randomScene(2), "Is there a circle in the image?",
                "mmvp pair 1 (items 1 and 2)");
        await(model);

        assertThat(model.labelProperty().get()).isEqualTo("mmvp pair 1 (items 1 and 2)");
        assertThat(model.imageProperty(PairViewModel.Slot.SECOND).get().source()).isEqualTo("random scene, seed 2");
        assertThat(model.row(Side.LEFT).answerProperty(PairViewModel.Slot.SECOND).get()).isEqualTo("yes");

        model.show(() -> {
            throw new java.io.IOException("item 7's image is missing");
        }, () -> sources.randomScene(2), "Is there a circle in the image?", "broken");
        await(model);
        assertThat(model.errorProperty().get()).isEqualTo("Could not make the pair: item 7's image is missing");
        assertThat(model.labelProperty().get()).as("the pair shown stays").isEqualTo("mmvp pair 1 (items 1 and 2)");
    }

    private static PairViewModel model(Optional<Scene> shown, String left, String right) {
        ContenderRoster roster = ContenderRoster.of(WORKER.get(), Runnable::run, Runnable::run, Map.of());
        roster.addInProcess(List.of(FakeContender.yes("always-yes")));
        return new PairViewModel(roster, Runnable::run, Runnable::run, new ImageSources(ModelConfig.tiny().imageSize()),
                () -> shown, Map.of(Side.LEFT, () -> left, Side.RIGHT, () -> right));
    }

    private static void await(PairViewModel model) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((model.busyProperty().get() || model.row(Side.RIGHT).summaryProperty().get().isEmpty())
                && model.errorProperty().get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(model.busyProperty().get()).as("still busy after 60 s").isFalse();
    }
}
