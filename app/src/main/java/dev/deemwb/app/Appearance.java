package dev.deemwb.app;

import dev.deemwb.app.settings.Settings;
import dev.deemwb.app.settings.Theme;
import java.util.Arrays;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Theme, text size and presentation mode (for teachers on projectors): applies the settings' theme
 * and zoom to the window and keeps them in the settings when the user changes them.
 */
final class Appearance {

    private static final double BASE_FONT_PX = 13;
    private static final double ZOOM_STEP = 1.1;
    private static final String PRESENTATION = "presentation";

    private final ObjectProperty<Settings> settings;
    private final Stage stage;
    private final Scene scene;
    private final BorderPane root;

    Appearance(ObjectProperty<Settings> settings, Stage stage, Scene scene, BorderPane root) {
        this.settings = settings;
        this.stage = stage;
        this.scene = scene;
        this.root = root;
        scene.getStylesheets().add(stylesheet("workbench.css"));
        settings.addListener((obs, old, now) -> {
            if (old.theme() != now.theme() || old.zoom() != now.zoom()) { // a restyle costs a CSS pass over the window
                apply(now);
            }
        });
        apply(settings.get());
    }

    void toggleTheme() {
        settings.set(settings.get().withTheme(settings.get().theme().toggled()));
    }

    void zoomIn() {
        settings.set(settings.get().withZoom(settings.get().zoom() * ZOOM_STEP));
    }

    void zoomOut() {
        settings.set(settings.get().withZoom(settings.get().zoom() / ZOOM_STEP));
    }

    /** Full screen without menus and status bar, with the larger type of the presentation style. */
    void togglePresentation() {
        boolean presenting = !root.getStyleClass().contains(PRESENTATION);
        if (presenting) {
            root.getStyleClass().add(PRESENTATION);
        } else {
            root.getStyleClass().remove(PRESENTATION);
        }
        root.getTop().setVisible(!presenting);
        root.getTop().setManaged(!presenting);
        root.getBottom().setVisible(!presenting);
        root.getBottom().setManaged(!presenting);
        stage.setFullScreen(presenting);
    }

    private void apply(Settings now) {
        String themeSheet = stylesheet(now.theme().stylesheet());
        if (!scene.getStylesheets().contains(themeSheet)) {
            scene.getStylesheets().removeIf(sheet -> Arrays.stream(Theme.values())
                    .anyMatch(theme -> sheet.endsWith("/" + theme.stylesheet())));
            scene.getStylesheets().add(themeSheet);
        }
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * now.zoom()));
    }

    private static String stylesheet(String name) {
        return Appearance.class.getResource(name).toExternalForm();
    }
}
