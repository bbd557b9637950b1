package dev.deemwb.serve;

import dev.deemwb.contender.Contender;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.contender.SteppedDecoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns one-question requests arriving concurrently into batched model calls. A contender with
 * {@linkplain Contender#steppedDecoding() stepped decoding} (the mini models) is batched continuously:
 * between two decoding steps, requests that arrived join those in flight, up to {@code maxBatch}, and
 * each answer returns the step it ends in; it never waits for company, since whoever comes later joins
 * at the next step (waiting {@code window} first cost served POPE 10 points of the in-process rate:
 * docs/serve-perf.json). Other contenders answer one whole batch at a time while the next one forms:
 * when nothing is in flight, the first waiting request opens a batch, which takes what else arrives
 * within {@code window}, up to {@code maxBatch}.
 */
final class RequestBatcher implements AutoCloseable {

    private record Pending(Question question, CompletableFuture<Reply> reply) {
    }

    private final Contender contender;
    private final int maxBatch;
    private final long windowNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<Integer, Long> batchSizes = new TreeMap<>();
    private long busyNanos;
    private final Thread dispatcher;
    private volatile boolean closed;

    RequestBatcher(Contender contender, int maxBatch, Duration window) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("the largest batch must be at least 1, was " + maxBatch);
        }
        this.contender = contender;
        this.maxBatch = maxBatch;
        this.windowNanos = window.toNanos();
        this.dispatcher = new Thread(this::dispatch, "deemwb-batcher-" + contender.id());
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Queues a question; the reply comes with its batch. */
    CompletableFuture<Reply> submit(Question question) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        if (closed) {
            reply.completeExceptionally(new IllegalStateException("the server is stopping"));
        } else {
            queue.add(new Pending(question, reply));
        }
        return reply;
    }

    /** How many batches of each size were formed so far. */
    synchronized Map<Integer, Long> batchSizes() {
        return new TreeMap<>(batchSizes);
    }

    /** Seconds spent waiting for the model's answers so far: what the model was busy with, seen from here. */
    synchronized double busySeconds() {
        return busyNanos / 1e9;
    }

    private void dispatch() {
        SteppedDecoding stepped = contender.steppedDecoding().orElse(null);
        int inFlight = 0;
        while (!closed) {
            List<Pending> fresh;
            try {
                fresh = inFlight == 0 ? nextBatch(stepped == null ? windowNanos : 0) : arrived(maxBatch - inFlight);
            } catch (InterruptedException e) {
                return; // closing
            }
            synchronized (this) {
                // Before the call: whoever holds a reply from it sees its batch counted.
                batchSizes.merge(inFlight + fresh.size(), 1L, Long::sum);
            }
            long start = System.nanoTime();
            inFlight = stepped == null ? answer(fresh) : step(stepped, fresh, inFlight);
            synchronized (this) {
                busyNanos += System.nanoTime() - start;
            }
        }
    }

    /** Whatever is waiting, at most {@code room}, without waiting. */
    private List<Pending> arrived(int room) {
        List<Pending> arrived = new ArrayList<>();
        queue.drainTo(arrived, Math.max(0, room));
        return arrived;
    }

    /** One decoding step with {@code fresh} joining; how many answers are still in flight after it. */
    private int step(SteppedDecoding stepped, List<Pending> fresh, int inFlight) {
        try {
            return stepped.admitAndStep(fresh.stream().map(Pending::question).toList(),
                    fresh.stream().map(Pending::reply).toList()).get();
        } catch (ExecutionException e) {
            // The step failed every reply in flight; those just admitted may not have been reached.
            fresh.forEach(pending -> pending.reply().completeExceptionally(e.getCause()));
            return 0;
        } catch (InterruptedException e) {
            fresh.forEach(pending -> pending.reply().completeExceptionally(new IllegalStateException("the server is stopping")));
            Thread.currentThread().interrupt();
            return inFlight;
        }
    }

    private List<Pending> nextBatch(long windowNanos) throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        batch.add(queue.take());
        long deadline = System.nanoTime() + windowNanos;
        while (batch.size() < maxBatch) {
            if (queue.drainTo(batch, maxBatch - batch.size()) > 0) {
                continue;
            }
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** One whole batch; nothing stays in flight. */
    private int answer(List<Pending> batch) {
        try {
            List<Reply> replies = contender.answer(batch.stream().map(Pending::question).toList()).get();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).reply().complete(replies.get(i));
            }
        } catch (ExecutionException e) {
            batch.forEach(pending -> pending.reply().completeExceptionally(e.getCause()));
        } catch (InterruptedException e) {
            batch.forEach(pending -> pending.reply().completeExceptionally(new IllegalStateException("the server is stopping")));
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        queue.forEach(pending -> pending.reply().completeExceptionally(new IllegalStateException("the server is stopping")));
    }
}
