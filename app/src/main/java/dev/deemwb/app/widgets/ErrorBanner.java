package dev.deemwb.app.widgets;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A persistent error message with a Dismiss button; shown only while the message is not empty. */
public final class ErrorBanner extends HBox {

    /**
     * @param labelId  the message label's id (tests and stylesheets find it by it)
     * @param buttonId the Dismiss button's id
     */
    public ErrorBanner(StringProperty message, Runnable dismiss, String labelId, String buttonId) {
        super(8);
        Label error = new Label();
        error.setId(labelId);
        error.setWrapText(true);
        error.textProperty().bind(message);
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        Button close = new Button("Dismiss");
        close.setId(buttonId);
        close.setOnAction(e -> dismiss.run());
        close.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(error, close);
        getStyleClass().add("error-banner");
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(message.isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
