package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.PairViewModel;
import dev.deemwb.app.compare.Side;
import dev.deemwb.app.images.FxImages;
import dev.deemwb.app.probes.MiniBenchmark;
import dev.deemwb.app.probes.ProbesViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Retakes the README's screenshots with the shipped bundle in a 1600×1000 window, headless: not a test
 * of behaviour, so it is skipped unless asked for —
 * {@code mvn -pl app test -Dtest=ScreenshotsForDocs -Ddeemwb.screenshots=$PWD/docs}.
 * Look at every picture it writes before committing it.
 */
@EnabledIfSystemProperty(named = "deemwb.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsForDocs {

    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;

    @TempDir
    static Path dir;

    private WorkbenchApp app;
    private Stage stage;

    @BeforeAll
    static void shippedBundle() {
        WorkbenchProperties.use(Path.of("..", "assets", "models", "mini-deem"), dir);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new WorkbenchApp();
        app.start(stage);
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
    }

    @Stop
    void closeWindow() {
        app.stop();
    }

    @Test
    void retakeThem(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("deemwb.screenshots"));
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));

        robot.interact(() -> app.open(Path.of("..", "sample-images", "color-1.png")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.imageProperty().get() != null);
        TextField question = robot.lookup("#question").queryAs(TextField.class);
        robot.interact(() -> { // the sample's own question, which its scene can answer
            question.setText(model.imageProperty().get().suggestedQuestions().get(0));
            model.ask();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.busyProperty().get()
                && !model.card(Side.RIGHT).reconstruction().isEmpty());
        shoot(robot, out.resolve("screenshot-light.png"));
        robot.interact(() -> app.exportComparison(out.resolve("slide-example.png"), 1));

        robot.push(KeyCode.CONTROL, KeyCode.T);
        shoot(robot, out.resolve("screenshot-dark.png"));
        robot.push(KeyCode.F11);
        shoot(robot, out.resolve("screenshot-presentation.png"));
        robot.push(KeyCode.F11);
        robot.push(KeyCode.CONTROL, KeyCode.T);

        robot.clickOn("Pair");
        PairViewModel pair = app.pair();
        robot.interact(() -> pair.open(Path.of("..", "sample-images", "pair-color-a.png"),
                Path.of("..", "sample-images", "pair-color-b.png")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !pair.busyProperty().get()
                && !pair.row(Side.RIGHT).summaryProperty().get().isEmpty());
        shoot(robot, out.resolve("screenshot-pair.png"));

        robot.clickOn("Probes");
        ProbesViewModel probes = app.probes();
        for (MiniBenchmark mini : new MiniBenchmark[] {MiniBenchmark.POPE_ADVERSARIAL, MiniBenchmark.MMVP,
                MiniBenchmark.ROBUSTVQA}) {
            ComboBox<?> choice = robot.lookup("#benchmarkChoice").queryComboBox();
            int index = IntStream.range(0, choice.getItems().size())
                    .filter(i -> choice.getItems().get(i).toString().equals(mini.label())).findFirst().orElseThrow();
            robot.interact(() -> choice.getSelectionModel().select(index));
            robot.clickOn("#runProbe");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> probes.runningProperty().get());
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !probes.runningProperty().get());
            assertThat(probes.errorProperty().get()).isEmpty();
            shoot(robot, out.resolve("screenshot-probes-" + mini.benchmarkName().replace('_', '-') + ".png"));
        }
    }

    private void shoot(FxRobot robot, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] picture = new BufferedImage[1];
        robot.interact(() -> picture[0] = FxImages.fromFx(stage.getScene().snapshot(null)));
        ImageIO.write(picture[0], "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
    }
}
