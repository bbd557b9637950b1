package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {

    @Start
    void start(Stage stage) {
        new WorkbenchApp().start(stage);
    }

    @Test
    void newSceneShowsAnotherSceneWithItsQuestions(FxRobot robot) {
        Label seed = robot.lookup("#seed").queryAs(Label.class);
        Label description = robot.lookup("#description").queryAs(Label.class);
        String firstSeed = seed.getText();

        robot.clickOn("#newScene");

        assertThat(seed.getText()).startsWith("seed ").isNotEqualTo(firstSeed);
        assertThat(description.getText()).containsPattern("(filled|hollow) (red|green|blue|yellow|purple|orange)");
        ListView<?> questions = robot.lookup("#questions").queryAs(ListView.class);
        assertThat(questions.getItems()).anySatisfy(q -> assertThat(q.toString()).startsWith("[presence] Is there a"));
    }
}
