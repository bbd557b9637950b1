package dev.deemwb.contender;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A decoding that takes new questions between its steps (continuous batching, as serving engines
 * do): what the server's batcher drives, so that requests arriving while others decode share their
 * model calls instead of waiting for a whole batch to finish.
 */
@FunctionalInterface
public interface SteppedDecoding {

    /**
     * Puts {@code questions} in flight, each reply completing in the step that ends its answer, then
     * runs one decoding step over everything in flight; completes with how many answers are still in
     * flight. One call at a time; a failed step fails every reply in flight.
     */
    CompletableFuture<Integer> admitAndStep(List<Question> questions, List<CompletableFuture<Reply>> replies);
}
