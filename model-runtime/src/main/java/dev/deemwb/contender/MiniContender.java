package dev.deemwb.contender;

import dev.deemwb.infer.Answer;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.model.ImageTensors;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One of the mini pair as a contender. Its model calls run where the models' owner runs them: inline
 * on the calling thread (which must own the models: the worker itself, or a CLI command), or queued
 * on the {@link InferenceWorker}.
 */
public final class MiniContender implements Contender {

    /** Runs work on the thread that owns the models. */
    private interface Owner {
        <T> CompletableFuture<T> call(Function<MiniDeem, T> work);
    }

    /** The models' pixels for one image: {@code (3, S, S)} in [-1, 1]. */
    record Pixels(float[] chw) implements PreparedImage {
        @Override
        public long bytes() {
            return 4L * chw.length;
        }
    }

    private final MiniDeemModels models;
    private final Variant variant;
    private final Owner owner;

    private MiniContender(MiniDeemModels models, Variant variant, Owner owner) {
        this.models = models;
        this.variant = variant;
        this.owner = owner;
    }

    /** Both mini models, called on the calling thread, which must own {@code deem}. */
    public static List<Contender> pair(MiniDeem deem) {
        Owner inline = new Owner() {
            @Override
            public <T> CompletableFuture<T> call(Function<MiniDeem, T> work) {
                try {
                    return CompletableFuture.completedFuture(work.apply(deem));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
        return pair(deem.models(), inline);
    }

    /** Both mini models, each call queued on {@code worker}; waits until the worker has loaded them. */
    public static List<Contender> pairOn(InferenceWorker worker) {
        MiniDeem deem;
        try {
            deem = worker.ready().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e; // the bundle's own reason
        }
        Owner queued = new Owner() {
            @Override
            public <T> CompletableFuture<T> call(Function<MiniDeem, T> work) {
                InferenceWorker.Request<T> request = worker.submit(work);
                // A caller that gives up on the answer (a cancelled run) drops the request: queued, it never runs.
                request.result().whenComplete((answer, failure) -> {
                    if (request.result().isCancelled()) {
                        request.cancel().run();
                    }
                });
                return request.result();
            }
        };
        return pair(deem.models(), queued);
    }

    private static List<Contender> pair(MiniDeemModels models, Owner owner) {
        return Arrays.stream(Variant.values()).<Contender>map(v -> new MiniContender(models, v, owner)).toList();
    }

    @Override
    public String id() {
        return variant.id();
    }

    @Override
    public String description() {
        return "mini-DEEM " + variant.displayName() + ", in process; greedy, at most " + MiniDeem.MAX_ANSWER_WORDS
                + " words";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public String questionProblem(String question) {
        try {
            MiniDeem.checkQuestion(question, models.tokenizer(), models.config().maxPromptLength());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public PreparedImage prepare(BufferedImage image) {
        return new Pixels(ImageTensors.toChw(image, models.config().imageSize()));
    }

    @Override
    public CompletableFuture<List<Reply>> answer(List<Question> questions) {
        List<float[]> images = questions.stream().map(q -> pixels(q.image())).toList();
        List<String> texts = questions.stream().map(Question::text).toList();
        return owner.call(deem -> deem.answer(variant, images, texts).stream().map(Reply::of).toList());
    }

    @Override
    public Optional<SteppedDecoding> steppedDecoding() {
        AtomicReference<MiniDeem.Decoding> session = new AtomicReference<>(); // made on the owner's thread
        return Optional.of((questions, replies) -> {
            List<float[]> images = questions.stream().map(q -> pixels(q.image())).toList();
            List<String> texts = questions.stream().map(Question::text).toList();
            return owner.call(deem -> {
                MiniDeem.Decoding decoding = session.updateAndGet(d -> d != null ? d : deem.decoding(variant));
                List<CompletableFuture<Answer>> answers = decoding.admit(images, texts);
                for (int i = 0; i < answers.size(); i++) {
                    CompletableFuture<Reply> reply = replies.get(i);
                    answers.get(i).whenComplete((answer, failure) -> {
                        if (failure == null) {
                            reply.complete(Reply.of(answer));
                        } else {
                            reply.completeExceptionally(failure);
                        }
                    });
                }
                decoding.step();
                return decoding.inFlight();
            });
        });
    }

    @Override
    public CompletableFuture<BufferedImage> reconstruct(PreparedImage image, float noiseFraction, int steps, long seed,
                                                        MiniDeem.ReconstructionListener listener) {
        float[] pixels = pixels(image);
        return owner.call(deem -> deem.reconstruct(variant, pixels, noiseFraction, steps, seed, listener));
    }

    private float[] pixels(PreparedImage image) {
        if (image instanceof Pixels pixels) {
            return pixels.chw();
        }
        throw new IllegalArgumentException("an image prepared by another contender was given to " + id());
    }
}
