package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.compare.Side;
import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.probes.ProbesViewModel;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.eval.BenchmarkKind;
import dev.deemwb.eval.Outcome;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.StatusBar;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
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
 * The probes screen end to end, headless, on an untrained bundle: a small POPE split runs, its chart
 * and 2×2 counts show, and an item picked from a cell's gallery is asked in the compare screen.
 */
@ExtendWith(ApplicationExtension.class)
class ProbesScreenTest {

    @TempDir
    static Path dir;

    private WorkbenchApp app;

    @BeforeAll
    static void setUp() throws IOException {
        Path bundle = TestBundles.untrained(dir.resolve("bundle"));
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(8, 6, 2, 4, 64), dir.resolve("suite"));
        WorkbenchProperties.use(bundle, dir);
    }

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
    }

    /** Closes the window's worker: a reconstruction it left running would take the cores from the next test. */
    @Stop
    void closeWindow() {
        app.stop();
    }

    @Test
    void aSmallPopeSplitRunsShowsItsChartAndCountsAndOpensAnItemInTheCompareScreen(FxRobot robot) throws Exception {
        ProbesViewModel probes = app.probes();
        ListView<?> samples = robot.lookup("#gallery").queryAs(ListView.class);
        robot.interact(() -> samples.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#source").queryAs(Label.class).getText()
                .isEmpty());
        robot.clickOn("Probes");
        StatusBar status = robot.lookup("#status").queryAs(StatusBar.class);
        AtomicReference<String> statusWhileRunning = new AtomicReference<>();
        robot.interact(() -> {
            probes.runFile(BenchmarkKind.POPE, dir.resolve("suite/pope/mini_pope_popular.jsonl"),
                    dir.resolve("suite/pope/images"));
            statusWhileRunning.set(status.getText());
        });
        assertThat(statusWhileRunning.get()).as("the status bar says the worker runs the probes")
                .startsWith("probe run: reading mini_pope_popular.jsonl");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !probes.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(probes.errorProperty().get()).isEmpty();
        assertThat(probes.results().reportProperty().get()).isNotNull();
        assertThat(status.getText()).doesNotStartWith("probe run");
        assertThat(robot.lookup("#probeProgressText").queryAs(Label.class).getText()).startsWith("done: 36 items");
        ChartViewer chart = robot.lookup("#chart-pope_popular").queryAs(ChartViewer.class);
        CategoryDataset data = ((CategoryPlot) chart.getChart().getPlot()).getDataset();
        assertThat(data.getRowKeys()).containsExactly("baseline", "deem");
        assertThat(data.getColumnKeys()).containsExactly("accuracy", "precision", "recall", "F1", "yes-ratio");

        int shown = 0;
        Outcome fullest = null;
        for (Outcome outcome : Outcome.values()) {
            String text = robot.lookup("#cell-" + outcome.name().toLowerCase(Locale.ROOT)).queryAs(ToggleButton.class)
                    .getText();
            assertThat(text).startsWith(outcome.label() + "\n");
            int count = Integer.parseInt(text.substring(text.indexOf('\n') + 1));
            assertThat(count).isEqualTo(probes.results().cellsProperty().get().get(outcome).size());
            if (fullest == null || count > probes.results().cellsProperty().get().get(fullest).size()) {
                fullest = outcome;
            }
            shown += count;
        }
        assertThat(shown).isEqualTo(36);

        robot.clickOn("#cell-" + fullest.name().toLowerCase(Locale.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        RunRecord first = probes.results().gallery().get(0);
        GridCell<?> firstItem = robot.lookup(".grid-cell").match((GridCell<?> cell) -> cell.getItem() == first).query();
        ImageView thumbnail = robot.from(firstItem).lookup(".image-view")
                .queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> thumbnail.getImage() != null
                && thumbnail.getImage().getProgress() == 1);
        assertThat(thumbnail.getImage().isError()).as("thumbnail error %s", thumbnail.getImage().getException()).isFalse();
        assertThat(thumbnail.getImage().getWidth()).isEqualTo(72);
        String itemText = robot.from(firstItem).lookup(".label").queryAs(Label.class).getText();
        RunRecord.ModelAnswer deem = first.answers().get("deem");
        assertThat(itemText).as("each answer as the rule parsed it, marked in words, and as given when it differs")
                .contains("deem: " + deem.parsed() + (deem.correct() ? " · right" : " · wrong")
                        + (deem.answer().strip().equalsIgnoreCase(deem.parsed()) ? ""
                        : " (said \"" + deem.answer().strip() + "\")"));
        robot.clickOn(firstItem);
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("compareTab");
        assertThat(robot.lookup("#question").queryAs(TextField.class).getText()).isEqualTo(first.question());
        CompareViewModel compare = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !compare.card(Side.RIGHT).answerProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#source").queryAs(Label.class).getText()).startsWith("pope_popular · item " + first.id());
        assertThat(robot.lookup("#groundTruth").queryAs(Label.class).getText()).isEqualTo("ground truth: " + first.expected());
        assertThat(samples.getSelectionModel().getSelectedItems()).as("no sample is highlighted under a probes item")
                .isEmpty();
    }
}
