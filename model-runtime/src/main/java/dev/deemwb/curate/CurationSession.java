package dev.deemwb.curate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One annotator's work on one project: every change applied in memory, written in its item's
 * history and saved at once ({@link ProjectWriter}), with undo and redo. Typing into one field is
 * one undo step until another field, another item or a decision comes between ({@link #endTyping}).
 * Confined to its owner's thread (the app's FX thread).
 */
public final class CurationSession implements AutoCloseable {

    /** One undoable change of one item's field. */
    public record Edit(String image, Field field, String from, String to) {
    }

    private final Path file;
    private final String annotator;
    private final ProjectWriter writer;
    private final Clock clock;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final FileLock lock;
    private CurationProject project;
    private boolean typing;

    private CurationSession(Path file, FileLock lock, CurationProject project, String annotator, ProjectWriter writer,
                            Clock clock) {
        this.file = file;
        this.lock = lock;
        this.project = project;
        this.annotator = annotator.strip();
        this.writer = writer;
        this.clock = clock;
    }

    /** Writes a new project file; refuses to replace an existing one. */
    public static CurationSession create(Path file, CurationProject project, String annotator, ProjectWriter writer,
                                         Clock clock) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a project file is already there");
        }
        requireAnnotator(annotator);
        FileLock lock = lock(file);
        try {
            ProjectFiles.write(file, project);
        } catch (IOException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
        return new CurationSession(file, lock, project, annotator, writer, clock);
    }

    /** Opens a project file (see {@link ProjectFiles#read} for what is refused) and keeps its backup. */
    public static CurationSession open(Path file, String annotator, ProjectWriter writer, Clock clock)
            throws IOException {
        requireAnnotator(annotator);
        FileLock lock = lock(file);
        try {
            CurationProject project = ProjectFiles.read(file);
            ProjectFiles.keepBackup(file);
            return new CurationSession(file, lock, project, annotator, writer, clock);
        } catch (IOException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
    }

    private static void requireAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new IllegalArgumentException("an annotator's name is needed: it is written in each change's history");
        }
    }

    /**
     * One session per project file at a time, so two windows never overwrite each other's changes. The
     * lock is the operating system's: a session killed at any moment leaves none behind.
     */
    private static FileLock lock(Path file) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ProjectFileException(file, "is open in another DEEM Workbench window or process; close it there "
                    + "first");
        }
        return lock;
    }

    public Path file() {
        return file;
    }

    public String annotator() {
        return annotator;
    }

    public CurationProject project() {
        return project;
    }

    /** The project's image folder. */
    public Path imageFolder() {
        return file.toAbsolutePath().getParent().resolve(project.images());
    }

    public CurationItem item(String image) {
        return project.item(image).orElseThrow(() -> new IllegalArgumentException("no item for image '" + image + "'"));
    }

    /**
     * Sets a field and saves. Returns false when the value (in canonical form) is already there.
     *
     * @throws IllegalArgumentException for a value the field does not take (nothing changes)
     */
    public boolean set(String image, Field field, String value) throws IOException {
        String to = field.canonical(value);
        String from = item(image).get(field);
        if (to.equals(from)) {
            return false;
        }
        Edit top = undo.peek();
        boolean continues = typing && field.typed() && top != null && top.image().equals(image)
                && top.field() == field;
        if (continues) {
            undo.pop();
            if (!top.from().equals(to)) {
                undo.push(new Edit(image, field, top.from(), to));
            }
        } else {
            undo.push(new Edit(image, field, from, to));
        }
        redo.clear();
        typing = field.typed();
        apply(image, field, from, to, continues);
        return true;
    }

    /** Ends the current typing run: the next keystroke starts a new undo step. */
    public void endTyping() {
        typing = false;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Undoes the last edit, if any, and saves; the history records the undo as a change. */
    public Optional<Edit> undo() throws IOException {
        return replay(undo, redo, true);
    }

    public Optional<Edit> redo() throws IOException {
        return replay(redo, undo, false);
    }

    private Optional<Edit> replay(Deque<Edit> source, Deque<Edit> target, boolean backwards) throws IOException {
        typing = false;
        Edit edit = source.poll();
        if (edit == null) {
            return Optional.empty();
        }
        target.push(edit);
        apply(edit.image(), edit.field(), backwards ? edit.to() : edit.from(), backwards ? edit.from() : edit.to(),
                false);
        return Optional.of(edit);
    }

    /** Keeps the contenders' latest answers to an item's question (not an edit: there is nothing to undo). */
    public void recordAnswers(String image, List<ContenderAnswer> answers) throws IOException {
        project = project.with(item(image).withAnswers(answers));
        writer.save(project);
    }

    private void apply(String image, Field field, String from, String to, boolean continuesTyping) throws IOException {
        CurationItem item = item(image).with(field, to);
        List<Change> history = new ArrayList<>(item.history());
        Change last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (continuesTyping && last != null && last.field().equals(field.key()) && last.annotator().equals(annotator)) {
            history.remove(history.size() - 1);
            if (!last.from().equals(to)) { // typed back to where the run began: nothing changed
                history.add(new Change(clock.instant(), annotator, field.key(), last.from(), to));
            }
        } else {
            history.add(new Change(clock.instant(), annotator, field.key(), from, to));
        }
        project = project.with(item.withHistory(history));
        writer.save(project);
    }

    /** Waits until every change is on disk. */
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            lock.channel().close();
        }
    }
}
