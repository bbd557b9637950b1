package dev.deemwb.app.contenders;

import dev.deemwb.app.settings.EndpointEntry;
import dev.deemwb.contender.EndpointException;
import dev.deemwb.contender.EndpointSettings;
import dev.deemwb.contender.OpenAiEndpoint;
import dev.deemwb.infer.InferenceWorker;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The endpoint dialog's state, free of any view: the endpoints configured so far, and a form for one
 * more whose connection can be tested (its {@code /v1/models} listed, on {@code connector}) before it
 * is added. Keys are only ever read, for the test, from the variable or file named: what this gives
 * back to the settings holds where the key is, never the key.
 */
public final class EndpointsViewModel {

    private static final Set<String> RESERVED = Set.of("baseline", "deem");

    private final Executor ui;
    private final Executor connector;
    private final Map<String, String> environment;
    private final ObservableList<EndpointEntry> endpoints = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("http://127.0.0.1:8000/v1");
    private final StringProperty modelId = new SimpleStringProperty("");
    private final StringProperty keyVariable = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty longestSide = new SimpleStringProperty();
    private final StringProperty imageFormat = new SimpleStringProperty();
    private final StringProperty maxTokens = new SimpleStringProperty();
    private final StringProperty timeoutSeconds = new SimpleStringProperty();
    private final StringProperty concurrency = new SimpleStringProperty();
    private final StringProperty retries = new SimpleStringProperty();
    private final ObservableList<String> servedModels = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty testing = new SimpleBooleanProperty();

    public EndpointsViewModel(List<EndpointEntry> configured, Executor ui, Executor connector,
                              Map<String, String> environment) {
        this.ui = ui;
        this.connector = connector;
        this.environment = environment;
        endpoints.setAll(configured);
        showRequests(EndpointEntry.Requests.DEFAULTS);
    }

    /**
     * The endpoint the form describes.
     *
     * @throws IllegalArgumentException naming the request field that is not a whole number
     */
    public EndpointEntry formEntry() {
        EndpointEntry.Requests requests = new EndpointEntry.Requests(whole("the longest image side", longestSide),
                imageFormat.get(), whole("max tokens", maxTokens), whole("the timeout", timeoutSeconds),
                whole("the concurrency", concurrency), whole("the retries", retries));
        return new EndpointEntry(name.get(), baseUrl.get(), modelId.get(), keyVariable.get(), keyFile.get(), requests);
    }

    private static Integer whole(String what, StringProperty field) {
        String text = field.get() == null ? "" : field.get().strip();
        if (text.isEmpty()) {
            return null; // the default
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is a whole number, not '" + text + "'");
        }
    }

    private void showRequests(EndpointEntry.Requests requests) {
        longestSide.set(Integer.toString(requests.longestSide()));
        imageFormat.set(requests.imageFormat());
        maxTokens.set(Integer.toString(requests.maxTokens()));
        timeoutSeconds.set(Integer.toString(requests.timeoutSeconds()));
        concurrency.set(Integer.toString(requests.concurrency()));
        retries.set(Integer.toString(requests.retries()));
    }

    /** Lists the form's server's models; a model id left blank takes the only one it serves. */
    public void testConnection() {
        EndpointSettings settings;
        try {
            settings = formEntry().withModelId("").toSettings(environment);
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return;
        }
        testing.set(true);
        message.set("connecting to " + settings.baseUrl() + "…");
        CompletableFuture.supplyAsync(() -> served(settings), connector).whenComplete((models, failure) ->
                ui.execute(() -> {
                    testing.set(false);
                    if (failure != null) {
                        servedModels.clear();
                        message.set(InferenceWorker.failureMessage(failure));
                        return;
                    }
                    servedModels.setAll(models);
                    if (modelId.get().isBlank() && models.size() == 1) {
                        modelId.set(models.get(0));
                    }
                    message.set(String.format(Locale.ROOT, "connected: it serves %s", models.isEmpty() ? "no models"
                            : String.join(", ", models)) + (models.isEmpty() || models.contains(modelId.get())
                            || modelId.get().isBlank() ? "" : "; not '" + modelId.get() + "'"));
                }));
    }

    private static List<String> served(EndpointSettings settings) {
        try {
            return OpenAiEndpoint.servedModels(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (EndpointException e) {
            throw new CompletionException(e);
        }
    }

    /** Adds the form's endpoint (replacing one of the same name); false, saying why, if it is not valid. */
    public boolean add() {
        EndpointEntry entry;
        try {
            entry = formEntry();
            entry.check();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        if (RESERVED.contains(entry.name())) {
            message.set("'" + entry.name() + "' is one of the mini models' names; pick another");
            return false;
        }
        endpoints.removeIf(existing -> existing.name().equals(entry.name()));
        endpoints.add(entry);
        message.set("added " + entry.name());
        return true;
    }

    /**
     * Before the dialog closes with OK: a form filled in but not added is added (a user who pressed OK
     * meant it); false, saying why, when it cannot be, so the dialog stays open.
     */
    public boolean addPendingForm() {
        if (name.get() == null || name.get().isBlank()) {
            return true;
        }
        try {
            if (endpoints.contains(formEntry())) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        return add();
    }

    /** Puts {@code entry} in the form, to be changed and added again. */
    public void edit(EndpointEntry entry) {
        name.set(entry.name());
        baseUrl.set(entry.baseUrl());
        modelId.set(entry.modelId());
        keyVariable.set(entry.apiKeyEnv());
        keyFile.set(entry.apiKeyFile());
        showRequests(entry.requests());
        servedModels.clear();
        message.set("");
    }

    public void remove(EndpointEntry entry) {
        endpoints.remove(entry);
    }

    /** What the settings keep: the endpoints as configured, without keys. */
    public List<EndpointEntry> result() {
        return List.copyOf(endpoints);
    }

    public ObservableList<EndpointEntry> endpoints() {
        return endpoints;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelIdProperty() {
        return modelId;
    }

    public StringProperty keyVariableProperty() {
        return keyVariable;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty longestSideProperty() {
        return longestSide;
    }

    public StringProperty imageFormatProperty() {
        return imageFormat;
    }

    public StringProperty maxTokensProperty() {
        return maxTokens;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty retriesProperty() {
        return retries;
    }

    public ObservableList<String> servedModels() {
        return servedModels;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }
}
