package dev.deemwb.app;

import dev.deemwb.world.Captions;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import java.util.SplittableRandom;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The workbench window. Until the models land it shows the shapes world the models are trained on:
 * a seeded random scene, its full description and every template question with its ground truth.
 */
public class WorkbenchApp extends Application {

    private static final int DISPLAY_SIZE = 384;

    private final SceneGenerator generator = new SceneGenerator();
    private final SceneRenderer renderer = new SceneRenderer();
    private final SplittableRandom seeds = new SplittableRandom();

    private final ImageView imageView = new ImageView();
    private final Label seedLabel = new Label();
    private final Label description = new Label();
    private final ListView<String> questions = new ListView<>();

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("DEEM Workbench");
        stage.setScene(new javafx.scene.Scene(createContent(), 980, 560));
        stage.show();
    }

    BorderPane createContent() {
        Button next = new Button("New scene");
        next.setId("newScene");
        KeyCombination shortcut = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
        next.setTooltip(new Tooltip("Draw a new random scene (" + shortcut.getDisplayText() + ")"));
        next.setOnAction(e -> showScene(seeds.nextLong(1_000_000)));

        seedLabel.setId("seed");
        description.setId("description");
        description.setWrapText(true);
        questions.setId("questions");

        VBox side = new VBox(8, new HBox(12, next, seedLabel), description, questions);
        side.setPadding(new Insets(12));
        BorderPane root = new BorderPane(side);
        root.setLeft(imageView);
        BorderPane.setMargin(imageView, new Insets(12));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(shortcut, next::fire);
            }
        });
        showScene(seeds.nextLong(1_000_000));
        return root;
    }

    void showScene(long seed) {
        Scene scene = generator.generate(seed);
        imageView.setImage(SwingFXUtils.toFXImage(renderer.render(scene, DISPLAY_SIZE), null));
        seedLabel.setText("seed " + seed);
        description.setText(Captions.detailedDescription(scene));
        questions.getItems().setAll(Questions.all(scene).stream().map(WorkbenchApp::format).toList());
    }

    private static String format(QaPair qa) {
        return "[" + qa.category().id() + "] " + qa.question() + " → " + qa.answer();
    }
}
