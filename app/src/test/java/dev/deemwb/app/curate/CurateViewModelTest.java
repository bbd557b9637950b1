package dev.deemwb.app.curate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.Side;
import dev.deemwb.app.contenders.ContenderRoster;
import dev.deemwb.curate.CurationItem;
import dev.deemwb.curate.CurationProject;
import dev.deemwb.curate.CurationQueue;
import dev.deemwb.curate.CurationSession;
import dev.deemwb.curate.Field;
import dev.deemwb.curate.ItemState;
import dev.deemwb.curate.ProjectFiles;
import dev.deemwb.curate.ProjectSources;
import dev.deemwb.curate.ProjectWriter;
import dev.deemwb.testing.FakeContender;
import dev.deemwb.testing.SynchronousExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Curate screen's logic without a window: synchronous executors and fake contenders. */
class CurateViewModelTest {

    @TempDir
    Path dir;

    private Path file;
    private final List<Path> opened = new ArrayList<>();
    private ContenderRoster roster;
    private CurateViewModel model;

    @BeforeEach
    void fourScenes() throws IOException {
        file = dir.resolve("demo" + ProjectFiles.SUFFIX);
        List<CurationItem> items = ProjectSources.generated(dir.resolve("images"), 4, 7000, 32);
        try (CurationSession session = CurationSession.create(file, CurationProject.create("images", items), "lead",
                ProjectWriter.synchronous(file), Clock.systemUTC())) {
            session.set("scene-0001.png", Field.STATE, "accepted");
            session.set("scene-0002.png", Field.ANSWER, "circle");
            session.set("scene-0002.png", Field.QUESTION, "What is the main object?");
            session.set("scene-0002.png", Field.GT_CAPTION, "a photo of a circle");
        }
        FakeContender baseline = new FakeContender("baseline", Set.of(), (image, question) -> "star");
        FakeContender deem = new FakeContender("deem", Set.of(), (image, question) -> "circle");
        roster = ContenderRoster.of(List.of(baseline, deem), new SynchronousExecutor(), Map.of());
        model = new CurateViewModel(roster, new ImageSources(32), Runnable::run, new SynchronousExecutor(),
                Clock.systemUTC(), "alice", opened::add);
    }

    @AfterEach
    void close() {
        model.close();
        roster.close();
    }

    @Test
    void opensWhereTheAnnotatorLeftOffAndShowsTheItemAndItsImage() {
        model.open(file);

        assertThat(opened).containsExactly(file);
        assertThat(model.queue()).hasSize(4);
        assertThat(model.currentProperty().get().image()).isEqualTo("scene-0002.png");
        assertThat(model.field(Field.GT_CAPTION).get()).isEqualTo("a photo of a circle");
        assertThat(model.imageProperty().get()).isNotNull();
        assertThat(model.statusProperty().get()).isEqualTo("item 2 of 4 · scene-0002.png · new");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void editsGoToTheProjectDecisionsMoveOnAndUndoComesBackToTheItem() throws IOException {
        model.open(file);
        model.field(Field.NOTES).set("looks odd");
        model.decide(ItemState.REJECTED);

        assertThat(model.currentProperty().get().image()).isEqualTo("scene-0003.png");
        CurationItem second = model.project().orElseThrow().item("scene-0002.png").orElseThrow();
        assertThat(second.state()).isEqualTo(ItemState.REJECTED);
        assertThat(second.get(Field.NOTES)).isEqualTo("looks odd");
        assertThat(second.history().get(second.history().size() - 1).annotator()).isEqualTo("alice");

        model.undo();
        assertThat(model.currentProperty().get().image()).isEqualTo("scene-0002.png");
        assertThat(model.currentProperty().get().state()).isEqualTo(ItemState.NEW);
        model.undo();
        assertThat(model.field(Field.NOTES).get()).isEmpty();
        model.redo();
        assertThat(model.field(Field.NOTES).get()).isEqualTo("looks odd");

        model.close(); // flushes the autosave
        assertThat(ProjectFiles.read(file).item("scene-0002.png").orElseThrow().get(Field.NOTES)).isEqualTo("looks odd");
    }

    @Test
    void askingKeepsBothAnswersAndPrefillsTheErrorCaptionFromTheWrongOne() {
        model.open(file);
        model.ask();

        assertThat(model.answer(Side.LEFT).get()).isEqualTo("star");
        assertThat(model.answer(Side.RIGHT).get()).isEqualTo("circle");
        assertThat(model.field(Field.ERROR_CAPTION).get()).isEqualTo("a photo of a star");
        CurationItem asked = model.project().orElseThrow().item("scene-0002.png").orElseThrow();
        assertThat(asked.answers()).extracting(a -> a.contender() + "=" + a.answer())
                .containsExactly("baseline=star", "deem=circle");

        model.orderProperty().set(CurationQueue.Order.FAILURES_FIRST);
        assertThat(model.queue().get(0)).as("the disagreement comes first").isEqualTo("scene-0002.png");
        model.stateFilterProperty().set(ItemState.ACCEPTED);
        assertThat(model.queue()).containsExactly("scene-0001.png");
        assertThat(model.currentProperty().get().image()).isEqualTo("scene-0001.png");
    }

    @Test
    void aQuestionIsNeededToAskAndABadValueIsRefusedWithItsReason() {
        model.open(file);
        model.next();
        model.field(Field.QUESTION).set("");
        model.ask();
        assertThat(model.errorProperty().get()).contains("type the item's question first");
        model.field(Field.CATEGORY).set("smell");
        assertThat(model.errorProperty().get()).contains("unknown category 'smell'");
        assertThat(model.project().orElseThrow().item("scene-0003.png").orElseThrow().get(Field.CATEGORY))
                .isNotEqualTo("smell");
    }

    @Test
    void aProjectThatCannotBeOpenedSaysWhyAndLeavesTheOpenOneOpen() throws IOException {
        model.open(file);
        Path broken = dir.resolve("broken" + ProjectFiles.SUFFIX);
        Files.writeString(broken, "{\"schema_version\": 9, \"format\": \"deem-workbench-curation\"}");

        model.open(broken);

        assertThat(model.errorProperty().get()).contains("written by a newer DEEM Workbench (project schema 9");
        assertThat(model.projectFileProperty().get()).isEqualTo(file);
        assertThat(model.currentProperty().get()).isNotNull();
    }
}
