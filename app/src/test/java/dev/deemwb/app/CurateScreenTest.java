package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.curate.CurateViewModel;
import dev.deemwb.curate.CurationExport;
import dev.deemwb.curate.CurationItem;
import dev.deemwb.curate.CurationProject;
import dev.deemwb.curate.CurationSession;
import dev.deemwb.curate.Field;
import dev.deemwb.curate.ItemState;
import dev.deemwb.curate.ProjectFiles;
import dev.deemwb.curate.ProjectSources;
import dev.deemwb.curate.ProjectWriter;
import dev.deemwb.eval.RobustVqaBenchmark;
import dev.deemwb.io.Json;
import dev.deemwb.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Curation with the keyboard only, headless: the Curate tab reopens the recent project, three items
 * are captioned and decided by their keys (F5 / F6 focus the captions, Ctrl+Enter accepts,
 * Ctrl+Backspace rejects, Ctrl+Z / Ctrl+Shift+Z undo and redo), and Ctrl+Shift+E then Enter exports
 * them as RobustVQA, which the benchmark reader reads back.
 */
@ExtendWith(ApplicationExtension.class)
class CurateScreenTest {

    @TempDir
    static Path dir;

    private static Path project;
    private WorkbenchApp app;

    @BeforeAll
    static void setUp() throws IOException {
        project = dir.resolve("shapes" + ProjectFiles.SUFFIX);
        List<CurationItem> items = ProjectSources.generated(dir.resolve("shapes-images"), 3, 7000, 64);
        CurationSession.create(project, CurationProject.create("shapes-images", items), "lead",
                ProjectWriter.synchronous(project), Clock.systemUTC()).close();
        Json.write(dir.resolve("settings.json"), Map.of("recentProjects", List.of(project.toString())));
        WorkbenchProperties.use(TestBundles.untrained(dir.resolve("bundle")), dir);
    }

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
    }

    @Stop
    void closeWindow() {
        app.stop();
    }

    private static void chord(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void caption(FxRobot robot, KeyCode focus, String text) {
        chord(robot, focus);
        robot.write(text);
    }

    @Test
    void threeItemsAreCuratedAndExportedWithTheKeyboardOnly(FxRobot robot) throws Exception {
        robot.clickOn("Curate");
        CurateViewModel curate = app.curate();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project.equals(curate.projectFileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(curate.statusProperty().get()).startsWith("item 1 of 3");

        caption(robot, KeyCode.F5, "a photo of a circle");
        caption(robot, KeyCode.F6, "a photo of a star");
        chord(robot, KeyCode.CONTROL, KeyCode.ENTER);
        caption(robot, KeyCode.F5, "two shapes");
        caption(robot, KeyCode.F6, "three shapes");
        chord(robot, KeyCode.CONTROL, KeyCode.ENTER);
        chord(robot, KeyCode.CONTROL, KeyCode.BACK_SPACE);
        assertThat(curate.currentProperty().get().state()).isEqualTo(ItemState.REJECTED);
        chord(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(curate.currentProperty().get().state()).isEqualTo(ItemState.NEW);
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(curate.currentProperty().get().state()).isEqualTo(ItemState.REJECTED);
        chord(robot, KeyCode.PAGE_UP);
        assertThat(curate.statusProperty().get()).startsWith("item 2 of 3").endsWith("accepted");

        Path out = dir.resolve("shapes-export"); // the folder the dialog proposes, beside the project
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        TextField folder = robot.lookup("#exportFolder").queryAs(TextField.class);
        assertThat(folder.getText()).isEqualTo(out.toString());
        chord(robot, KeyCode.ENTER); // OK, format robustvqa and images copied by default
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> curate.statusProperty().get().startsWith("exported"));

        assertThat(curate.statusProperty().get()).startsWith("exported 2 items to " + out);
        RobustVqaBenchmark read = RobustVqaBenchmark.read(out.resolve(CurationExport.ROBUSTVQA_FILE),
                out.resolve(CurationExport.IMAGES));
        assertThat(read.questions()).extracting(q -> q.caption())
                .containsExactly("a photo of a circle", "a photo of a star", "two shapes", "three shapes");
        assertThat(Files.isRegularFile(out.resolve("images/scene-0001.png"))).isTrue();
        List<ItemState> decided = List.of(ItemState.ACCEPTED, ItemState.ACCEPTED, ItemState.REJECTED);
        // The autosave writes in the background: the file catches up within moments.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProjectFiles.read(project).items().stream()
                .map(CurationItem::state).toList().equals(decided));
        CurationProject saved = ProjectFiles.read(project);
        assertThat(saved.items().get(0).get(Field.GT_CAPTION)).isEqualTo("a photo of a circle");
    }
}
