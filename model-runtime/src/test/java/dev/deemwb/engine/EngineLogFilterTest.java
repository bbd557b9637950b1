package dev.deemwb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The child process's standard error, less PyTorch's per-convolution NNPACK warning, and nothing held back. */
class EngineLogFilterTest {

    private static final String NNPACK =
            "[W1203 07:30:08.205564278 NNPACK.cpp:57] Could not initialize NNPACK! Reason: Unsupported hardware.\n";

    @Test
    void onlyTheNnpackWarningIsLeftOut() throws IOException {
        String[] kept = {"checking this CPU's float32 kernels (once per machine, a few seconds)...\n",
            "[W1203 07:30:09.1 Context.cpp:12] some other engine warning\n", "error: bundle not found\n",
            "[Wordy prefix, not a warning]\n"};
        String in = NNPACK + kept[0] + NNPACK.repeat(3) + kept[1] + kept[2] + NNPACK + kept[3] + NNPACK
                + "last line, no newline";

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EngineLogFilter.copy(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join("", kept) + "last line, no newline");
    }

    @Test
    void aPartialLineThatCannotBeTheWarningPassesAtOnce() throws Exception {
        PipedLines pipe = new PipedLines();
        BlockingQueue<String> written = new ArrayBlockingQueue<>(16);
        OutputStream out = new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void flush() {
                if (pending.size() > 0) {
                    written.add(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                }
            }
        };
        Thread copier = new Thread(() -> {
            try {
                EngineLogFilter.copy(pipe, out);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        copier.start();

        pipe.send("API key: "); // a prompt waits for the user on the same line
        assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("API key: ");
        pipe.send("\n");
        assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("\n");
        pipe.send("[W"); // a new line that may be the warning: held until the line says
        pipe.send("1203 NNPACK.cpp:57] Could not initialize NNPACK! Reason: Unsupported hardware.\nrest\n");
        assertThat(written.poll(5, TimeUnit.SECONDS)).isEqualTo("rest\n");
        pipe.close();
        copier.join(5000);
        assertThat(written).isEmpty();
    }

    /** An input stream fed chunk by chunk, each read returning one chunk as a pipe does. */
    private static final class PipedLines extends InputStream {
        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
        private static final byte[] END = new byte[0];

        void send(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            chunks.add(END);
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in chunks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                byte[] chunk = chunks.take();
                if (chunk == END) {
                    return -1;
                }
                System.arraycopy(chunk, 0, buffer, offset, chunk.length);
                return chunk.length;
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
    }
}
