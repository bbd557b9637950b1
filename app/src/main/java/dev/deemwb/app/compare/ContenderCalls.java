package dev.deemwb.app.compare;

import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.PreparedImage;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.infer.InferenceWorker;
import java.awt.image.BufferedImage;
import dev.deemwb.world.QaPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The calls of the compare and curate screens to one contender by name: the image prepared once per contender (on
 * {@code loader}, for the image shown until {@link #forget()}), questions answered, reconstructions
 * drawn, each as a future that never leaves the UI thread waiting.
 */
public final class ContenderCalls {

    private final ContenderRoster roster;
    private final Executor loader;
    private final Map<String, CompletableFuture<PreparedImage>> prepared = new ConcurrentHashMap<>();

    public ContenderCalls(ContenderRoster roster, Executor loader) {
        this.roster = roster;
        this.loader = loader;
    }

    /** A new image is shown: what was prepared for the old one is dropped. */
    public void forget() {
        prepared.clear();
    }

    /** {@code name}'s replies to {@code texts} about {@code loaded}; never fails: a reason is a failed reply. */
    CompletableFuture<List<Reply>> answers(String name, LoadedImage loaded, List<String> texts) {
        return roster.contender(name).thenCompose(contender -> {
            Optional<String> problem = texts.stream().map(contender::questionProblem).filter(Objects::nonNull)
                    .findFirst();
            if (problem.isPresent()) {
                return CompletableFuture.completedFuture(texts.stream().map(t -> Reply.failed(problem.get(), 0))
                        .toList());
            }
            return prepare(contender, loaded).thenCompose(input ->
                    contender.answer(texts.stream().map(t -> new Question(input, t)).toList()));
        }).exceptionally(failure -> texts.stream()
                .map(t -> Reply.failed(InferenceWorker.failureMessage(failure), 0)).toList());
    }

    /** One question to the contenders named, by key, each answering once. */
    public <K> CompletableFuture<Map<K, Reply>> askEach(Map<K, String> names, LoadedImage loaded, String text) {
        Map<K, CompletableFuture<List<Reply>>> replies = new LinkedHashMap<>();
        names.forEach((key, name) -> replies.put(key, answers(name, loaded, List.of(text))));
        return CompletableFuture.allOf(replies.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<K, Reply> first = new LinkedHashMap<>();
            replies.forEach((key, reply) -> first.put(key, reply.join().get(0)));
            return first;
        });
    }

    /** Two contenders' answers to every template question of a shapes-world scene, compared. */
    CompletableFuture<AskAll> askAll(String first, String second, LoadedImage loaded, List<QaPair> questions) {
        List<String> texts = questions.stream().map(QaPair::question).toList();
        return answers(first, loaded, texts).thenCombine(answers(second, loaded, texts),
                (a, b) -> AskAll.of(questions, first, a, second, b));
    }

    /**
     * {@code name}'s reconstruction of {@code loaded}: every step's preview, each step told to
     * {@code progress}; stops at the next step once {@code superseded}; null (not a failure) when the
     * contender cannot draw one.
     */
    CompletableFuture<List<BufferedImage>> reconstruct(String name, LoadedImage loaded, float noise, int steps,
                                                       long seed, BooleanSupplier superseded,
                                                       Consumer<String> progress) {
        return roster.contender(name).thenCompose(contender -> {
            if (!contender.capabilities().contains(Capability.RECONSTRUCTION)) {
                return CompletableFuture.completedFuture(null);
            }
            List<BufferedImage> previews = new ArrayList<>();
            return prepare(contender, loaded).thenCompose(input -> contender.reconstruct(input, noise, steps, seed,
                    (step, total, estimate) -> {
                        if (superseded.getAsBoolean()) {
                            throw new CancellationException("superseded");
                        }
                        previews.add(estimate);
                        progress.accept("reconstructing (" + name + ") step " + step + "/" + total);
                    })).thenApply(last -> previews);
        });
    }

    private CompletableFuture<PreparedImage> prepare(Contender contender, LoadedImage loaded) {
        return prepared.computeIfAbsent(contender.id(),
                id -> CompletableFuture.supplyAsync(() -> contender.prepare(loaded.image()), loader));
    }

    boolean isMini(String name) {
        return roster.isMini(name);
    }
}
