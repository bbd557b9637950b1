package dev.deemwb.numerics;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.deemwb.engine.EngineLogFilter;
import dev.deemwb.io.AppDirs;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import dev.deemwb.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Correct kernels in every program that starts the engine. oneDNN reads {@value #ISA_VARIABLE} from
 * the environment when it first runs, and Java cannot change its own environment, so a program's
 * {@code main} calls {@link #relaunchIfNeeded} first: on a CPU whose default kernels fail the
 * {@link NumericsCheck}, it runs the same command again with the highest instruction set that
 * passes, and exits with its status.
 *
 * <p>Which instruction set passes is found once per CPU, engine and check version, each candidate
 * checked in a child JVM (the first convolution fixes a process's kernels for good), and cached in
 * the user's cache folder. Capping is not free — on an AVX-512 EPYC the UNet's training step took
 * 2.8× as long at {@value #SAFE_ISA} — so CPUs whose defaults are right keep them.
 */
public final class SafeKernels {

    public static final String ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** The lowest x86-64 level oneDNN builds kernels for; measured right where AVX-512 and AVX2 were wrong. */
    public static final String SAFE_ISA = "SSE41";
    /** No cap: the engine's own choice. */
    public static final String DEFAULT = "default";
    /** Tried in this order; the first that passes is used. */
    static final List<String> CANDIDATES = List.of(DEFAULT, "AVX2", SAFE_ISA);
    /** Raised when the check changes, so verdicts of an older check are not trusted. */
    static final int CHECK_VERSION = 1;
    private static final long PROBE_TIMEOUT_SECONDS = 300;
    /** Set in a relaunched process, so it can say the cap was ours, not its caller's. */
    private static final String CHOSEN_MARKER = "DEEMWB_KERNELS_CHOSEN";
    private static final String JPACKAGE_MARKER = "_JPACKAGE_LAUNCHER";
    /** JNA (DJL's GPU probe) unpacks its library under the user's cache folder unless told otherwise. */
    public static final String JNA_TEMP_PROPERTY = "jna.tmpdir";

    private SafeKernels() {
    }

    /**
     * What was found for one CPU: the instruction set to run at, and why each higher one was refused.
     *
     * @param isa      {@link #DEFAULT}, a value for {@value #ISA_VARIABLE}, or null when none passed
     * @param refused  per refused candidate, the check's first failure
     */
    public record Verdict(String cpu, List<String> flags, String engine, int checkVersion, String isa,
                          Map<String, String> refused, Instant checked) {
    }

    /** The cap this process runs with, and where it came from. */
    public record InEffect(String isa, String source) {
    }

    public static InEffect inEffect() {
        String isa = System.getenv(ISA_VARIABLE);
        if (isa == null) {
            return new InEffect(DEFAULT, "no cap in the environment: the engine's default kernels");
        }
        String source = System.getenv(CHOSEN_MARKER) != null ? ", chosen by this CPU's kernel check" : ", set by the caller";
        return new InEffect(isa, ISA_VARIABLE + "=" + isa + source);
    }

    /**
     * In a program's {@code main}, before anything loads the engine: returns when this process may
     * go on (its kernels are right, a cap is already set, or nothing better can be done), else runs
     * the same command capped and exits with its exit status.
     */
    public static void relaunchIfNeeded(PrintStream log) {
        relaunchIfNeeded(log, AppDirs.cache());
    }

    /** As {@link #relaunchIfNeeded(PrintStream)}, with the verdict cached under {@code cacheDir} (a self-test's scratch folder). */
    public static void relaunchIfNeeded(PrintStream log, Path cacheDir) {
        if (System.getenv(ISA_VARIABLE) != null) {
            return;
        }
        Verdict verdict = verdict(cacheDir, log);
        if (verdict.isa() == null) {
            log.println("warning: no instruction-set cap made this CPU's kernels pass the numerics check; "
                    + "training will refuse to start (./deemwb doctor says why)");
            return;
        }
        if (verdict.isa().equals(DEFAULT)) {
            return;
        }
        Optional<List<String>> command = ownCommand();
        if (command.isEmpty()) {
            log.println("warning: cannot restart with " + ISA_VARIABLE + "=" + verdict.isa() + " (this platform "
                    + "does not tell a process its own command line); set it yourself: " + NumericsReport.FIX);
            return;
        }
        System.exit(run(command.get(), verdict.isa()));
    }

    /** The cached verdict for this CPU, or a new one (seconds, once per machine). */
    public static Verdict verdict(PrintStream log) {
        return verdict(AppDirs.cache(), log);
    }

    static Verdict verdict(Path cacheDir, PrintStream log) {
        Path file = verdictFile(cacheDir);
        Optional<Verdict> cached = read(file);
        if (cached.isPresent()) {
            return cached.get();
        }
        log.println("checking this CPU's float32 kernels (once per machine, a few seconds)...");
        Verdict verdict = probe();
        try {
            AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(verdict));
        } catch (IOException e) {
            log.println("warning: cannot cache the kernel check in " + file + " (" + e.getMessage()
                    + "); it will run again next time");
        }
        if (!DEFAULT.equals(verdict.isa())) {
            log.println("this CPU's default kernels compute wrong results (" + verdict.refused().get(DEFAULT)
                    + "); running with " + ISA_VARIABLE + "=" + verdict.isa() + " from now on");
        }
        return verdict;
    }

    /** The cached verdict, if this CPU was checked by this version of the check. */
    public static Optional<Verdict> cached() {
        return read(verdictFile(AppDirs.cache()));
    }

    static Optional<Verdict> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Verdict verdict = Json.mapper().readValue(file.toFile(), new TypeReference<Verdict>() { });
            return verdict.checkVersion() == CHECK_VERSION ? Optional.of(verdict) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged cache is checked again and rewritten
        }
    }

    static Path verdictFile(Path cacheDir) {
        CpuInfo cpu = CpuInfo.current();
        String key = Sha256.of((cpu.model() + "|" + cpu.kernelFlags() + "|" + engineVersion() + "|" + CHECK_VERSION)
                .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return cacheDir.resolve("numerics").resolve("kernels-" + key + ".json");
    }

    private static Verdict probe() {
        CpuInfo cpu = CpuInfo.current();
        Map<String, String> refused = new LinkedHashMap<>();
        String passing = null;
        for (String candidate : CANDIDATES) {
            Optional<String> failure = checkInChild(candidate);
            if (failure.isEmpty()) {
                passing = candidate;
                break;
            }
            refused.put(candidate, failure.get());
        }
        return new Verdict(cpu.model(), cpu.kernelFlags(), engineVersion(), CHECK_VERSION, passing, refused,
                Instant.now());
    }

    /** Runs {@link KernelProbe} in a new JVM at {@code isa}; empty when it passed, else why not. */
    private static Optional<String> checkInChild(String isa) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1"));
        // Where this process was told to write, the check writes too (a self-test's scratch folder).
        for (String property : List.of("DJL_CACHE_DIR", JNA_TEMP_PROPERTY)) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add(KernelProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (isa.equals(DEFAULT)) {
            builder.environment().remove(ISA_VARIABLE);
        } else {
            builder.environment().put(ISA_VARIABLE, isa);
        }
        try {
            Process process = builder.start();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("the check did not finish in " + PROBE_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            String text = new String(output, StandardCharsets.UTF_8);
            return Optional.of(Arrays.stream(text.split("\n")).filter(l -> l.startsWith(KernelProbe.FAILURE))
                    .map(l -> l.substring(KernelProbe.FAILURE.length())).findFirst()
                    .orElse("the check exited with status " + process.exitValue() + ": " + lastLine(text)));
        } catch (IOException e) {
            return Optional.of("cannot start " + java + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** This process's command line, where the platform tells it (Linux, macOS). */
    private static Optional<List<String>> ownCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(info.command().get());
        command.addAll(Arrays.asList(info.arguments().get()));
        return Optional.of(command);
    }

    private static int run(List<String> command, String isa) {
        // Its standard error comes through here, less the engine's per-convolution NNPACK warning.
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        // A jpackage launcher marks its JVM with this; a child launcher that inherits it skips its .cfg
        // file (classpath, main class, options) and hands the arguments to the JVM as options.
        builder.environment().remove(JPACKAGE_MARKER);
        builder.environment().put(ISA_VARIABLE, isa);
        builder.environment().put(CHOSEN_MARKER, "1");
        try {
            Process child = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            Thread errors = new Thread(() -> {
                try {
                    EngineLogFilter.copy(child.getErrorStream(), System.err);
                } catch (IOException e) {
                    // The child is gone or its pipe broke: nothing more to copy.
                }
            }, "deemwb-child-stderr");
            errors.setDaemon(true);
            errors.start();
            int status = child.waitFor();
            errors.join(); // its last lines are out before the status is
            return status;
        } catch (IOException e) {
            System.err.println("cannot restart with " + ISA_VARIABLE + "=" + isa + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The PyTorch version DJL's engine is built for, from its jar. */
    static String engineVersion() {
        Properties properties = new Properties();
        try (InputStream in = SafeKernels.class.getResourceAsStream("/pytorch-engine.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Unknown: the cache key is then shared by every engine version, and the check is still run in-process.
        }
        return "pytorch " + properties.getProperty("pytorch_version", "unknown") + ", djl "
                + properties.getProperty("djl_version", "unknown");
    }
}
