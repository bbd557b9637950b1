package dev.deemwb.app.contenders;

import dev.deemwb.app.settings.EndpointEntry;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The endpoint dialog: the configured OpenAI-compatible endpoints, and a form to add one — name, API
 * root, model (listed by "Test connection"), and where its key is read from. OK hands the list to
 * {@code onSave}; all state lives in the {@link EndpointsViewModel}.
 */
public final class EndpointDialog extends Dialog<List<EndpointEntry>> {

    public EndpointDialog(Window owner, EndpointsViewModel model, Consumer<List<EndpointEntry>> onSave) {
        initOwner(owner);
        setTitle("Endpoints");
        setHeaderText("OpenAI-compatible servers (vLLM, Ollama, llama.cpp, ./deemwb serve…) to compare");
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setId("endpointDialog");
        getDialogPane().setContent(new VBox(10, list(model), form(model)));
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.addPendingForm()) {
                e.consume(); // the form says why; nothing is lost
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? model.result() : null);
        setOnHidden(e -> {
            if (getResult() != null) {
                onSave.accept(getResult());
            }
        });
    }

    private static VBox list(EndpointsViewModel model) {
        ListView<EndpointEntry> list = new ListView<>(model.endpoints());
        list.setId("endpointList");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No endpoints yet: fill in the form below and press Add."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(EndpointEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.name() + " — " + entry.baseUrl()
                        + (entry.modelId().isEmpty() ? "" : " #" + entry.modelId()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null) {
                model.edit(entry);
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeEndpoint");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.remove(list.getSelectionModel().getSelectedItem()));
        return new VBox(6, list, remove);
    }

    private static VBox form(EndpointsViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField name = field("endpointName", model.nameProperty(), "llava");
        TextField url = field("endpointUrl", model.baseUrlProperty(), "http://127.0.0.1:8000/v1");
        url.setPrefColumnCount(28);
        ComboBox<String> modelId = new ComboBox<>(model.servedModels());
        modelId.setId("endpointModel");
        modelId.setEditable(true);
        modelId.setPromptText("blank: the only one served");
        modelId.valueProperty().bindBidirectional(model.modelIdProperty());
        TextField keyVariable = field("endpointKeyEnv", model.keyVariableProperty(), "VLLM_KEY");
        keyVariable.setTooltip(new Tooltip("The NAME of the environment variable holding the key; the key is never saved"));
        TextField keyFile = field("endpointKeyFile", model.keyFileProperty(), "/home/you/.vllm-key (chmod 600)");
        grid.addRow(0, new Label("name"), name);
        grid.addRow(1, new Label("API root"), url);
        grid.addRow(2, new Label("model"), modelId);
        grid.addRow(3, new Label("key variable"), keyVariable);
        grid.addRow(4, new Label("or key file"), keyFile);
        Button test = new Button("Test connection");
        test.setId("testConnection");
        test.disableProperty().bind(model.testingProperty());
        test.setOnAction(e -> model.testConnection());
        Button add = new Button("Add");
        add.setId("addEndpoint");
        add.setOnAction(e -> model.add());
        Label message = new Label();
        message.setId("endpointMessage");
        message.setWrapText(true);
        message.setMaxWidth(460);
        message.textProperty().bind(model.messageProperty());
        VBox form = new VBox(8, grid, requests(model), new HBox(8, test, add), message);
        form.setPadding(new Insets(6, 0, 0, 0));
        return form;
    }

    /** How the endpoint is asked; folded away, since the defaults suit most servers. */
    private static TitledPane requests(EndpointsViewModel model) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ComboBox<String> format = new ComboBox<>(FXCollections.observableArrayList("png", "jpeg"));
        format.setId("endpointImageFormat");
        format.valueProperty().bindBidirectional(model.imageFormatProperty());
        grid.addRow(0, new Label("longest image side (px)"), number("endpointLongestSide", model.longestSideProperty()),
                new Label("image format"), format);
        grid.addRow(1, new Label("concurrent requests"), number("endpointConcurrency", model.concurrencyProperty()),
                new Label("timeout (s)"), number("endpointTimeout", model.timeoutSecondsProperty()));
        grid.addRow(2, new Label("retries"), number("endpointRetries", model.retriesProperty()),
                new Label("max tokens"), number("endpointMaxTokens", model.maxTokensProperty()));
        TitledPane pane = new TitledPane("Requests", grid);
        pane.setId("endpointRequests");
        pane.setExpanded(false);
        return pane;
    }

    private static TextField number(String id, javafx.beans.property.StringProperty value) {
        TextField field = field(id, value, "");
        field.setPrefColumnCount(5);
        return field;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
