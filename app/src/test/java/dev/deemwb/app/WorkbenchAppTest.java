package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.compare.Side;
import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.PairSlide;
import dev.deemwb.app.compare.PairViewModel;
import dev.deemwb.app.compare.Slides;
import dev.deemwb.bench.mmvp.MmvpPattern;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.testing.TestBundles;
import dev.deemwb.world.Questions;
import dev.deemwb.world.SceneGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench end to end, headless, on a small untrained bundle built here (its answers are arbitrary). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

    @TempDir
    static Path dir;

    private WorkbenchApp app;
    private Stage stage;

    @BeforeAll
    static void bundle() throws IOException {
        Path bundle = TestBundles.untrained(dir.resolve("bundle"));
        System.setProperty("deemwb.bundle", bundle.toString());
        System.setProperty("deemwb.samples", Path.of("..", "sample-images").toString());
        System.setProperty("deemwb.settings", dir.resolve("settings.json").toString());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new WorkbenchApp();
        app.start(stage);
    }

    /** Closes the window's worker: a reconstruction it left running would take the cores from the next test. */
    @Stop
    void closeWindow() {
        app.stop();
    }

    @Test
    void asksASampleAndShowsBothAnswersMarksAndReconstructions(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));

        ListView<?> gallery = robot.lookup("#gallery").queryAs(ListView.class);
        int orientation = indexOf(gallery, "orientation-1.png");
        robot.interact(() -> gallery.getSelectionModel().select(orientation));
        awaitSource(robot, "orientation-1.png");

        askInTheField(robot, "Which way does the triangle point?");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.card(Side.LEFT).reconstruction().size() == 20
                && model.card(Side.RIGHT).reconstruction().size() == 20);
        WaitForAsyncUtils.waitForFxEvents();

        String truth = robot.lookup("#groundTruth").queryAs(Label.class).getText();
        assertThat(truth).startsWith("ground truth: ");
        for (Side variant : Side.values()) {
            String answer = robot.lookup("#" + variant.id() + "Answer").queryAs(Label.class).getText();
            String verdict = robot.lookup("#" + variant.id() + "Verdict").queryAs(Label.class).getText();
            assertThat(answer).isNotEmpty();
            assertThat(verdict).isEqualTo(answer.equals(truth.substring("ground truth: ".length())) ? "right" : "wrong");
            assertThat(robot.lookup("#" + variant.id() + "Alternatives").queryAs(Label.class).getText()).contains("%");
            assertThat(robot.lookup("#" + variant.id() + "Step").queryAs(Label.class).getText()).startsWith("step 20 of 20");
        }
        assertThat(robot.lookup("#leftAnswer").query().getParent().getLayoutBounds().getWidth())
                .as("both cards share the row equally (to the pixel the layout rounds), whatever their answers")
                .isCloseTo(robot.lookup("#rightAnswer").query().getParent().getLayoutBounds().getWidth(),
                        org.assertj.core.data.Offset.offset(1.0));

        Slider left = robot.lookup("#leftScrubber").queryAs(Slider.class);
        Slider right = robot.lookup("#rightScrubber").queryAs(Slider.class);
        robot.interact(() -> left.setValue(5));
        assertThat(right.getValue()).as("linked: the right scrubber follows").isEqualTo(5);
        assertThat(robot.lookup("#rightStep").queryAs(Label.class).getText()).startsWith("step 5 of 20");
        robot.clickOn("#linkScrubbers");
        robot.interact(() -> right.setValue(12));
        assertThat(left.getValue()).as("unlinked: each moves alone").isEqualTo(5);
    }

    @Test
    void theReconstructionSettingsStayWholeAtLargerTextOnAWideWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        robot.interact(() -> robot.lookup("#gallery").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS).push(KeyCode.CONTROL, KeyCode.EQUALS); // 121 %
        WaitForAsyncUtils.waitForFxEvents();

        Region settings = robot.lookup("#reconstructionSettings").queryAs(Region.class);
        assertThat(settings.getWidth()).isGreaterThanOrEqualTo(settings.prefWidth(-1) - 0.5);
        for (Node node : settings.getChildrenUnmodifiable()) {
            if (node instanceof Labeled labeled) {
                assertThat(ShownText.of(labeled)).as("cut at 121 %").isEqualTo(labeled.getText());
            } else if (node instanceof Spinner<?> spinner) {
                assertThat(spinner.getWidth()).as(spinner.getId() + " keeps room for its value")
                        .isGreaterThanOrEqualTo(spinner.prefWidth(-1) - 0.5);
            }
        }
        robot.push(KeyCode.CONTROL, KeyCode.MINUS).push(KeyCode.CONTROL, KeyCode.MINUS); // back to 100 % for the next test
    }

    @Test
    void enterOnACompletionAsksTheCompletedQuestionAndEachCardNamesIt(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> app.open(Path.of("..", "sample-images", "count-1.png")));
        awaitSource(robot, "count-1.png");

        robot.clickOn("#question").write("how many");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".auto-complete-popup").tryQuery()
                .map(Node::isVisible).orElse(false));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // the popup takes this Enter: the completion must ask

        String completed = robot.lookup("#question").queryAs(TextField.class).getText();
        assertThat(completed).startsWith("How many");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> completed.equals(model.card(Side.RIGHT).askedProperty()
                .get()) && completed.equals(model.card(Side.LEFT).askedProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rightAsked").queryAs(Label.class).getText()).isEqualTo("Q: " + completed);

        robot.interact(() -> model.questionProperty().set("Is there a circle in the image?"));
        assertThat(robot.lookup("#leftAsked").queryAs(Label.class).getText())
                .isEqualTo("answers an earlier question (Enter asks the new one): " + completed);
    }

    @Test
    void anUnknownWordIsNamedAndTheQuestionNotSent(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(7)));

        askInTheField(robot, "Is there a zebra in the imag?");
        WaitForAsyncUtils.waitForFxEvents();

        String error = robot.lookup("#error").queryAs(Label.class).getText();
        assertThat(error).contains("\"zebra\"", "\"imag\" (did you mean image", "not sent");
        assertThat(model.card(Side.RIGHT).answerProperty().get()).isEmpty();
    }

    @Test
    void aCorruptFileShowsItsReasonAndTheAppKeepsWorking(FxRobot robot) throws Exception {
        Path corrupt = Files.writeString(dir.resolve("notes.png"), "this is text, not a PNG");
        robot.interact(() -> app.open(corrupt));

        Label error = robot.lookup("#error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("notes.png", "not a readable image");
        robot.clickOn("#dismissError");
        assertThat(error.getText()).isEmpty();

        robot.interact(() -> app.open(Path.of("..", "sample-images", "count-1.png").toAbsolutePath()));
        awaitSource(robot, "count-1.png");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> gallery = robot.lookup("#gallery").queryAs(ListView.class);
        assertThat(gallery.getSelectionModel().getSelectedIndex()).as("the gallery highlights the file shown")
                .isEqualTo(indexOf(gallery, "count-1.png"));
    }

    @Test
    void textGrowsWithEveryKeyThatMeansPlusAndShrinksWithMinus(FxRobot robot) {
        Scene scene = robot.lookup("#menus").query().getScene();
        robot.interact(() -> robot.lookup("#gallery").query().requestFocus());
        double start = fontSize(scene);

        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        double once = fontSize(scene);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        double twice = fontSize(scene);
        robot.push(KeyCode.CONTROL, KeyCode.ADD);
        double thrice = fontSize(scene);
        robot.push(KeyCode.CONTROL, KeyCode.SUBTRACT);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);

        assertThat(once).isGreaterThan(start);
        assertThat(twice).isGreaterThan(once);
        assertThat(thrice).isGreaterThan(twice);
        assertThat(fontSize(scene)).isCloseTo(start, org.assertj.core.data.Offset.offset(0.2));
    }

    /** The root's font size, which the zoom sets ({@code -fx-font-size: 13.0px;}). */
    private static double fontSize(Scene scene) {
        WaitForAsyncUtils.waitForFxEvents();
        String style = scene.getRoot().getStyle();
        return Double.parseDouble(style.replaceAll(".*-fx-font-size:\\s*([0-9.]+)px.*", "$1"));
    }

    /** Opening is asynchronous (files decode off the FX thread): waits until the image panel names {@code file}. */
    private static void awaitSource(FxRobot robot, String file) throws Exception {
        Label source = robot.lookup("#source").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> source.getText().startsWith(file));
    }

    @Test
    void filesDroppedOnTheWindowOpenThroughItsDropHandler(FxRobot robot) throws Exception {
        Path corrupt = Files.writeString(dir.resolve("dropped.png"), "this is text, not a PNG");
        AtomicReference<Map<DataFormat, Object>> carried = new AtomicReference<>();
        // Stands in for a file manager: a drag source whose Dragboard carries what the test sets, so drops
        // arrive through the platform's drag-and-drop gesture. It sits at the window's edge because Monocle
        // delivers a drag only within the window where it started.
        Label source = new Label("a file");
        source.setId("dragSource");
        source.setOnDragDetected(e -> {
            source.startDragAndDrop(TransferMode.COPY).setContent(carried.get());
            e.consume();
        });
        Label error = robot.lookup("#error").queryAs(Label.class);
        Scene scene = error.getScene();
        AtomicReference<DragEvent> lastOver = new AtomicReference<>();
        robot.interact(() -> {
            ((BorderPane) scene.getRoot()).setRight(source);
            // Copies of a drag event share its acceptance, so this sees what the window's handler decided.
            scene.addEventFilter(DragEvent.DRAG_OVER, lastOver::set);
        });

        carried.set(Map.of(DataFormat.FILES, List.of(corrupt.toFile())));
        robot.drag("#dragSource").dropTo("#image");
        assertThat(lastOver.get().getAcceptedTransferMode()).isEqualTo(TransferMode.COPY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo(corrupt + ": not a readable image");

        carried.set(Map.of(DataFormat.FILES, List.of(Path.of("..", "sample-images", "count-1.png").toFile())));
        robot.drag("#dragSource").dropTo("#image");
        awaitSource(robot, "count-1.png");

        carried.set(Map.of(DataFormat.PLAIN_TEXT, "not a file"));
        robot.drag("#dragSource").dropTo("#image");
        assertThat(lastOver.get().isAccepted()).as("a drag without files is refused").isFalse();
        assertThat(robot.lookup("#source").queryAs(Label.class).getText()).startsWith("count-1.png");
    }

    @Test
    void askAllListsExactlyTheQuestionsWhereTheModelsDisagree(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(11)));

        robot.clickOn("#askAll");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.askAllSummaryProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        int asked = Questions.all(new SceneGenerator().generate(11)).size();
        assertThat(model.askAllSummaryProperty().get()).startsWith(asked + " questions:")
                .endsWith(model.disagreements().size() + " disagreements");
        assertThat(model.disagreements()).allSatisfy(row -> assertThat(row.first()).isNotEqualTo(row.second()));
    }

    @Test
    void reconstructionSettingsApplyToTheNextRedraw(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(5)));
        Spinner<Integer> steps = robot.lookup("#steps").query();
        robot.interact(() -> steps.getValueFactory().setValue(7));
        robot.clickOn("#redraw");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.card(Side.RIGHT).reconstruction().size() == 7
                && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.stepsProperty().get()).isEqualTo(7);
        assertThat(robot.lookup("#rightStep").queryAs(Label.class).getText()).startsWith("step 7 of 7");
    }

    @Test
    void thePairTabMakesAPairFromTheImageShownAndShowsEachModelsAnswerOnBoth(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(3)));
        robot.clickOn("Pair");
        ComboBox<MmvpPattern> pattern = robot.lookup("#pairPattern").queryComboBox();
        robot.interact(() -> pattern.getSelectionModel().select(MmvpPattern.STRUCTURAL));
        StatusBar status = robot.lookup("#status").queryAs(StatusBar.class);
        AtomicReference<String> statusWhileAsking = new AtomicReference<>();
        robot.interact(() -> {
            robot.lookup("#makePair").queryButton().fire();
            statusWhileAsking.set(status.getText());
        });
        assertThat(statusWhileAsking.get()).as("the status bar says the pair is being asked")
                .isEqualTo("pair: asking both models about both images…");

        PairViewModel pair = app.pair();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !pair.busyProperty().get()
                && !pair.row(Side.RIGHT).summaryProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pairLabel").queryAs(Label.class).getText()).isEqualTo("fill pair from the image shown");
        assertThat(robot.lookup("#pairQuestion").queryAs(TextField.class).getText()).matches("Is the .+ filled or hollow\\?");
        assertThat(pair.imageProperty(PairViewModel.Slot.FIRST).get().scene())
                .isEqualTo(model.imageProperty().get().scene());
        for (Side side : Side.values()) {
            String first = robot.lookup("#" + side.id() + "FirstPairAnswer").queryAs(Label.class).getText();
            String second = robot.lookup("#" + side.id() + "SecondPairAnswer").queryAs(Label.class).getText();
            assertThat(List.of(first, second)).allSatisfy(answer -> assertThat(answer).isNotEmpty());
            List<String> verdicts = List.of(robot.lookup("#" + side.id() + "FirstPairVerdict").queryAs(Label.class)
                    .getText(), robot.lookup("#" + side.id() + "SecondPairVerdict").queryAs(Label.class).getText());
            assertThat(verdicts).allSatisfy(v -> assertThat(v).isIn("right", "wrong"));
            String summary = robot.lookup("#" + side.id() + "PairSummary").queryAs(Label.class).getText();
            if (first.equals(second)) { // filled in one image, hollow in the other: one answer fits one at most
                assertThat(verdicts).contains("wrong");
                assertThat(summary).endsWith("the same answer to both images: it does not see the difference");
            } else {
                assertThat(summary).contains("tells the two images apart");
            }
        }

        Path file = dir.resolve("pair.png"); // exported from the Pair tab: the pair's slide
        robot.interact(() -> app.exportComparison(file, 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(file));
        BufferedImage exported = ImageIO.read(file.toFile());
        BufferedImage expected = WaitForAsyncUtils.asyncFx(() -> Slides.render(() -> PairSlide.of(pair),
                List.copyOf(stage.getScene().getStylesheets()), 1)).get();
        assertThat(exported.getWidth()).isEqualTo(expected.getWidth());
        assertThat(exported.getHeight()).isEqualTo(expected.getHeight());
        assertThat(exported.getRGB(0, 0, exported.getWidth(), exported.getHeight(), null, 0, exported.getWidth()))
                .isEqualTo(expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0,
                        expected.getWidth()));
    }

    @Test
    void aClickOnAnAskAllRowAsksItsQuestionAndEachAnswerSaysRightOrWrong(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(11)));
        robot.clickOn("#askAll");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.busyProperty().get()
                && !model.askAllSummaryProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.disagreements()).as("an untrained pair disagrees somewhere").isNotEmpty();

        var disagreement = model.disagreements().get(0);
        TableCell<?, ?> leftAnswer = robot.lookup("#disagreements .table-row-cell").nth(0).lookup(".table-cell")
                .nth(2).queryAs(TableCell.class);
        assertThat(leftAnswer.getText()).isEqualTo(disagreement.first() + " · "
                + (disagreement.first().equals(disagreement.truth()) ? "right" : "wrong"));
        robot.clickOn(leftAnswer);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> disagreement.question()
                .equals(model.card(Side.LEFT).askedProperty().get()));
        assertThat(robot.lookup("#question").queryAs(TextField.class).getText()).isEqualTo(disagreement.question());
    }

    @Test
    void theShortcutListIsATableWithAlignedColumns(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#gallery").query().requestFocus());
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcutList").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        GridPane list = robot.lookup("#shortcutList").queryAs(GridPane.class);
        List<Label> keys = list.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0).map(n -> (Label) n)
                .toList();
        List<Label> descriptions = list.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 1)
                .map(n -> (Label) n).toList();
        assertThat(keys).hasSize(KeyBinding.values().length);
        assertThat(descriptions).extracting(Label::getText).contains(KeyBinding.EXPORT.description());
        assertThat(keys).extracting(Node::getBoundsInParent).extracting(b -> b.getMinX()).containsOnly(
                keys.get(0).getBoundsInParent().getMinX());
        assertThat(descriptions).extracting(Node::getBoundsInParent).extracting(b -> b.getMinX()).containsOnly(
                descriptions.get(0).getBoundsInParent().getMinX());
        robot.interact(() -> list.getScene().getWindow().hide());
    }

    @Test
    void theComparisonExportsAsASlideFromAnyTab(FxRobot robot) throws Exception {
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        robot.interact(() -> model.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(3)));
        robot.clickOn("Probes");
        Path file = dir.resolve("comparison.png");

        robot.interact(() -> app.exportComparison(file, 2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(file));

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).as("a 1280-px slide at 2×").isEqualTo(2560);
        assertThat(png.getHeight()).isGreaterThanOrEqualTo(1440);
        assertThat(robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId()).as("drawn from the model, not the screen: no tab switch").isEqualTo("probesTab");
    }

    private static int indexOf(ListView<?> list, String fileName) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).toString().endsWith(fileName)) {
                return i;
            }
        }
        throw new AssertionError(fileName + " is not in the gallery");
    }

    /**
     * Puts the question in the field and fires the field's action, as Enter does. Typed keys are not
     * used: the completion popup updates asynchronously and, on a loaded machine, a stale popup took
     * the Enter key for itself (the test then saw no answer; see the closing notes of issue 11).
     */
    private static void askInTheField(FxRobot robot, String question) {
        TextField field = robot.lookup("#question").queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(question);
            field.fireEvent(new ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
