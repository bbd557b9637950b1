package dev.deemwb.app.compare;

import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.bench.mini.MiniMmvpSampler;
import dev.deemwb.bench.mmvp.MmvpPattern;
import dev.deemwb.contender.Reply;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.world.Language;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The pair view's state: two shapes-world images that differ in one attribute (an MMVP-style pair),
 * one question, and the answers of the compare screen's two contenders on each image. A model that
 * gives both images the same answer cannot tell them apart: the picture of CLIP-blindness. Pairs come
 * from the gallery's {@code pair-*-a / -b} samples or are made from the image shown (a random scene
 * if it is not from the world) by changing one attribute.
 */
public final class PairViewModel {

    /** Which of the two images. */
    public enum Slot {
        FIRST, SECOND
    }

    /** One contender's row: its answer and verdict on each image, and what the two answers together say. */
    public static final class Row {
        private final StringProperty title = new SimpleStringProperty("");
        private final Map<Slot, StringProperty> answers = new EnumMap<>(Slot.class);
        private final Map<Slot, ObjectProperty<AnswerCard.Verdict>> verdicts = new EnumMap<>(Slot.class);
        private final StringProperty summary = new SimpleStringProperty("");

        Row() {
            for (Slot slot : Slot.values()) {
                answers.put(slot, new SimpleStringProperty(""));
                verdicts.put(slot, new SimpleObjectProperty<>(AnswerCard.Verdict.NONE));
            }
        }

        public StringProperty titleProperty() {
            return title;
        }

        public StringProperty answerProperty(Slot slot) {
            return answers.get(slot);
        }

        public ObjectProperty<AnswerCard.Verdict> verdictProperty(Slot slot) {
            return verdicts.get(slot);
        }

        public StringProperty summaryProperty() {
            return summary;
        }

        void clear(String contender) {
            title.set(contender);
            answers.values().forEach(a -> a.set(""));
            verdicts.values().forEach(v -> v.set(AnswerCard.Verdict.NONE));
            summary.set("");
        }
    }

    /** The patterns a pair can be made of from one scene, in the order offered. */
    public static final List<MmvpPattern> PATTERNS = List.of(MmvpPattern.COLOR, MmvpPattern.ORIENTATION,
            MmvpPattern.STRUCTURAL, MmvpPattern.QUANTITY, MmvpPattern.POSITIONAL, MmvpPattern.PRESENCE);
    private static final String GALLERY_PAIR_PREFIX = "pair-";
    private static final String FIRST_SUFFIX = "-a.png";
    private static final String SECOND_SUFFIX = "-b.png";

    /** The attribute a pattern changes, in the shapes world's words. */
    public static String word(MmvpPattern pattern) {
        return switch (pattern) {
            case COLOR -> "colour";
            case ORIENTATION -> "orientation";
            case STRUCTURAL -> "fill";
            case QUANTITY -> "count";
            case POSITIONAL -> "position";
            case PRESENCE -> "presence";
            default -> pattern.displayName();
        };
    }

