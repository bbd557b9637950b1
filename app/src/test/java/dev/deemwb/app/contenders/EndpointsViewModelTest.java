package dev.deemwb.app.contenders;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.settings.EndpointEntry;
import dev.deemwb.app.settings.Settings;
import dev.deemwb.app.settings.SettingsStore;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.Capability;
import dev.deemwb.contender.Contender;
import dev.deemwb.contender.Question;
import dev.deemwb.contender.Reply;
import dev.deemwb.serve.ChatServer;
import dev.deemwb.testing.FakeContender;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint dialog's view-model and the roster against a real server on 127.0.0.1 (the serve
 * command's, in front of two fakes): test connection lists the models, keys are read from where the
 * form says and never kept, and a configured endpoint answers as a contender.
 */
class EndpointsViewModelTest {

    private static final String KEY = "dialog-test-key-7";

    @TempDir
    static Path dir;

    private static ChatServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = ChatServer.start("127.0.0.1", 0, List.of(FakeContender.yes("alpha"), FakeContender.yes("beta")),
                ChatServer.Settings.defaults(ApiKey.fromEnvironment("K", Map.of("K", KEY))));
        url = "http://127.0.0.1:" + server.port() + "/v1";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static EndpointsViewModel dialog(Map<String, String> environment) {
        return new EndpointsViewModel(List.of(), Runnable::run, Runnable::run, environment);
    }

    @Test
    void testConnectionListsTheServedModelsWithTheKeyFromTheNamedVariable() {
        EndpointsViewModel model = dialog(Map.of("SERVE_KEY", KEY));
        model.nameProperty().set("served");
        model.baseUrlProperty().set(url);
        model.keyVariableProperty().set("SERVE_KEY");
        model.testConnection();

        assertThat(model.servedModels()).containsExactly("alpha", "beta");
        assertThat(model.messageProperty().get()).isEqualTo("connected: it serves alpha, beta");
        assertThat(model.modelIdProperty().get()).as("two models: the user picks one").isEmpty();
        assertThat(model.testingProperty().get()).isFalse();
    }

    @Test
    void aWrongKeyAMissingVariableAndAKeyFileOthersCanReadAreEachSaid() throws Exception {
        EndpointsViewModel model = dialog(Map.of("SERVE_KEY", "not-the-key"));
        model.nameProperty().set("served");
        model.baseUrlProperty().set(url);
        model.keyVariableProperty().set("SERVE_KEY");
        model.testConnection();
        assertThat(model.messageProperty().get()).contains("refused the API key").doesNotContain("not-the-key");
        assertThat(model.servedModels()).isEmpty();

        model.keyVariableProperty().set("UNSET_KEY");
        model.testConnection();
        assertThat(model.messageProperty().get()).isEqualTo("environment variable UNSET_KEY holds no API key (it is not set)");

        Path open = dir.resolve("open.key");
        Files.writeString(open, KEY, UTF_8);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        model.keyVariableProperty().set("");
        model.keyFileProperty().set(open.toString());
        model.testConnection();
        assertThat(model.messageProperty().get()).contains("readable by its owner only").contains("chmod 600");
    }

