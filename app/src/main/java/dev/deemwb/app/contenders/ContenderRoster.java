package dev.deemwb.app.contenders;

import dev.deemwb.app.settings.EndpointEntry;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.contender.OpenAiEndpoint;
import dev.deemwb.infer.InferenceWorker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every model the screens can put on either side: the mini pair once the worker has loaded it, and the
 * configured endpoints, each connected (its {@code /v1/models} listed) the first time it is asked for,
 * on {@code connector}, never on the UI thread. Touched on the UI thread only.
 */
public final class ContenderRoster implements AutoCloseable {

    private final Executor connector;
    private final Map<String, String> environment;
    /** Contenders that need no connecting: the mini pair, and any added in process. */
    private final List<Contender> local = new ArrayList<>();
    private final Map<String, EndpointEntry> endpoints = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Contender>> connected = new LinkedHashMap<>();
    private final ObservableList<String> names = FXCollections.observableArrayList();

    private ContenderRoster(Executor connector, Map<String, String> environment) {
        this.connector = connector;
        this.environment = environment;
    }

    /** The mini pair from {@code worker} (when it has loaded) beside the endpoints set later. */
    public static ContenderRoster of(InferenceWorker worker, Executor ui, Executor connector,
                                     Map<String, String> environment) {
        ContenderRoster roster = new ContenderRoster(connector, environment);
        worker.ready().thenAccept(models -> ui.execute(() -> roster.addInProcess(MiniContender.pairOn(worker))));
        return roster;
    }

    /** A roster of in-process contenders only, until endpoints are set (tests use fakes). */
    public static ContenderRoster of(List<Contender> inProcess, Executor connector, Map<String, String> environment) {
        ContenderRoster roster = new ContenderRoster(connector, environment);
        roster.addInProcess(inProcess);
        return roster;
    }

    /** Adds contenders that need no connecting, after those there are. */
    public void addInProcess(List<Contender> contenders) {
        local.addAll(contenders);
        refreshNames();
    }

    /** Replaces the configured endpoints; those no longer configured (or changed) are closed. */
    public void setEndpoints(List<EndpointEntry> entries) {
        Map<String, EndpointEntry> next = new LinkedHashMap<>();
        entries.forEach(entry -> next.put(entry.name(), entry));
        for (String name : List.copyOf(connected.keySet())) {
            if (!next.containsKey(name) || !next.get(name).equals(endpoints.get(name))) {
                connected.remove(name).thenAccept(Contender::close);
            }
        }
        endpoints.clear();
        endpoints.putAll(next);
        refreshNames();
    }

    private void refreshNames() {
        List<String> all = new ArrayList<>(local.stream().map(Contender::id).toList());
        endpoints.keySet().stream().filter(name -> !all.contains(name)).forEach(all::add);
        // Changed in place, never replaced: a picker whose item is replaced loses its value.
        names.retainAll(all);
        for (int i = 0; i < all.size(); i++) {
            if (i >= names.size() || !names.get(i).equals(all.get(i))) {
                names.remove(all.get(i));
                names.add(i, all.get(i));
            }
        }
    }

    /** The names to choose from: the mini pair first, then the endpoints in their configured order. */
    public ObservableList<String> names() {
        return names;
    }

    /** Whether {@code name} is one of the mini models (in process, sharing one vocabulary). */
    public boolean isMini(String name) {
        return local.stream().anyMatch(c -> c instanceof MiniContender && c.id().equals(name));
    }

    public Optional<EndpointEntry> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    /** The contender named {@code name}, connecting an endpoint the first time; fails saying why. */
    public CompletableFuture<Contender> contender(String name) {
        Optional<Contender> inProcess = local.stream().filter(c -> c.id().equals(name)).findFirst();
        if (inProcess.isPresent()) {
            return CompletableFuture.completedFuture(inProcess.get());
        }
        EndpointEntry entry = endpoints.get(name);
        if (entry == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(name + (local.isEmpty()
                    ? ": the models have not loaded yet" : ": no such model is configured")));
        }
        CompletableFuture<Contender> connection = connected.get(name);
        if (connection == null || connection.isCompletedExceptionally()) {
            connection = CompletableFuture.supplyAsync(() -> connect(entry), connector);
            connected.put(name, connection);
        }
        return connection;
    }

    private Contender connect(EndpointEntry entry) {
        try {
            return OpenAiEndpoint.connect(entry.toSettings(environment));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** Closes the connected endpoints (the mini models belong to the worker). */
    @Override
    public void close() {
        connected.values().forEach(c -> c.thenAccept(Contender::close));
        connected.clear();
    }
}
