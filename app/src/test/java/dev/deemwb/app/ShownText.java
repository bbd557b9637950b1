package dev.deemwb.app;

import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What a label draws: its text, or the text cut with an ellipsis when its width is too small for it. */
public final class ShownText {

    private ShownText() {
    }

    /** Call after layout, on the FX thread or with the scene idle. */
    public static String of(Labeled label) {
        return ((Text) label.lookup(".text")).getText();
    }
}
