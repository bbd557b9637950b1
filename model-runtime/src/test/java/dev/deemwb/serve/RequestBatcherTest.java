package dev.deemwb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.contender.SteppedDecoding;
import dev.deemwb.testing.FakeContender;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Questions that arrive while the model is busy are answered together in the next batch, each getting its own reply. */
class RequestBatcherTest {

    /** A contender that is a {@link FakeContender} but for how it answers. */
    private abstract static class FakeBacked implements Contender {
        final FakeContender fake;

        FakeBacked(String id, BiFunction<FakeContender.FakeImage, String, String> answers) {
            this.fake = new FakeContender(id, Set.of(Capability.ANSWER), answers);
        }

        @Override
        public String id() {
            return fake.id();
        }

        @Override
        public String description() {
            return fake.description();
        }

        @Override
        public Set<Capability> capabilities() {
            return fake.capabilities();
        }

        @Override
        public String questionProblem(String question) {
            return null;
        }

        @Override
        public PreparedImage prepare(BufferedImage image) {
            return fake.prepare(image);
        }
    }

    /** A fake whose first batch waits until the test lets it go, so the test knows what queued meanwhile. */
    private static final class HeldModel extends FakeBacked {
        private final CountDownLatch firstStarted = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        HeldModel() {
            super("held", (image, question) -> "answer to " + question);
        }

        @Override
        public CompletableFuture<List<Reply>> answer(List<Question> questions) {
            if (firstStarted.getCount() > 0) {
                firstStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return fake.answer(questions);
        }
    }

    @Test
    void questionsQueuedDuringABatchFormTheNextOne() throws Exception {
        HeldModel model = new HeldModel();
        PreparedImage image = model.prepare(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        try (RequestBatcher batcher = new RequestBatcher(model, 16, Duration.ZERO)) {
            CompletableFuture<Reply> first = batcher.submit(new Question(image, "q0"));
            assertThat(model.firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Reply>> queued = new ArrayList<>();
            for (int i = 1; i <= 9; i++) {
                queued.add(batcher.submit(new Question(image, "q" + i)));
            }
            model.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("answer to q0");
            for (int i = 1; i <= 9; i++) {
                assertThat(queued.get(i - 1).get(10, TimeUnit.SECONDS).text()).isEqualTo("answer to q" + i);
            }
            assertThat(batcher.batchSizes()).isEqualTo(Map.of(1, 1L, 9, 1L));
        }
    }

    /** A decoding that answers each question after as many steps as its text's length, recording each step's rows. */
    private static final class CountingDecoding implements SteppedDecoding {
        private final List<Object[]> inFlight = new ArrayList<>(); // {question, reply, steps left}
        private final List<Integer> rowsPerStep = new ArrayList<>();
        private final CountDownLatch firstStep = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public synchronized CompletableFuture<Integer> admitAndStep(List<Question> questions,
                                                                    List<CompletableFuture<Reply>> replies) {
            for (int i = 0; i < questions.size(); i++) {
                inFlight.add(new Object[] {questions.get(i).text(), replies.get(i), questions.get(i).text().length()});
            }
            rowsPerStep.add(inFlight.size());
            if (firstStep.getCount() > 0) {
                firstStep.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // what arrives meanwhile joins the next step
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inFlight.removeIf(row -> {
                row[2] = (int) row[2] - 1;
                if ((int) row[2] > 0) {
                    return false;
                }
                @SuppressWarnings("unchecked")
                CompletableFuture<Reply> reply = (CompletableFuture<Reply>) row[1];
                reply.complete(Reply.answered("answer to " + row[0], List.of(), 1, null));
                return true;
            });
            return CompletableFuture.completedFuture(inFlight.size());
        }
    }

    @Test
    void withSteppedDecodingRequestsJoinThoseInFlightBetweenSteps() throws Exception {
        CountingDecoding decoding = new CountingDecoding();
        Contender model = new FakeBacked("stepped", (image, question) -> "unused") {
            @Override
            public CompletableFuture<List<Reply>> answer(List<Question> questions) {
                throw new AssertionError("a stepped contender is never asked whole batches");
            }

            @Override
            public Optional<SteppedDecoding> steppedDecoding() {
                return Optional.of(decoding);
            }
        };
        PreparedImage image = model.prepare(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        // A window a minute long: a stepped contender starts at once (later requests join at the next
        // step), so waiting for company here would fail the test's 10-second waits.
        try (RequestBatcher batcher = new RequestBatcher(model, 4, Duration.ofMinutes(1))) {
            CompletableFuture<Reply> first = batcher.submit(new Question(image, "aaa")); // three steps
            assertThat(decoding.firstStep.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Reply>> joined = new ArrayList<>();
            for (String text : List.of("b", "c", "d", "e")) {
                joined.add(batcher.submit(new Question(image, text))); // one step each
            }
            decoding.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("answer to aaa");
            for (int i = 0; i < joined.size(); i++) {
                assertThat(joined.get(i).get(10, TimeUnit.SECONDS).text()).isEqualTo("answer to " + "bcde".charAt(i));
            }
            // Step 1: "aaa" alone; step 2: three of the four that came meanwhile join it (at most 4 in
            // flight); step 3: "aaa" and the fourth.
            assertThat(decoding.rowsPerStep).containsExactly(1, 4, 2);
            assertThat(batcher.batchSizes()).isEqualTo(Map.of(1, 1L, 4, 1L, 2, 1L));
        }
    }
}
