package dev.deemwb.serve;

import dev.deemwb.contender.Contender;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
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
 * Turns one-question requests arriving concurrently into batched model calls: the first waiting
 * request opens a batch, which takes what else arrives within {@code window}, up to {@code maxBatch};
 * the next batch forms while this one runs, so under load batches grow to what came in meanwhile.
 */
final class RequestBatcher implements AutoCloseable {

    private record Pending(Question question, CompletableFuture<Reply> reply) {
    }

    private final Contender contender;
    private final int maxBatch;
    private final long windowNanos;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<Integer, Long> batchSizes = new TreeMap<>();
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

    private void dispatch() {
        while (!closed) {
            List<Pending> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return; // closing
            }
            synchronized (this) {
                batchSizes.merge(batch.size(), 1L, Long::sum);
            }
            answer(batch);
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
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

    private void answer(List<Pending> batch) {
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
    }

    @Override
    public void close() {
        closed = true;
        dispatcher.interrupt();
        queue.forEach(pending -> pending.reply().completeExceptionally(new IllegalStateException("the server is stopping")));
    }
}
