package dev.deemwb.app.compare;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pair view as a slide (see {@link Slides}): the question, the two images side by side, each
 * model's answer and verdict band under each image, and the line saying whether it told them apart.
 */
public final class PairSlide {

    private static final double IMAGE_SIZE = 300;

    private PairSlide() {
    }

    public static Region of(PairViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(10);
        for (PairViewModel.Slot slot : PairViewModel.Slot.values()) {
            LoadedImage image = model.imageProperty(slot).get();
            Label name = new Label(slot == PairViewModel.Slot.FIRST ? "A" : "B");
            name.getStyleClass().add("card-title");
            grid.add(new VBox(4, name, Slides.picture(image == null ? null : image.display(), IMAGE_SIZE)),
                    slot.ordinal() + 1, 0);
        }
        int row = 1;
        for (Side side : Side.values()) {
            PairViewModel.Row answers = model.row(side);
            Label title = new Label(answers.titleProperty().get());
            title.getStyleClass().add("card-title");
            title.setWrapText(true);
            title.setMaxWidth(220);
            grid.add(title, 0, row);
            for (PairViewModel.Slot slot : PairViewModel.Slot.values()) {
                String said = answers.answerProperty(slot).get();
                Label answer = new Label(said.isEmpty() ? "(not asked)" : said);
                answer.getStyleClass().add("answer");
                answer.setWrapText(true);
                answer.setMaxWidth(IMAGE_SIZE);
                Label verdict = SidePanels.verdictBand(answers.verdictProperty(slot).get());
                verdict.setMaxWidth(IMAGE_SIZE);
                grid.add(new VBox(4, answer, verdict), slot.ordinal() + 1, row);
            }
            String verdictOfBoth = answers.summaryProperty().get();
            Label summary = new Label(verdictOfBoth.isEmpty() ? "" : answers.titleProperty().get() + ": " + verdictOfBoth);
            summary.setWrapText(true);
            grid.add(summary, 1, row + 1, 2, 1);
            row += 2;
        }
        String question = model.questionProperty().get();
        return Slides.frame(question == null || question.isBlank() ? "No pair asked yet" : "Q: " + question, grid,
                model.labelProperty().get() + " · a model that answers both images alike does not see the difference");
    }
}
