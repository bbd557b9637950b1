package dev.deemwb.contender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.testing.TestBundles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mini pair as contenders: what they declare, and the same answers inline and through the worker's queue. */
class MiniContenderTest {

    @TempDir
    static Path shared;

    private static NDManager manager;
    private static MiniDeemModels models;
    private static InferenceWorker worker;

    @BeforeAll
    static void load() throws IOException {
        Path bundle = TestBundles.untrained(shared.resolve("bundle"));
        manager = NDManager.newBaseManager();
        models = Bundles.load(bundle, manager);
        worker = InferenceWorker.start(bundle);
    }

    @AfterAll
    static void close() {
        worker.close();
        manager.close();
    }

    @Test
    void thePairDeclaresEverythingAndRefusesWordsOutsideItsVocabulary() {
        List<Contender> pair = MiniContender.pair(new MiniDeem(models));

        assertThat(pair).extracting(Contender::id).containsExactly("baseline", "deem");
        assertThat(pair).allSatisfy(c -> assertThat(c.capabilities()).isEqualTo(EnumSet.allOf(Capability.class)));
        assertThat(pair.get(1).questionProblem("is there a snowboard")).isEqualTo("unknown word: snowboard");
        assertThat(pair.get(1).questionProblem("is there a circle")).isNull();
    }

    @Test
    void answersAndReconstructionsAreTheSameInlineAndOnTheWorker() {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(10, 10, 0xff0000);
        List<Contender> inline = MiniContender.pair(new MiniDeem(models));
        List<Contender> queued = MiniContender.pairOn(worker);
        for (int i = 0; i < 2; i++) {
            Question question = new Question(inline.get(i).prepare(picture), "is there a circle");
            Reply here = inline.get(i).answer(List.of(question)).join().get(0);
            Reply there = queued.get(i).answer(List.of(question)).join().get(0);
            assertThat(there.text()).isEqualTo(here.text());
            assertThat(there.alternatives()).hasSize(MiniDeem.TOP_ALTERNATIVES).isEqualTo(here.alternatives());

            BufferedImage drawn = queued.get(i).reconstruct(question.image(), 0.5f, 2, 7, null).join();
            BufferedImage again = inline.get(i).reconstruct(question.image(), 0.5f, 2, 7, null).join();
            assertThat(drawn.getWidth()).isEqualTo(models.config().diffusionSize());
            assertThat(drawn.getRGB(3, 3)).isEqualTo(again.getRGB(3, 3));
        }
    }

    @Test
    void questionsJoiningADecodingBetweenStepsGetTheAnswersOfOneBatch() {
        Contender deem = MiniContender.pair(new MiniDeem(models)).get(1);
        List<Question> questions = new ArrayList<>();
        String[] asked = {"is there a circle", "what color is the star", "how many objects are there",
            "is the heart filled or hollow", "is the star left of the circle", "what color is the circle"};
        for (int i = 0; i < asked.length; i++) {
            BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(i * 9, i * 5, 0x00ff00 + i * 40);
            questions.add(new Question(deem.prepare(picture), asked[i]));
        }
        List<Reply> together = deem.answer(questions).join();

        SteppedDecoding decoding = deem.steppedDecoding().orElseThrow();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        questions.forEach(q -> replies.add(new CompletableFuture<>()));
        int inFlight = decoding.admitAndStep(questions.subList(0, 2), replies.subList(0, 2)).join();
        assertThat(inFlight).isBetween(0, 2);
        inFlight = decoding.admitAndStep(questions.subList(2, 6), replies.subList(2, 6)).join();
        int steps = 2;
        while (inFlight > 0) {
            inFlight = decoding.admitAndStep(List.of(), List.of()).join();
            assertThat(++steps).as("decoding ends").isLessThanOrEqualTo(MiniDeem.MAX_ANSWER_WORDS + 2);
        }

        for (int i = 0; i < questions.size(); i++) {
            Reply reply = replies.get(i).join();
            assertThat(reply.text()).as(asked[i]).isEqualTo(together.get(i).text());
            assertThat(reply.alternatives()).extracting(Answer.Alternative::word)
                    .isEqualTo(together.get(i).alternatives().stream().map(Answer.Alternative::word).toList());
            for (int k = 0; k < reply.alternatives().size(); k++) {
                assertThat(reply.alternatives().get(k).probability())
                        .isCloseTo(together.get(i).alternatives().get(k).probability(), within(1e-5));
            }
        }
    }

    @Test
    void aQuestionTheModelsCannotReadFailsAloneInADecoding() {
        Contender deem = MiniContender.pair(new MiniDeem(models)).get(1);
        PreparedImage image = deem.prepare(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
        List<CompletableFuture<Reply>> replies = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        SteppedDecoding decoding = deem.steppedDecoding().orElseThrow();
        int inFlight = decoding.admitAndStep(List.of(new Question(image, "is there a snowboard"),
                new Question(image, "is there a circle")), replies).join();
        while (inFlight > 0) {
            inFlight = decoding.admitAndStep(List.of(), List.of()).join();
        }
        assertThat(replies.get(0)).isCompletedExceptionally();
        assertThatThrownBy(replies.get(0)::join).hasMessageContaining("unknown word: snowboard");
        assertThat(replies.get(1).join().isAnswered()).isTrue();
    }

    @Test
    void aContenderWithoutTheCapabilitySaysItHasNoReconstruction() {
        Contender answersOnly = FakeContender.yes("vlm");

        assertThat(answersOnly.capabilities()).doesNotContain(Capability.RECONSTRUCTION);
        assertThat(answersOnly.reconstruct(() -> 0, 0.5f, 2, 7, null)).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withMessageContaining("no reconstruction for vlm: it has no diffusion decoder");
    }
}
