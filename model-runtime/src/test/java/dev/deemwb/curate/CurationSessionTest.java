package dev.deemwb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurationSessionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("demo" + ProjectFiles.SUFFIX);
    }

    static CurationProject threeItems() {
        return new CurationProject(CurationProject.SCHEMA_VERSION, CurationProject.FORMAT, "images", CLOCK.instant(),
                List.of(CurationItem.of("a.png"), CurationItem.of("b.png"), CurationItem.of("sub/c.jpg")));
    }

    private CurationSession created() throws IOException {
        return CurationSession.create(file(), threeItems(), "alice", ProjectWriter.synchronous(file()), CLOCK);
    }

    private CurationSession reopened(String annotator) throws IOException {
        return CurationSession.open(file(), annotator, ProjectWriter.synchronous(file()), CLOCK);
    }

    @Test
    void everyChangeIsOnDiskWithItsHistoryAndTheFileReadsBackEqual() throws IOException {
        CurationProject inMemory;
        try (CurationSession session = created()) {
            session.set("a.png", Field.GT_CAPTION, "a photo of a goldfish");
            session.set("a.png", Field.TAGS, " Fish, odd ,fish");
            session.set("b.png", Field.STATE, "accepted");
            session.recordAnswers("b.png", List.of(new ContenderAnswer("baseline", "cat", 0.9),
                    new ContenderAnswer("deem", "dog", null)));
            inMemory = session.project();
            assertThat(ProjectFiles.read(file())).isEqualTo(inMemory); // saved with no close
        }
        try (CurationSession session = reopened("bob")) {
            assertThat(session.project()).isEqualTo(inMemory);
            CurationItem a = session.item("a.png");
            assertThat(a.get(Field.TAGS)).isEqualTo("fish,odd");
            assertThat(a.history()).containsExactly(
                    new Change(CLOCK.instant(), "alice", "gt_caption", "", "a photo of a goldfish"),
                    new Change(CLOCK.instant(), "alice", "tags", "", "fish,odd"));
            assertThat(session.item("b.png").state()).isEqualTo(ItemState.ACCEPTED);
            assertThat(session.item("b.png").answers()).extracting(ContenderAnswer::answer).containsExactly("cat", "dog");
        }
    }

    @Test
    void anUnknownValueIsRefusedAndChangesNothing() throws IOException {
        try (CurationSession session = created()) {
            assertThatThrownBy(() -> session.set("a.png", Field.CATEGORY, "smell"))
                    .hasMessageContaining("unknown category 'smell'").hasMessageContaining("presence");
            assertThatThrownBy(() -> session.set("a.png", Field.STATE, "done"))
                    .hasMessageContaining("unknown state 'done'");
            assertThatThrownBy(() -> session.set("z.png", Field.NOTES, "x")).hasMessageContaining("no item for image 'z.png'");
            assertThat(session.project()).isEqualTo(threeItems());
            assertThat(session.canUndo()).isFalse();
        }
    }

    @Test
    void undoAndRedoWalkTheEditsAndAreSavedToo() throws IOException {
        try (CurationSession session = created()) {
            session.set("a.png", Field.STATE, "accepted");
            session.set("b.png", Field.NOTES, "blurry");
            session.set("b.png", Field.STATE, "rejected");

            assertThat(session.undo()).contains(new CurationSession.Edit("b.png", Field.STATE, "new", "rejected"));
            assertThat(session.undo()).contains(new CurationSession.Edit("b.png", Field.NOTES, "", "blurry"));
            assertThat(session.item("b.png").get(Field.NOTES)).isEmpty();
            assertThat(session.item("b.png").state()).isEqualTo(ItemState.NEW);
            assertThat(session.redo()).contains(new CurationSession.Edit("b.png", Field.NOTES, "", "blurry"));
            assertThat(ProjectFiles.read(file()).item("b.png").orElseThrow().get(Field.NOTES)).isEqualTo("blurry");

            session.set("a.png", Field.NOTES, "new branch");
            assertThat(session.canRedo()).as("a new edit drops what could be redone").isFalse();
            assertThat(session.undo()).isPresent();
            assertThat(session.undo()).isPresent();
            assertThat(session.undo()).isPresent();
            assertThat(session.undo()).isEmpty();
            assertThat(session.project().items()).allMatch(item -> item.state() == ItemState.NEW
                    && item.fields().isEmpty());
            // Undo is a change too: the history keeps what happened, in order.
            assertThat(session.item("b.png").history()).extracting(Change::to)
                    .containsExactly("blurry", "rejected", "new", "", "blurry", "");
        }
    }

    @Test
    void typingInOneFieldIsOneUndoStepUntilTheFieldChanges() throws IOException {
        try (CurationSession session = created()) {
            for (String text : List.of("a", "a p", "a ph", "a photo")) {
                session.set("a.png", Field.ERROR_CAPTION, text);
            }
            session.set("a.png", Field.NOTES, "n");
            session.set("a.png", Field.ERROR_CAPTION, "a photo of");
            session.endTyping();
            session.set("a.png", Field.ERROR_CAPTION, "a photo of x");

            assertThat(session.item("a.png").history()).extracting(Change::field, Change::from, Change::to)
                    .containsExactly(tuple("error_caption", "", "a photo"),
                            tuple("notes", "", "n"),
                            tuple("error_caption", "a photo", "a photo of"),
                            tuple("error_caption", "a photo of", "a photo of x"));
            session.undo();
            assertThat(session.item("a.png").get(Field.ERROR_CAPTION)).isEqualTo("a photo of");
            session.undo();
            assertThat(session.item("a.png").get(Field.ERROR_CAPTION)).isEqualTo("a photo");
            session.undo();
            session.undo();
            assertThat(session.item("a.png").get(Field.ERROR_CAPTION)).isEmpty();
            assertThat(session.canUndo()).isFalse();
        }
    }

    @Test
    void typingBackToTheStartLeavesNoStepAndNoHistory() throws IOException {
        try (CurationSession session = created()) {
            session.set("a.png", Field.NOTES, "x");
            session.set("a.png", Field.NOTES, "");
            assertThat(session.canUndo()).isFalse();
            assertThat(session.item("a.png").history()).isEmpty();
        }
    }

    @Test
    void aCorruptFileIsRefusedNamingTheBackupAndIsLeftAsItWas() throws IOException {
        try (CurationSession session = created()) {
            session.set("a.png", Field.NOTES, "good");
        }
        reopened("alice").close(); // a good open keeps the backup
        String good = Files.readString(file());
        Files.writeString(file(), good.substring(0, good.length() / 2)); // as a disk failure might leave it

        assertThatThrownBy(() -> reopened("alice"))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("is not readable JSON at line")
                .hasMessageContaining(ProjectFiles.backupOf(file()) + " (nothing was changed)");
        assertThat(Files.readString(file())).isEqualTo(good.substring(0, good.length() / 2));
        assertThat(ProjectFiles.read(ProjectFiles.backupOf(file())).item("a.png").orElseThrow().get(Field.NOTES))
                .isEqualTo("good");
    }

    @Test
    void aNewerSchemaOrAnotherKindOfFileIsRefusedByName() throws IOException {
        created().close();
        String text = Files.readString(file());
        Files.writeString(file(), text.replace("\"schema_version\" : 1", "\"schema_version\" : 2"));
        assertThatThrownBy(() -> reopened("alice"))
                .hasMessageContaining("written by a newer DEEM Workbench (project schema 2; this version reads up to 1)");
        assertThat(Files.readString(file())).contains("\"schema_version\" : 2");

        Files.writeString(file(), "{\"imagenet_a\": []}");
        assertThatThrownBy(() -> reopened("alice")).hasMessageContaining("is not a curation project");

        Files.writeString(file(), text.replaceFirst("\"fields\" : \\{ }", "\"fields\" : {\"colour\": \"red\"}"));
        assertThatThrownBy(() -> reopened("alice")).hasMessageContaining("items[0]")
                .hasMessageContaining("unknown field 'colour'");

        Files.writeString(file(), text.replace("\"a.png\"", "\"../../etc/passwd\""));
        assertThatThrownBy(() -> reopened("alice")).hasMessageContaining("must be a path below the project's image folder");
    }

    @Test
    void aCrashBetweenWriteAndMoveLeavesTheLastSavedProject() throws IOException {
        CurationProject saved;
        try (CurationSession session = created()) {
            session.set("a.png", Field.NOTES, "saved");
            saved = session.project();
        }
        // What a kill between the temporary file's write and its move leaves: the hidden temporary
        // file, cut short, beside the untouched project file.
        Path temp = dir.resolve("." + file().getFileName() + ".5eed.tmp");
        Files.write(temp, "{\"schema_version\" : 1, \"format\" : \"deem-wor".getBytes(StandardCharsets.UTF_8));
        try (CurationSession session = reopened("alice")) {
            assertThat(session.project()).isEqualTo(saved);
            session.set("a.png", Field.NOTES, "after the crash");
        }
        assertThat(ProjectFiles.read(file()).item("a.png").orElseThrow().get(Field.NOTES)).isEqualTo("after the crash");
    }

    @Test
    void aProjectOpensInOneSessionAtATime() throws IOException {
        try (CurationSession first = created()) {
            assertThatThrownBy(() -> reopened("bob")).isInstanceOf(ProjectFileException.class)
                    .hasMessageContaining("is open in another DEEM Workbench window or process");
        }
        reopened("bob").close();
    }

    @Test
    void createRefusesToReplaceAProject() throws IOException {
        created().close();
        assertThatThrownBy(this::created).hasMessageContaining("a project file is already there");
    }

    @Test
    void theBackgroundWriterSavesTheLatestProjectAndReportsFailures() throws IOException {
        List<IOException> failures = new CopyOnWriteArrayList<>();
        try (CurationSession session = CurationSession.create(file(), threeItems(), "alice",
                ProjectWriter.background(file(), failures::add), CLOCK)) {
            for (int i = 0; i < 200; i++) {
                session.set("a.png", Field.NOTES, "note " + i);
            }
            session.flush();
            assertThat(ProjectFiles.read(file())).isEqualTo(session.project());
        }
        assertThat(failures).isEmpty();

        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("x" + ProjectFiles.SUFFIX)); // a folder where the file would go
        Path target = blocked.resolve("x" + ProjectFiles.SUFFIX);
        try (ProjectWriter writer = ProjectWriter.background(target, failures::add)) {
            writer.save(threeItems());
            assertThatThrownBy(writer::flush).isInstanceOf(IOException.class);
        } catch (IOException expected) {
            // close flushes again and meets the same failure
        }
        assertThat(failures).isNotEmpty();
    }
}
