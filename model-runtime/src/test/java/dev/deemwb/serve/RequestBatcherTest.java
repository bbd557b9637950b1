package dev.deemwb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.testing.FakeContender;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Questions that arrive while the model is busy are answered together in the next batch, each getting its own reply. */
class RequestBatcherTest {

    /** A fake whose first batch waits until the test lets it go, so the test knows what queued meanwhile. */
    private static final class HeldModel implements Contender {
        private final FakeContender fake = new FakeContender("held", Set.of(Capability.ANSWER),
                (image, question) -> "answer to " + question);
        private final CountDownLatch firstStarted = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

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
}
