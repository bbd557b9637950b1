package dev.deemwb.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.app.compare.Side;
import dev.deemwb.app.compare.CompareViewModel;
import dev.deemwb.app.compare.ImageSources;
import dev.deemwb.app.compare.LoadedImage;
import dev.deemwb.infer.ReconstructionDefaults;
import dev.deemwb.model.ModelConfig;
import dev.deemwb.testing.Heavy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 50 times, a random scene is drawn the way Ctrl+R draws it (on the app's image loader), and both shipped
 * models answer a question about it and reconstruct it in 20 steps, while a pulse listener records,
 * between every two frames, the wall-clock gap and the CPU time the FX thread itself spent. Both maxima
 * are printed; the report quotes them.
 *
 * <p>The requirement (the FX thread never busy for more than 50 ms) is asserted on the CPU time: it
 * counts only what the FX thread computes, so other processes on a loaded 2-core CI machine do not
 * inflate it, while decoding, drawing or large conversions put back on the FX thread show up in it
 * (drawing each scene there, as the app once did, peaked at 58–73 ms; now the peak is 19–25 ms, on the
 * first, cold request, whatever else runs). The wall-clock gap is printed, not asserted: it also holds
 * the software renderer's painting, GC pauses and every other process's turn on the CPU (on this 2-core
 * machine 37–50 ms idle, 66–81 ms beside two busy processes, and past a second beside another build,
 * with nothing wrong in the app). That the UI never waits for the worker is tested without any timing
 * in {@code CompareViewModelTest}.
 */
@ExtendWith(ApplicationExtension.class)
@Heavy
class ResponsivenessTest {

    private static final int REQUESTS = 50;
    private static final Path BUNDLE = Path.of("..", "assets", "models", "mini-deem");

    private WorkbenchApp app;

    @Start
    void start(Stage stage) {
        System.setProperty("deemwb.bundle", BUNDLE.toString());
        System.setProperty("deemwb.samples", Path.of("..", "sample-images").toString());
        System.setProperty("deemwb.settings", Path.of("target", "responsiveness-settings.json").toString());
        app = new WorkbenchApp();
        app.start(stage);
    }

    /** Closes the window's worker: a reconstruction it left running would take the cores from the next test. */
    @Stop
    void closeWindow() {
        app.stop();
    }

    @Test
    void theFxThreadKeepsPulsingWhileTheModelsWork(FxRobot robot) throws Exception {
        // Skipped (and reported as skipped), not passed, in a checkout without the shipped bundle.
        Assumptions.assumeTrue(Files.isDirectory(BUNDLE), "no shipped bundle");
        CompareViewModel model = app.model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("ready on"));
        FrameGaps gaps = new FrameGaps();
        assertThat(gaps.threads.isCurrentThreadCpuTimeSupported() && gaps.threads.isThreadCpuTimeEnabled())
                .as("this JVM measures thread CPU time").isTrue();
        robot.interact(gaps::start);
        ImageSources sources = new ImageSources(ModelConfig.standard().imageSize());
        for (int i = 0; i < REQUESTS; i++) {
            int seed = i;
            String source = "random scene, seed " + seed;
            robot.interact(() -> model.load(() -> sources.randomScene(seed), () -> {
                model.questionProperty().set("How many objects are there?");
                model.ask();
            }));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                LoadedImage shown = model.imageProperty().get();
                return shown != null && shown.source().equals(source)
                        && model.card(Side.RIGHT).reconstruction().size() == ReconstructionDefaults.STEPS
                        && !model.busyProperty().get();
            });
        }
        robot.interact(gaps::stop);

        System.out.printf(Locale.ROOT, "responsiveness: over %d asks with reconstructions, %d frames: longest gap "
                        + "between frames %.1f ms, most FX-thread CPU between two frames %.1f ms%n", REQUESTS,
                gaps.frames, gaps.longestGapNanos / 1e6, gaps.mostCpuNanos / 1e6);
        assertThat(gaps.mostCpuNanos / 1e6).as("FX-thread CPU between two frames, ms").isLessThan(50);
    }

    /** Runs on the FX thread: each frame, the time and the FX thread's CPU time since the last frame. */
    private static final class FrameGaps extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long lastFrame;
        private long lastCpu;
        private int frames;
        private long longestGapNanos;
        private long mostCpuNanos;

        @Override
        public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            if (lastFrame != 0) {
                frames++;
                longestGapNanos = Math.max(longestGapNanos, now - lastFrame);
                mostCpuNanos = Math.max(mostCpuNanos, cpu - lastCpu);
            }
            lastFrame = now;
            lastCpu = cpu;
        }
    }
}
