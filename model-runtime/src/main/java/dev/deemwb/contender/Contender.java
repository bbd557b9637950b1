package dev.deemwb.contender;

import dev.deemwb.infer.MiniDeem;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A model the workbench puts questions to: the mini pair in process, or any vision-language model
 * behind an OpenAI-compatible endpoint. Views and runners see only this and its declared
 * {@link #capabilities()}, so they adapt ("no reconstruction for this model") instead of breaking.
 */
public interface Contender extends AutoCloseable {

    /** Its name in records, reports and on the command line: {@code baseline}, {@code deem}, or the user's. */
    String id();

    /** What it is, for people and for a run's {@code run.json}: which model, where, and how it decodes. */
    String description();

    Set<Capability> capabilities();

    /** Why it cannot be asked {@code question} (checked before any image is read), or null. */
    String questionProblem(String question);

    /** {@code image} in the form this contender takes; thread-safe, so images can be prepared anywhere. */
    PreparedImage prepare(BufferedImage image);

    /**
     * Answers a batch: one reply per question, in order; a question that got no answer is a failed
     * {@link Reply} with its reason. The future fails only when the batch as a whole could not run;
     * cancelling it stops requests not yet answered.
     */
    CompletableFuture<List<Reply>> answer(List<Question> questions);

    /**
     * What the model's image encoder kept, redrawn by its diffusion model from {@code noiseFraction}
     * of the schedule in {@code steps} steps; only with {@link Capability#RECONSTRUCTION}.
     */
    default CompletableFuture<BufferedImage> reconstruct(PreparedImage image, float noiseFraction, int steps, long seed,
                                                         MiniDeem.ReconstructionListener listener) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "no reconstruction for " + id() + ": it has no diffusion decoder"));
    }

    /**
     * A new decoding session that questions can join between steps, its calls run where this
     * contender's run; empty for contenders that answer whole batches only (endpoints).
     */
    default Optional<SteppedDecoding> steppedDecoding() {
        return Optional.empty();
    }

    /** Releases what it holds (connections, threads); the mini models belong to their owner and stay. */
    @Override
    default void close() {
    }
}
