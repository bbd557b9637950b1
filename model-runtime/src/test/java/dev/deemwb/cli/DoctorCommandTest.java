package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.numerics.NumericsCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorCommandTest {

    @Test
    void onRightKernelsItReportsTheEngineTheCapAndPasses() {
        CliRun run = CliRun.of("doctor");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("engine    PyTorch 2.7.1, device cpu()")
                .contains("kernel flags:")
                .contains("kernels   ONEDNN_MAX_CPU_ISA=SSE41, set by the caller") // the surefire configuration
                .containsPattern("numerics  passed: \\d+ checks");
    }

    @Test
    void aWrongKernelFailsWithTheOpTheShapeAndTheFix() {
        DoctorCommand doctor = new DoctorCommand();
        doctor.check = new NumericsCheck((x, w, b, shape) -> {
            var y = NumericsCheck.ENGINE.apply(x, w, b, shape);
            return shape.outChannels() == 3 ? y.add(0.5f) : y;
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(doctor).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute();

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).doesNotContain("numerics  passed");
        assertThat(err.toString()).contains("numerics check failed")
                .contains("conv2d forward wrong for 32→3 channels").contains("used by unet/output")
                .contains("fix: this CPU's oneDNN kernels compute wrong float32 results");
    }
}
