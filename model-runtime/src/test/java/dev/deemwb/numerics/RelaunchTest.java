package dev.deemwb.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program started without a cap, on a CPU whose cached verdict says it needs one, runs again capped. */
class RelaunchTest {

    /** Calls what every {@code main} calls first, then says what it runs with and exits with 7. */
    public static final class Program {
        public static void main(String[] args) {
            SafeKernels.relaunchIfNeeded(System.err);
            System.out.println("cap=" + System.getenv(SafeKernels.ISA_VARIABLE) + " args=" + List.of(args)
                    + " source=" + SafeKernels.inEffect().source());
            System.exit(7);
        }
    }

    @TempDir
    Path home;

    @Test
    void theSameCommandRunsAgainWithTheCapAndItsExitStatusIsKept() throws IOException, InterruptedException {
        writeVerdict("AVX2");

        Run run = start();

        assertThat(run.exitCode).isEqualTo(7);
        assertThat(run.output).containsOnlyOnce("cap=")
                .contains("cap=AVX2 args=[one, two words]")
                .contains("chosen by this CPU's kernel check");
    }

    @Test
    void aCpuWhoseDefaultsPassRunsOnceUncapped() throws IOException, InterruptedException {
        writeVerdict(SafeKernels.DEFAULT);

        Run run = start();

        assertThat(run.exitCode).isEqualTo(7);
        assertThat(run.output).containsOnlyOnce("cap=").contains("cap=null args=[one, two words]");
    }

    private void writeVerdict(String isa) throws IOException {
        Path file = SafeKernels.verdictFile(home.resolve("deem-workbench"));
        Files.createDirectories(file.getParent());
        CpuInfo cpu = CpuInfo.current();
        Json.write(file, new SafeKernels.Verdict(cpu.model(), cpu.kernelFlags(), SafeKernels.engineVersion(),
                SafeKernels.CHECK_VERSION, isa, Map.of(), Instant.now()));
    }

    private record Run(int exitCode, String output) {
    }

    private Run start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Program.class.getName(), "one", "two words")
                .redirectErrorStream(true);
        builder.environment().remove(SafeKernels.ISA_VARIABLE);
        builder.environment().put("XDG_CACHE_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
