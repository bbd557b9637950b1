package dev.deemwb.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.testing.FakeContender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compare screen's two sides hold any contender: the mini pair by default, a model without a
 * diffusion decoder says so instead of reconstructing, and a question the mini vocabulary refuses
 * still reaches a model that takes any words.
 */
class ContenderPickTest {

    @RegisterExtension
    static final UntrainedWorker WORKER = new UntrainedWorker();

    @Test
    void theMiniPairIsTheDefaultAndAnyContenderCanTakeASide() throws Exception {
        FakeContender remote = FakeContender.yes("remote");
        CompareViewModel model = model(remote);
        assertThat(model.card(Side.LEFT).contenderProperty().get()).isEqualTo("baseline");
        assertThat(model.card(Side.RIGHT).titleProperty().get()).isEqualTo("deem");

        model.card(Side.LEFT).contenderProperty().set("remote");
        model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(3));
        model.questionProperty().set("Is there a circle in the image?");
        model.ask();
        Idle.await(model);

        AnswerCard left = model.card(Side.LEFT);
        AnswerCard right = model.card(Side.RIGHT);
        assertThat(left.titleProperty().get()).isEqualTo("remote");
        assertThat(left.answerProperty().get()).isEqualTo("yes");
        assertThat(left.verdictProperty().get()).isIn(AnswerCard.Verdict.RIGHT, AnswerCard.Verdict.WRONG);
        assertThat(remote.asked()).containsExactly("Is there a circle in the image?");
        assertThat(left.reconstruction()).isEmpty();
        assertThat(left.reconstructionNoteProperty().get())
                .isEqualTo("no reconstruction for this model: remote has no diffusion decoder");
        assertThat(right.answerProperty().get()).isNotEmpty();
        assertThat(right.reconstruction()).hasSize(ReconstructionDefaults.STEPS);
        assertThat(right.reconstructionNoteProperty().get()).isEmpty();
    }

    @Test
    void aWordOutsideTheMiniVocabularyReachesTheOtherModelAndTheMiniSideSaysWhy() throws Exception {
        FakeContender remote = FakeContender.yes("remote");
        CompareViewModel model = model(remote);
        model.card(Side.RIGHT).contenderProperty().set("remote");
        model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(4));
        model.questionProperty().set("Is there a snowboard in the image?");
        model.ask();
        Idle.await(model);

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.card(Side.RIGHT).answerProperty().get()).isEqualTo("yes");
        assertThat(model.card(Side.LEFT).answerProperty().get()).startsWith("(no answer: ").contains("snowboard");
        assertThat(model.card(Side.LEFT).verdictProperty().get()).isEqualTo(AnswerCard.Verdict.NONE);
    }

    @Test
    void askAllComparesThePickedPairByName() throws Exception {
        CompareViewModel model = model(FakeContender.yes("remote"));
        model.card(Side.LEFT).contenderProperty().set("remote");
        model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(11));
        model.askAll();
        Idle.await(model);

        assertThat(model.askAllSummaryProperty().get()).contains(": remote ").contains(" right, deem ")
                .endsWith(model.disagreements().size() + " disagreements");
        assertThat(model.disagreements()).allSatisfy(row -> {
            assertThat(row.first()).isEqualTo("yes");
            assertThat(row.second()).isNotEqualTo("yes");
        });
        List<String> csv = model.askAllCsv().orElseThrow().lines().toList();
        assertThat(csv.get(0)).isEqualTo("question,truth,remote,remote verdict,deem,deem verdict");
        assertThat(csv).hasSize(model.disagreements().size() + 1);
        AskAll.Disagreement first = model.disagreements().get(0);
        assertThat(csv.get(1)).isEqualTo(String.join(",", first.question(), first.truth(), "yes",
                first.truth().equals("yes") ? "right" : "wrong", first.second(),
                first.second().equals(first.truth()) ? "right" : "wrong"));

        model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(12));
        assertThat(model.askAllCsv()).as("another image: the table is for the image shown").isEmpty();
    }

    private static CompareViewModel model(FakeContender extra) throws Exception {
        ContenderRoster roster = ContenderRoster.of(WORKER.get(), Runnable::run, Runnable::run, Map.of());
        roster.addInProcess(List.of(extra));
        assertThat(roster.names()).containsExactly("baseline", "deem", extra.id());
        CompareViewModel model = new CompareViewModel(roster, WORKER.get(), Runnable::run, Runnable::run);
        Idle.await(model);
        return model;
    }
}
