package dev.deemwb.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a process's standard error, leaving out the engine's known harmless warnings. PyTorch's CPU
 * build logs "Could not initialize NNPACK! Reason: Unsupported hardware." at every convolution on CPUs
 * its NNPACK does not support (an AVX-512 EPYC VM: about 5 400 lines in one app session), with no
 * switch to turn it off from Java; everything else passes unchanged. A partial line that cannot be such
 * a warning passes at once, so prompts and progress lines are never held back.
 */
public final class EngineLogFilter {

    private static final byte[] WARNING_START = "[W".getBytes(StandardCharsets.US_ASCII);
    private static final String NNPACK = "NNPACK.cpp:";
    private static final String NNPACK_MESSAGE = "Could not initialize NNPACK!";

    private EngineLogFilter() {
    }

    /** Copies {@code in} to {@code out} until {@code in} ends, flushing {@code out} after every write. */
    public static void copy(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean passing = false; // this line was found not to be a dropped warning, and its start is written
        byte[] chunk = new byte[8192];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                if (passing) {
                    out.write(b);
                    passing = b != '\n';
                    continue;
                }
                line.write(b);
                if (b == '\n') {
                    if (!isHarmlessWarning(line.toString(StandardCharsets.UTF_8))) {
                        line.writeTo(out);
                    }
                    line.reset();
                } else if (!couldBeWarning(line.toByteArray())) {
                    line.writeTo(out);
                    line.reset();
                    passing = true;
                }
            }
            out.flush();
        }
        if (line.size() > 0 && !isHarmlessWarning(line.toString(StandardCharsets.UTF_8))) {
            line.writeTo(out);
        }
        out.flush();
    }

    static boolean isHarmlessWarning(String line) {
        return line.startsWith("[W") && line.contains(NNPACK) && line.contains(NNPACK_MESSAGE);
    }

    /** Whether a line that begins so may still turn out to be a dropped warning. */
    private static boolean couldBeWarning(byte[] start) {
        for (int i = 0; i < Math.min(start.length, WARNING_START.length); i++) {
            if (start[i] != WARNING_START[i]) {
                return false;
            }
        }
        return true;
    }
}
