package dev.deemwb.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.deemwb.bundle.Bundles;
import dev.deemwb.engine.DjlSetup;
import dev.deemwb.infer.Answer;
import dev.deemwb.infer.MiniDeem;
import dev.deemwb.io.ImageFiles;
import dev.deemwb.io.Json;
import dev.deemwb.model.MiniDeemModels;
import dev.deemwb.model.Variant;
import dev.deemwb.numerics.NumericsCheck;
import dev.deemwb.numerics.NumericsReport;
import dev.deemwb.numerics.SafeKernels;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.SampleImages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code --self-test} of an installed workbench: picks the instruction-set cap as every start does, loads
 * the bundle, runs the numerics check, asks one sample's question of both models, and exits 0 — or 1 with
 * the reason. Everything it writes (the kernel verdict, DJL's extracted natives) goes to one temporary
 * folder, deleted on exit, so a check of an installation leaves the user's folders untouched.
 */
public final class SelfTest {

    /** The sample whose first suggested question is asked. */
    static final String SAMPLE = "orientation-1";

    private SelfTest() {
    }

    /**
     * Runs the self-test on the bundle and samples the launcher names ({@code deemwb.bundle},
     * {@code deemwb.samples}; else the repository's folders) and exits with its status. May first restart
     * the program with a kernel cap, as every start does; the restarted self-test's status is then the exit status.
     */
    public static void main(String[] args) {
        Path bundle = Path.of(System.getProperty("deemwb.bundle", "assets/models/mini-deem"));
        Path samples = Path.of(System.getProperty("deemwb.samples", "sample-images"));
        System.exit(run(bundle, samples, System.out));
    }

    static int run(Path bundle, Path samples, PrintStream out) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("deemwb-self-test-");
        } catch (IOException e) {
            out.println("self-test FAILED: cannot create a temporary folder: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(scratch)));
        try {
            return check(bundle, samples, scratch, out);
        } catch (RuntimeException | IOException e) {
            out.println("self-test FAILED: " + UserErrors.describe(e));
            return 1;
        }
    }

    private static int check(Path bundle, Path samples, Path scratch, PrintStream out) throws IOException {
        out.println("self-test: scratch folder " + scratch + " (deleted on exit)");
        // Set first: the kernel check's child JVMs extract the natives there too.
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", scratch.resolve("djl").toString());
        }
        System.setProperty(SafeKernels.JNA_TEMP_PROPERTY, scratch.resolve("jna").toString());
        // Before the engine loads: this CPU's kernels are checked in child JVMs and, where they are wrong,
        // this program restarts capped (the restarted self-test then gets here with the cap set).
        SafeKernels.relaunchIfNeeded(out, scratch.resolve("cache"));
        out.println("kernels   " + SafeKernels.inEffect().source());
        DjlSetup.configure();

        // What the installation must hold is checked before the engine starts (seconds).
        Bundles.readManifest(bundle);
        Path image = samples.resolve(SAMPLE + ".png");
        Path sidecar = samples.resolve(SAMPLE + ".json");
        if (!Files.isRegularFile(image) || !Files.isRegularFile(sidecar)) {
            out.println("self-test FAILED: the sample " + image + " (with " + sidecar.getFileName()
                    + ") is missing: the sample-images folder is not where the launcher says (deemwb.samples)");
            return 1;
        }
        List<QaPair> questions = Json.mapper().readValue(sidecar.toFile(), SampleImages.Sample.class)
                .suggestedQuestions();
        if (questions == null || questions.isEmpty()) {
            out.println("self-test FAILED: " + sidecar + " suggests no question");
            return 1;
        }
        QaPair asked = questions.get(0);

        Engine engine = Engine.getInstance();
        out.printf("engine    %s %s on %s%n", engine.getEngineName(), engine.getVersion(), engine.defaultDevice());
        out.println("bundle    " + bundle.toAbsolutePath());
        try (NDManager manager = NDManager.newBaseManager(); MiniDeemModels models = Bundles.load(bundle, manager)) {
            NumericsReport report = new NumericsCheck().check(manager, models);
            if (!report.passed()) {
                out.println("self-test FAILED: the numerics check did not pass:");
                out.println(report.failureMessage());
                return 1;
            }
            out.printf(Locale.ROOT, "numerics  passed: %d checks, the worst at %.1f %% of its tolerance%n",
                    report.findings().size(), 100 * report.worstMargin());

            MiniDeem deem = new MiniDeem(models);
            float[] input = deem.input(ImageFiles.read(image));
            out.println("question  " + asked.question() + " (" + image.getFileName() + "; true answer: "
                    + asked.answer() + ")");
            for (Variant variant : Variant.values()) {
                Answer answer = deem.answer(variant, List.of(input), List.of(asked.question())).get(0);
                if (answer.text().isBlank()) {
                    out.println("self-test FAILED: " + variant.displayName() + " gave no answer");
                    return 1;
                }
                out.printf(Locale.ROOT, "answer    %s: %s (%.1f ms)%n", variant.displayName(), answer.text(),
                        answer.latencyMillis());
            }
        }
        out.println("self-test passed");
        return 0;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("self-test: could not delete " + root + ": " + e.getMessage());
        }
    }
}