    /** The gallery's pairs: each {@code pair-NAME-a.png} with its {@code pair-NAME-b.png}, by name. */
    public static List<List<Path>> galleryPairs(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(GALLERY_PAIR_PREFIX)
                            && f.getFileName().toString().endsWith(FIRST_SUFFIX)).sorted()
                    .map(a -> List.of(a, a.resolveSibling(a.getFileName().toString()
                            .replace(FIRST_SUFFIX, SECOND_SUFFIX))))
                    .filter(pair -> Files.isRegularFile(pair.get(1))).toList();
        } catch (IOException e) {
            return List.of(); // no gallery, no gallery pairs: pairs can still be made
        }
    }

    private final ContenderRoster roster;
    private final Executor ui;
    private final Executor loader;
    private final ImageSources sources;
    private final SceneGenerator generator = new SceneGenerator();
    private final Supplier<Optional<Scene>> sceneShown;
    private final Map<Side, Supplier<String>> contenders = new EnumMap<>(Side.class);
    private final Map<Slot, ObjectProperty<LoadedImage>> images = new EnumMap<>(Slot.class);
    private final Map<Side, Row> rows = new EnumMap<>(Side.class);
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** The newest request's number: older work sees it changed and stops showing. */
    private final AtomicLong generation = new AtomicLong();
    private long nextRandomSeed = 1;

    /**
     * @param sceneShown  the compare screen's scene, if its image is from the world
     * @param contenders  per side, the contender the compare screen shows there
     */
    public PairViewModel(ContenderRoster roster, Executor ui, Executor loader, ImageSources sources,
                         Supplier<Optional<Scene>> sceneShown, Map<Side, Supplier<String>> contenders) {
        this.roster = roster;
        this.ui = ui;
        this.loader = loader;
        this.sources = sources;
        this.sceneShown = sceneShown;
        this.contenders.putAll(contenders);
        for (Slot slot : Slot.values()) {
            images.put(slot, new SimpleObjectProperty<>());
        }
        for (Side side : Side.values()) {
            rows.put(side, new Row());
        }
    }

    /**
     * Makes a pair of {@code pattern} from the scene shown in the compare screen (or from random scenes
     * until one can carry it), then asks it.
     */
    public void make(MmvpPattern pattern) {
        Optional<Scene> shown = sceneShown.get();
        long seed = nextRandomSeed++;
        load(() -> {
            Optional<MiniMmvpSampler.Pair> pair = shown.flatMap(scene -> MiniMmvpSampler.from(pattern, scene, seed));
            String origin = "the image shown";
            for (long attempt = 0; pair.isEmpty(); attempt++) { // some scene of the world carries every pattern
                long sceneSeed = Seeds.derive(seed, attempt);
                pair = MiniMmvpSampler.from(pattern, generator.generate(sceneSeed), sceneSeed);
                origin = "random scene " + sceneSeed + (shown.isPresent() ? " (the image shown cannot make this pair)" : "");
            }
            return made(pattern, pair.get(), shown.orElse(null), origin);
        });
    }

    /** The gallery's pair {@code first} / {@code second}, asked the first question whose answer differs between them. */
    public void open(Path first, Path second) {
        load(() -> {
            LoadedImage a = read(first);
            LoadedImage b = read(second);
            String asked = a.scene().map(Questions::all).orElse(List.of()).stream().map(QaPair::question)
                    .filter(q -> !truth(a, q).equals(truth(b, q))).findFirst()
                    .orElse(a.suggestedQuestions().isEmpty() ? "" : a.suggestedQuestions().get(0));
            return new Loaded(a, b, asked, "gallery pair " + first.getFileName() + " / " + second.getFileName());
        });
    }

    /** Shows two images read on the loader (an MMVP pair from a run, say) and asks {@code question} of both. */
    public void show(Callable<LoadedImage> first, Callable<LoadedImage> second, String question, String label) {
        load(() -> {
            try {
                return new Loaded(first.call(), second.call(), question, label);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Asks the question about both images, of both contenders. */
    public void ask() {
        LoadedImage first = images.get(Slot.FIRST).get();
        LoadedImage second = images.get(Slot.SECOND).get();
        String text = question.get() == null ? "" : question.get().trim();
        if (first == null || second == null) {
            error.set("Make a pair or open one from the gallery first.");
            return;
        }
        if (text.isEmpty()) {
            error.set("Type a question to ask about both images.");
            return;
        }
        error.set("");
        long mine = generation.incrementAndGet();
        Map<Side, String> names = new EnumMap<>(Side.class);
        contenders.forEach((side, name) -> names.put(side, name.get()));
        rows.forEach((side, row) -> row.clear(names.get(side)));
        busy.set(true);
        // Each image is prepared for each contender once: one call set per image.
        CompletableFuture<Map<Side, Reply>> onFirst = new ContenderCalls(roster, loader).askEach(names, first, text);
        CompletableFuture<Map<Side, Reply>> onSecond = new ContenderCalls(roster, loader).askEach(names, second, text);
        onFirst.thenCombine(onSecond, (a, b) -> Map.of(Slot.FIRST, a, Slot.SECOND, b)).whenComplete((replies, failure) ->
                ui.execute(() -> {
                    if (mine != generation.get()) {
                        return; // a newer pair or question owns the view
                    }
                    busy.set(false);
                    if (failure != null) {
                        error.set("The request failed: " + InferenceWorker.failureMessage(failure));
                        return;
                    }
                    rows.forEach((side, row) -> show(row, replies.get(Slot.FIRST).get(side),
                            replies.get(Slot.SECOND).get(side), first, second, text));
                }));
    }

    private static void show(Row row, Reply onFirst, Reply onSecond, LoadedImage first, LoadedImage second, String text) {
        Map<Slot, Reply> replies = Map.of(Slot.FIRST, onFirst, Slot.SECOND, onSecond);
        Map<Slot, LoadedImage> images = Map.of(Slot.FIRST, first, Slot.SECOND, second);
        int right = 0;
        for (Slot slot : Slot.values()) {
            Reply reply = replies.get(slot);
            String answer = reply.isAnswered() ? reply.text().strip() : "";
            row.answerProperty(slot).set(reply.isAnswered() ? (answer.isEmpty() ? "(no answer)" : answer)
                    : "(no answer: " + reply.error() + ")");
            AnswerCard.Verdict verdict = reply.isAnswered()
                    ? AnswerCard.Verdict.of(true, images.get(slot).scene().flatMap(s -> GroundTruth.of(s, text)), answer)
                    : AnswerCard.Verdict.NONE;
            row.verdictProperty(slot).set(verdict);
            right += verdict == AnswerCard.Verdict.RIGHT ? 1 : 0;
        }
        if (!onFirst.isAnswered() || !onSecond.isAnswered()) {
            row.summaryProperty().set("");
        } else if (words(onFirst.text()).equals(words(onSecond.text()))) {
            row.summaryProperty().set("the same answer to both images: it does not see the difference");
        } else {
            row.summaryProperty().set("tells the two images apart"
                    + (right == 2 ? ", both right" : right == 1 ? ", one right" : ", both wrong"));
        }
    }

    private static String words(String answer) {
        return String.join(" ", Language.splitWords(answer)).toLowerCase(Locale.ROOT);
    }

    private record Loaded(LoadedImage first, LoadedImage second, String question, String label) {
    }

    private Loaded made(MmvpPattern pattern, MiniMmvpSampler.Pair pair, Scene base, String origin) {
        // The image shown stays first, the changed one second, whichever order the sampler drew.
        boolean swap = pair.second().equals(base);
        Scene first = swap ? pair.second() : pair.first();
        Scene second = swap ? pair.first() : pair.second();
        String name = word(pattern) + " pair from " + origin;
        return new Loaded(sources.scene(first, name + ", A"), sources.scene(second, name + ", B"), pair.question(), name);
    }

    private LoadedImage read(Path file) {
        try {
            return sources.fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String truth(LoadedImage image, String question) {
        return image.scene().flatMap(s -> GroundTruth.of(s, question)).orElse("");
    }

    private void load(Supplier<Loaded> work) {
        long mine = generation.incrementAndGet();
        busy.set(true);
        CompletableFuture.supplyAsync(work, loader).whenComplete((loaded, failure) -> ui.execute(() -> {
            if (mine != generation.get()) {
                return;
            }
            busy.set(false);
            if (failure != null) {
                error.set("Could not make the pair: " + InferenceWorker.failureMessage(failure));
                return;
            }
            images.get(Slot.FIRST).set(loaded.first());
            images.get(Slot.SECOND).set(loaded.second());
            label.set(loaded.label());
            question.set(loaded.question());
            ask();
        }));
    }

    public ObjectProperty<LoadedImage> imageProperty(Slot slot) {
        return images.get(slot);
    }

    public Row row(Side side) {
        return rows.get(side);
    }

    public StringProperty questionProperty() {
        return question;
    }

    /** Where the pair came from: "colour pair from the image shown", "gallery pair …". */
    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
