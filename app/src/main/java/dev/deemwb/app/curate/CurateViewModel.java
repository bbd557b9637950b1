package dev.deemwb.app.curate;

import dev.deemwb.app.compare.ContenderCalls;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.app.compare.Side;
import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.curate.ContenderAnswer;
import dev.deemwb.curate.CurationExport;
import dev.deemwb.curate.CurationItem;
import dev.deemwb.curate.CurationProject;
import dev.deemwb.curate.CurationQueue;
import dev.deemwb.curate.CurationSession;
import dev.deemwb.curate.Field;
import dev.deemwb.curate.ItemCategory;
import dev.deemwb.curate.ItemState;
import dev.deemwb.curate.ProjectFiles;
import dev.deemwb.curate.ProjectSources;
import dev.deemwb.curate.ProjectWriter;
import dev.deemwb.curate.Suggestions;
import dev.deemwb.infer.InferenceWorker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Curate screen's state and actions, on the FX thread: one project's session, the queue the
 * filters and the order make of it, the item shown and its fields (each edit goes straight to the
 * session, which saves it in the background), and the two contenders' answers. Projects open, images
 * load and contenders answer off the FX thread; results come back through {@code ui}.
 */
public final class CurateViewModel implements AutoCloseable {

    private final ContenderCalls calls;
    private final ImageSources sources;
    private final Executor ui;
    private final Executor io;
    private final Clock clock;
    private final String annotator;
    private final Consumer<Path> onOpened;

    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> queue = FXCollections.observableArrayList();
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<CurationItem> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LoadedImage> image = new ReadOnlyObjectWrapper<>();
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);
    private final Map<Side, StringProperty> contenders = new EnumMap<>(Side.class);
    private final Map<Side, StringProperty> answers = new EnumMap<>(Side.class);
    private final ObjectProperty<ItemState> stateFilter = new SimpleObjectProperty<>();
    private final StringProperty tagFilter = new SimpleStringProperty("");
    private final ObjectProperty<ItemCategory> categoryFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<CurationQueue.Order> order = new SimpleObjectProperty<>(CurationQueue.Order.PROJECT);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("no project: create one from a folder, or open one");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private CurationSession session;
    /** True while the fields are filled from an item, so that filling is not taken for edits. */
    private boolean showing;

    /**
     * @param onOpened told of each project opened or created (the app keeps it in the recent projects)
     */
    public CurateViewModel(ContenderRoster roster, ImageSources sources, Executor ui, Executor io, Clock clock,
                           String annotator, Consumer<Path> onOpened) {
        this.calls = new ContenderCalls(roster, io);
        this.sources = sources;
        this.ui = ui;
        this.io = io;
        this.clock = clock;
        this.annotator = annotator;
        this.onOpened = onOpened;
        for (Field field : Field.textFields()) {
            StringProperty property = new SimpleStringProperty("");
            property.addListener((obs, old, now) -> edited(field, now));
            fields.put(field, property);
        }
        for (Side side : Side.values()) {
            contenders.put(side, new SimpleStringProperty(side.defaultContender()));
            answers.put(side, new SimpleStringProperty(""));
        }
        stateFilter.addListener((obs, old, now) -> rebuildQueue());
        tagFilter.addListener((obs, old, now) -> rebuildQueue());
        categoryFilter.addListener((obs, old, now) -> rebuildQueue());
        order.addListener((obs, old, now) -> rebuildQueue());
    }

    /** Creates {@code file}, a project of every image below {@code imageFolder}, and opens it. */
    public void create(Path imageFolder, Path file) {
        start(() -> {
            CurationProject project = CurationProject.create(ProjectFiles.imageFolderAsSeenFrom(file, imageFolder),
                    ProjectSources.folder(imageFolder));
            return CurationSession.create(file, project, annotator, writer(file), clock);
        });
    }

    /** Opens a project file; one that cannot be opened leaves the current project open and says why. */
    public void open(Path file) {
        start(() -> CurationSession.open(file, annotator, writer(file), clock));
    }

    private ProjectWriter writer(Path file) {
        return ProjectWriter.background(file, failure -> ui.execute(() ->
                error.set("autosave failed (your changes are kept in memory and saved with the next one): "
                        + failure.getMessage())));
    }

    private interface Opening {
        CurationSession open() throws IOException;
    }

    private void start(Opening opening) {
        busy.set(true);
        CompletableFuture.supplyAsync(() -> {
            try {
                return opening.open();
            } catch (IOException e) {
                throw new IllegalStateException(InferenceWorker.failureMessage(e), e);
            }
        }, io).whenComplete((opened, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(InferenceWorker.failureMessage(failure));
                return;
            }
            closeSession();
            session = opened;
            projectFile.set(opened.file());
            error.set("");
            onOpened.accept(opened.file());
            rebuildQueue();
            CurationItem first = opened.project().items().stream().filter(i -> i.state() == ItemState.NEW).findFirst()
                    .orElse(null);
            // Continue where the annotator left off: the first item still new.
            select(first == null ? 0 : Math.max(0, queue.indexOf(first.image())));
        }));
    }

    private void rebuildQueue() {
        if (session == null) {
            return;
        }
        String shown = current.get() == null ? null : current.get().image();
        CurationQueue.Filter filter = new CurationQueue.Filter(Optional.ofNullable(stateFilter.get()),
                tagFilter.get().isBlank() ? Optional.empty() : Optional.of(tagFilter.get()),
                Optional.ofNullable(categoryFilter.get()));
        queue.setAll(CurationQueue.of(session.project(), filter, order.get()).stream().map(CurationItem::image)
                .toList());
        int at = shown == null ? -1 : queue.indexOf(shown);
        select(at >= 0 ? at : 0);
    }

    /** Shows the queue's {@code index}-th item (clamped); nothing when the queue is empty. */
    public void select(int index) {
        if (session == null) {
            return;
        }
        session.endTyping();
        if (queue.isEmpty()) {
            position.set(-1);
            show(null);
            return;
        }
        int clamped = Math.max(0, Math.min(queue.size() - 1, index));
        position.set(clamped);
        show(session.item(queue.get(clamped)));
    }

    public void next() {
        select(position.get() + 1);
    }

    public void previous() {
        select(position.get() - 1);
    }

    /** Sets the item's state and moves to the next item. */
    public void decide(ItemState state) {
        CurationItem item = current.get();
        if (item == null) {
            return;
        }
        change(() -> session.set(item.image(), Field.STATE, state.key()));
        boolean last = position.get() == queue.size() - 1;
        if (last) {
            show(session.item(item.image()));
        } else {
            next();
        }
    }

    public void undo() {
        replay(() -> session.undo());
    }

    public void redo() {
        replay(() -> session.redo());
    }

    private interface Replay {
        Optional<CurationSession.Edit> run() throws IOException;
    }

    /** Undo and redo show the item they changed (in the queue if it is there). */
    private void replay(Replay replay) {
        if (session == null) {
            return;
        }
        try {
            replay.run().ifPresent(edit -> {
                int at = queue.indexOf(edit.image());
                if (at >= 0) {
                    position.set(at);
                }
                show(session.item(edit.image()));
            });
        } catch (IOException e) {
            error.set(e.getMessage());
        }
    }

    /** Asks both contenders the item's question; their answers are kept with the item. */
    public void ask() {
        CurationItem item = current.get();
        LoadedImage loaded = image.get();
        if (item == null) {
            return;
        }
        String question = item.get(Field.QUESTION);
        if (question.isBlank()) {
            error.set("type the item's question first: the contenders are asked that");
            return;
        }
        if (loaded == null) {
            error.set("the image has not loaded (yet): nothing to ask about");
            return;
        }
        Map<Side, String> names = new EnumMap<>(Side.class);
        contenders.forEach((side, name) -> names.put(side, name.get()));
        answers.values().forEach(answer -> answer.set("asking…"));
        busy.set(true);
        calls.askEach(names, loaded, question).whenComplete((replies, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null || session == null) {
                error.set(failure == null ? "" : InferenceWorker.failureMessage(failure));
                return;
            }
            List<ContenderAnswer> kept = new ArrayList<>();
            replies.forEach((side, reply) -> kept.add(ContenderAnswer.of(names.get(side), reply)));
            change(() -> session.recordAnswers(item.image(), kept));
            CurationItem updated = session.item(item.image());
            if (current.get() != null && current.get().image().equals(item.image())) {
                showAnswers(updated);
                if (updated.get(Field.ERROR_CAPTION).isEmpty()) {
                    Suggestions.errorCaption(updated).ifPresent(fields.get(Field.ERROR_CAPTION)::set);
                }
            }
        }));
    }

    /** Fills the error caption from the most confident wrong answer (see {@link Suggestions#errorCaption}). */
    public void suggest() {
        CurationItem item = current.get();
        if (item == null) {
            return;
        }
        Optional<String> caption = Suggestions.errorCaption(item);
        if (caption.isEmpty()) {
            error.set("no suggestion: it needs the item's answer and a contender answering something else");
            return;
        }
        session.endTyping();
        fields.get(Field.ERROR_CAPTION).set(caption.get());
        session.endTyping();
    }

    /** Exports the project (see {@link CurationExport}); the outcome, or why not, goes to the status line. */
    public CompletableFuture<CurationExport.Result> export(CurationExport.Format format, Path out,
                                                           CurationExport.Images images) {
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no project is open"));
        }
        CurationProject project = session.project();
        Path imageFolder = session.imageFolder();
        busy.set(true);
        CompletableFuture<CurationExport.Result> result = CompletableFuture.supplyAsync(() -> {
            try {
                return CurationExport.export(project, imageFolder, format, out, images);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, io);
        result.whenComplete((done, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(InferenceWorker.failureMessage(failure));
            } else {
                error.set("");
                status.set("exported " + done.exported() + " items to " + out
                        + (done.skipped().isEmpty() ? "" : " (" + done.skipped().size() + " skipped: "
                        + done.skipped().get(0).image() + ": " + done.skipped().get(0).reason()
                        + (done.skipped().size() > 1 ? ", …" : "") + ")"));
            }
        }));
        return result;
    }

    /** Ends the current typing run (the field lost the focus): the next keystroke is a new undo step. */
    public void endTyping() {
        if (session != null) {
            session.endTyping();
        }
    }

    private void edited(Field field, String value) {
        CurationItem item = current.get();
        if (showing || item == null) {
            return;
        }
        try {
            if (session.set(item.image(), field, value)) {
                current.set(session.item(item.image()));
                describe();
            }
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        } catch (IOException e) {
            error.set(e.getMessage());
        }
    }

    private interface Change {
        void run() throws IOException;
    }

    private void change(Change change) {
        try {
            change.run();
        } catch (IOException | IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    private void show(CurationItem item) {
        showing = true;
        try {
            current.set(item);
            for (Field field : Field.textFields()) {
                fields.get(field).set(item == null ? "" : item.get(field));
            }
            showAnswers(item);
        } finally {
            showing = false;
        }
        describe();
        image.set(null);
        if (item != null) {
            loadImage(item);
        }
    }

    private void loadImage(CurationItem item) {
        Path file = session.imageFolder().resolve(item.image());
        Supplier<LoadedImage> load = () -> {
            try {
                return sources.fromFile(file);
            } catch (IOException e) {
                throw new IllegalStateException(InferenceWorker.failureMessage(e), e);
            }
        };
        CompletableFuture.supplyAsync(load, io).whenComplete((loaded, failure) -> ui.execute(() -> {
            if (current.get() == null || !current.get().image().equals(item.image())) {
                return; // the annotator has moved on
            }
            if (failure != null) {
                error.set("cannot show " + item.image() + ": " + InferenceWorker.failureMessage(failure));
            } else {
                calls.forget();
                image.set(loaded);
            }
        }));
    }

    private void showAnswers(CurationItem item) {
        for (Side side : Side.values()) {
            String name = contenders.get(side).get();
            Optional<ContenderAnswer> answer = item == null ? Optional.empty()
                    : item.answers().stream().filter(a -> a.contender().equals(name)).findFirst();
            answers.get(side).set(answer.map(CurateViewModel::shown).orElse(""));
        }
    }

    /** How a kept answer reads on the screen: the text and its first word's probability, or why there is none. */
    static String shown(ContenderAnswer answer) {
        if (answer.failed()) {
            return "no answer: " + answer.error();
        }
        return answer.answer() + (answer.confidence() == null ? ""
                : String.format(Locale.ROOT, "  (%.0f %%)", 100 * answer.confidence()));
    }

    /** The status line: where in the queue the item is, its image and its state. */
    private void describe() {
        CurationItem item = current.get();
        if (session == null) {
            return;
        }
        if (item == null) {
            status.set("no item matches the filters (" + session.project().items().size() + " in the project)");
            return;
        }
        status.set(String.format(Locale.ROOT, "item %d of %d · %s · %s", position.get() + 1, queue.size(),
                item.image(), item.state().key()));
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (IOException e) {
                error.set("the last changes to " + session.file() + " could not be saved: " + e.getMessage());
            }
            session = null;
        }
    }

    @Override
    public void close() {
        closeSession();
    }

    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    public ObservableList<String> queue() {
        return FXCollections.unmodifiableObservableList(queue);
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public ReadOnlyObjectProperty<CurationItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public StringProperty field(Field field) {
        return fields.get(field);
    }

    public StringProperty contender(Side side) {
        return contenders.get(side);
    }

    public StringProperty answer(Side side) {
        return answers.get(side);
    }

    public ObjectProperty<ItemState> stateFilterProperty() {
        return stateFilter;
    }

    public StringProperty tagFilterProperty() {
        return tagFilter;
    }

    public ObjectProperty<ItemCategory> categoryFilterProperty() {
        return categoryFilter;
    }

    public ObjectProperty<CurationQueue.Order> orderProperty() {
        return order;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** For tests: the open session's project as it is now. */
    Optional<CurationProject> project() {
        return Optional.ofNullable(session).map(CurationSession::project);
    }
}