    @Test
    void addedEndpointsAreSavedWithWhereTheirKeyIsNeverTheKey() throws Exception {
        EndpointsViewModel model = dialog(Map.of("SERVE_KEY", KEY));
        model.nameProperty().set("deem");
        model.baseUrlProperty().set(url);
        assertThat(model.add()).isFalse();
        assertThat(model.messageProperty().get()).contains("mini models' names");
        model.nameProperty().set("bad name");
        assertThat(model.add()).isFalse();
        model.nameProperty().set("served");
        model.baseUrlProperty().set("ftp://example");
        assertThat(model.add()).isFalse();
        assertThat(model.messageProperty().get()).contains("http://host");

        model.baseUrlProperty().set(url);
        model.modelIdProperty().set("beta");
        model.keyVariableProperty().set("SERVE_KEY");
        model.testConnection();
        assertThat(model.add()).isTrue();
        List<EndpointEntry> result = model.result();
        assertThat(result).containsExactly(new EndpointEntry("served", url, "beta", "SERVE_KEY", ""));

        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.DEFAULTS.withEndpoints(result));
        assertThat(Files.readString(dir.resolve("settings.json"), UTF_8)).contains("SERVE_KEY").doesNotContain(KEY);
        assertThat(store.load().endpoints()).isEqualTo(result);
    }

    @Test
    void okAddsAFilledFormNotYetAddedAndRefusesAnInvalidOne() {
        EndpointsViewModel model = dialog(Map.of());
        assertThat(model.addPendingForm()).as("an empty form adds nothing").isTrue();
        assertThat(model.result()).isEmpty();

        model.nameProperty().set("served");
        model.baseUrlProperty().set(url);
        assertThat(model.addPendingForm()).isTrue();
        assertThat(model.addPendingForm()).as("already added").isTrue();
        assertThat(model.result()).containsExactly(new EndpointEntry("served", url, "", "", ""));

        model.baseUrlProperty().set("not a url");
        assertThat(model.addPendingForm()).isFalse();
        assertThat(model.messageProperty().get()).contains("not a URL");
        assertThat(model.result()).containsExactly(new EndpointEntry("served", url, "", "", ""));
    }

    @Test
    void theRequestSettingsAreSavedReachTheClientAndABadOneIsNamed() throws Exception {
        EndpointsViewModel model = dialog(Map.of());
        assertThat(model.concurrencyProperty().get()).as("the form starts at the defaults").isEqualTo("8");
        model.nameProperty().set("served");
        model.baseUrlProperty().set(url);
        model.concurrencyProperty().set("three");
        assertThat(model.add()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("the concurrency is a whole number, not 'three'");
        model.concurrencyProperty().set("0");
        assertThat(model.add()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("served: the concurrency must be at least 1, was 0");
        model.testConnection();
        assertThat(model.messageProperty().get()).as("test connection checks them too")
                .isEqualTo("served: the concurrency must be at least 1, was 0");

        model.concurrencyProperty().set("2");
        model.timeoutSecondsProperty().set("5");
        model.longestSideProperty().set("336");
        model.imageFormatProperty().set("jpeg");
        model.retriesProperty().set("1");
        model.maxTokensProperty().set("");
        assertThat(model.add()).isTrue();
        EndpointEntry saved = model.result().get(0);
        assertThat(saved.requests()).isEqualTo(new EndpointEntry.Requests(336, "jpeg",
                EndpointEntry.Requests.DEFAULTS.maxTokens(), 5, 2, 1));
        var settings = saved.toSettings(Map.of());
        assertThat(settings.concurrency()).isEqualTo(2);
        assertThat(settings.timeout()).hasSeconds(5);
        assertThat(settings.longestSide()).isEqualTo(336);
        assertThat(settings.imageFormat()).isEqualTo("jpeg");
        assertThat(settings.retries()).isEqualTo(1);

        SettingsStore store = new SettingsStore(dir.resolve("requests.json"));
        store.save(Settings.DEFAULTS.withEndpoints(model.result()));
        assertThat(store.load().endpoints()).containsExactly(saved);

        model.edit(new EndpointEntry("other", url, "", "", ""));
        assertThat(model.concurrencyProperty().get()).as("editing shows the entry's own settings").isEqualTo("8");
        model.edit(saved);
        assertThat(model.timeoutSecondsProperty().get()).isEqualTo("5");
    }

    @Test
    void settingsWrittenBeforeRequestSettingsExistedReadWithTheDefaults() throws Exception {
        Path file = dir.resolve("old-settings.json");
        Files.writeString(file, "{\"endpoints\":[{\"name\":\"old\",\"baseUrl\":\"" + url + "\",\"modelId\":\"\","
                + "\"apiKeyEnv\":\"\",\"apiKeyFile\":\"\"}]}", UTF_8);
        EndpointEntry old = new SettingsStore(file).load().endpoints().get(0);
        assertThat(old.requests()).isEqualTo(EndpointEntry.Requests.DEFAULTS);
        assertThat(old.toSettings(Map.of()).concurrency()).isEqualTo(8);
    }

    @Test
    void aConfiguredEndpointIsAContenderThatAnswersAndCannotReconstruct() throws Exception {
        ContenderRoster roster = ContenderRoster.of(List.of(), Runnable::run, Map.of("SERVE_KEY", KEY));
        roster.setEndpoints(List.of(new EndpointEntry("served", url, "alpha", "SERVE_KEY", "")));
        assertThat(roster.names()).containsExactly("served");
        assertThat(roster.isMini("served")).isFalse();

        Contender served = roster.contender("served").get(10, TimeUnit.SECONDS);
        assertThat(served.capabilities()).doesNotContain(Capability.RECONSTRUCTION);
        List<Reply> replies = served.answer(List.of(new Question(served.prepare(new BufferedImage(8, 8,
                BufferedImage.TYPE_INT_RGB)), "Is there a dog?"))).get(10, TimeUnit.SECONDS);
        assertThat(replies).extracting(Reply::text).containsExactly("yes");
        assertThat(roster.contender("served").get(10, TimeUnit.SECONDS)).as("connected once").isSameAs(served);

        roster.setEndpoints(List.of());
        assertThat(roster.names()).isEmpty();
        assertThat(roster.contender("served")).isCompletedExceptionally();
        roster.close();
    }
}
