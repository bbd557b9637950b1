package dev.deemwb.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.Side;
import dev.deemwb.app.probes.ProbesViewModel;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.contender.ApiKey;
import dev.deemwb.contender.MiniContender;
import dev.deemwb.eval.BenchmarkKind;
import dev.deemwb.eval.ComparedPair;
import dev.deemwb.eval.Outcome;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.RunReport;
import dev.deemwb.infer.InferenceWorker;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.serve.ChatServer;
import dev.deemwb.testing.TestBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An OpenAI-compatible endpoint end to end, headless: {@code ./deemwb serve}'s server, started here on
 * 127.0.0.1 with a key, serves the same small untrained bundle the workbench loads; it is configured in
 * the endpoint dialog (test connection lists its models), compared against mini DEEM in the compare
 * screen — the same model through HTTP answers as in process, and says it cannot reconstruct — and
 * runs a small POPE split in the probes screen as one of the compared pair.
 */
@ExtendWith(ApplicationExtension.class)
class EndpointScreensTest {

    private static final String KEY = "endpoint-screens-key-42";

    @TempDir
    static Path dir;

    private static InferenceWorker serverWorker;
    private static ChatServer server;
    private static Path keyFile;
    private WorkbenchApp app;

    @BeforeAll
    static void setUp() throws IOException {
        Path bundle = TestBundles.untrained(dir.resolve("bundle"));
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(8, 6, 2, 4, 64), dir.resolve("suite"));
        keyFile = dir.resolve("serve.key");
        Files.writeString(keyFile, KEY + "\n", UTF_8);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        serverWorker = InferenceWorker.start(bundle);
        server = ChatServer.start("127.0.0.1", 0, MiniContender.pairOn(serverWorker),
                ChatServer.Settings.defaults(ApiKey.fromEnvironment("KEY", Map.of("KEY", KEY))));
        WorkbenchProperties.use(bundle, dir);
    }

    @AfterAll
    static void stop() {
        server.close();
        serverWorker.close();
    }

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
    }

    /** Closes the window's worker: a reconstruction it left running would take the cores from the next test. */
    @Stop
    void closeWindow() {
        app.stop();
    }

    @Test
    void anEndpointIsConfiguredComparedAgainstMiniDeemAndRunsAPopeSplit(FxRobot robot) throws Exception {
        CompareViewModel compare = app.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.statusProperty().get().startsWith("ready on"));

        robot.clickOn("#configureEndpoints");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#endpointName").write("served");
        TextField url = robot.lookup("#endpointUrl").queryAs(TextField.class);
        robot.interact(url::clear);
        robot.clickOn(url).write("http://127.0.0.1:" + server.port() + "/v1");
        robot.clickOn("#endpointKeyFile").write(keyFile.toString());
        robot.clickOn("#testConnection");
        ComboBox<String> models = robot.lookup("#endpointModel").queryComboBox();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> models.getItems().size() == 2);
        assertThat(models.getItems()).containsExactly("baseline", "deem");
        assertThat(robot.lookup("#endpointMessage").queryAs(Label.class).getText())
                .isEqualTo("connected: it serves baseline, deem");
        robot.interact(() -> models.setValue("deem"));
        robot.clickOn("#endpointRequests");
        TextField concurrency = robot.lookup("#endpointConcurrency").queryAs(TextField.class);
        robot.interact(concurrency::clear);
        robot.clickOn(concurrency).write("3");
        robot.clickOn("#addEndpoint");
        DialogPane dialog = robot.lookup("#endpointDialog").queryAs(DialogPane.class);
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        // Persisted with where its key is, never the key.
        Path settings = dir.resolve("settings.json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(settings)
                && Files.readString(settings, UTF_8).contains("served"));
        String saved = Files.readString(settings, UTF_8);
        assertThat(saved).contains("\"baseUrl\" : \"http://127.0.0.1:" + server.port() + "/v1\"")
                .contains("\"modelId\" : \"deem\"").contains("\"concurrency\" : 3").contains(keyFile.toString())
                .doesNotContain(KEY);

        ComboBox<String> left = robot.lookup("#leftContender").queryComboBox();
        assertThat(left.getItems()).containsExactly("baseline", "deem", "served");
        assertThat(robot.lookup("#rightContender").queryComboBox().getValue()).isEqualTo("deem");
        robot.interact(() -> left.setValue("served"));
        robot.interact(() -> compare.show(new ImageSources(ModelConfig.tiny().imageSize()).randomScene(12)));
        robot.clickOn("#question").write("How many objects are there?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !compare.busyProperty().get()
                && compare.card(Side.RIGHT).reconstruction().size() == ReconstructionDefaults.STEPS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#leftTitle").queryAs(Label.class).getText()).isEqualTo("served");
        assertThat(robot.lookup("#rightTitle").queryAs(Label.class).getText()).isEqualTo("deem");
        String served = robot.lookup("#leftAnswer").queryAs(Label.class).getText();
        assertThat(served).as("mini DEEM through the server answers as in process")
                .isNotEmpty().isEqualTo(robot.lookup("#rightAnswer").queryAs(Label.class).getText());
        assertThat(robot.lookup("#leftReconstructionNote").queryAs(Label.class).getText())
                .startsWith("no reconstruction for this model");
        assertThat(robot.lookup("#leftReconstruction").query().isVisible()).isFalse();
        assertThat(robot.lookup("#rightReconstructionNote").queryAs(Label.class).getText()).isEmpty();
        assertThat(compare.errorProperty().get()).isEmpty();

        ProbesViewModel probes = app.probes();
        robot.clickOn("Probes");
        robot.interact(() -> robot.lookup("#probeFirst").queryComboBox().setValue("served"));
        robot.interact(() -> probes.runFile(BenchmarkKind.POPE, dir.resolve("suite/pope/mini_pope_popular.jsonl"),
                dir.resolve("suite/pope/images")));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !probes.runningProperty().get()
                && probes.results().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(probes.errorProperty().get()).isEmpty();
        assertThat(robot.lookup("#probeProgressText").queryAs(Label.class).getText()).startsWith("done: 36 items")
                .contains(" items/s").containsPattern("served p50 \\d+ / p90 \\d+ ms")
                .containsPattern("deem p50 \\d+ / p90 \\d+ ms");
        RunReport report = probes.results().reportProperty().get();
        assertThat(report.compared()).isEqualTo(new ComparedPair("served", "deem"));
        assertThat(report.records()).hasSize(36).allSatisfy(record -> {
            assertThat(record.answers()).containsKeys("baseline", "deem", "served");
            RunRecord.ModelAnswer viaServer = record.answers().get("served");
            assertThat(viaServer.answer()).isEqualTo(record.answers().get("deem").answer());
            assertThat(viaServer.latencyMillis()).isPositive();
        });
        // The same model on both sides of the 2×2: it never disagrees with itself.
        assertThat(probes.results().cellsProperty().get().get(Outcome.ONLY_BASELINE_RIGHT)).isEmpty();
        assertThat(probes.results().cellsProperty().get().get(Outcome.ONLY_DEEM_RIGHT)).isEmpty();
        assertThat(report.scores()).containsKeys("baseline", "deem", "served");
        assertThat(robot.lookup("#cell-only_baseline_right").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("only served right\n0");
    }
}
