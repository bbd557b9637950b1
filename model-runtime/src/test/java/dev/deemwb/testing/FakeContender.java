package dev.deemwb.testing;

import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.infer.Answer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A contender in memory, for tests: answers at once (on the calling thread) with what {@code answers}
 * says for the image's mean brightness and the question, records every question it was asked, and
 * can refuse chosen questions, fail chosen ones as a broken server would, or hold its replies back.
 */
public final class FakeContender implements Contender {

    /** An image as the fake keeps it: its size and mean brightness (0–255). */
    public record FakeImage(int width, int height, double brightness) implements PreparedImage {
        @Override
        public long bytes() {
            return 24;
        }
    }

    private final String id;
    private final Set<Capability> capabilities;
    private final BiFunction<FakeImage, String, String> answers;
    private final List<String> asked = new ArrayList<>();
    private Predicate<String> refused = question -> false;
    private Predicate<String> failing = question -> false;
    private CompletableFuture<?> held = CompletableFuture.completedFuture(null);
    private final CompletableFuture<Void> firstAsked = new CompletableFuture<>();

    public FakeContender(String id, Set<Capability> capabilities, BiFunction<FakeImage, String, String> answers) {
        this.id = id;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.answers = answers;
    }

    /** Answers "yes" to everything, with only {@link Capability#ANSWER}. */
    public static FakeContender yes(String id) {
        return new FakeContender(id, Set.of(Capability.ANSWER), (image, question) -> "yes");
    }

    /** Questions it cannot be asked ({@link #questionProblem}: "refused by the fake"). */
    public FakeContender refusing(Predicate<String> questions) {
        this.refused = questions;
        return this;
    }

    /** Questions it is asked but gives no answer to (a failed {@link Reply}: "failing on purpose"). */
    public FakeContender failing(Predicate<String> questions) {
        this.failing = questions;
        return this;
    }

    /** Replies only once {@code release} completes, as a slow server would (the answers are decided when asked). */
    public FakeContender holdingUntil(CompletableFuture<?> release) {
        this.held = release;
        return this;
    }

    /** Completes when the first question is asked. */
    public CompletableFuture<Void> firstAsked() {
        return firstAsked;
    }

    /** Every question asked so far, in order. */
    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "fake " + id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String questionProblem(String question) {
        return refused.test(question) ? "refused by the fake" : null;
    }

    @Override
    public PreparedImage prepare(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return new FakeImage(image.getWidth(), image.getHeight(), sum / (3.0 * image.getWidth() * image.getHeight()));
    }

    @Override
    public synchronized CompletableFuture<List<Reply>> answer(List<Question> questions) {
        List<Reply> replies = new ArrayList<>();
        for (Question question : questions) {
            asked.add(question.text());
            firstAsked.complete(null);
            if (failing.test(question.text())) {
                replies.add(Reply.failed("failing on purpose", 1));
                continue;
            }
            String text = answers.apply((FakeImage) question.image(), question.text());
            List<Answer.Alternative> top = capabilities.contains(Capability.TOP_ALTERNATIVES)
                    ? List.of(new Answer.Alternative(text, 1.0)) : List.of();
            replies.add(Reply.answered(text, top, 1, null));
        }
        return held.thenApply(released -> replies);
    }
}
