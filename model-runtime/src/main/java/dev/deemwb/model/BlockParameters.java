package dev.deemwb.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** A block's parameters as bytes in DJL's format: what bundle files and training checkpoints hold. */
public final class BlockParameters {

    private static final Pattern ORDINAL = Pattern.compile("(?<=^|[/_])\\d{2}(?=[A-Za-z])");

    private BlockParameters() {
    }

    /**
     * A parameter's or child block's name without the ordinal DJL puts before each part:
     * {@code unet/16output} → {@code unet/output}, {@code 05gather_02attention_02key_bias} →
     * {@code gather_attention_key_bias}.
     */
    public static String readableName(String name) {
        return ORDINAL.matcher(name).replaceAll("");
    }

    public static byte[] serialise(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Loads {@link #serialise}d parameters into a block of the same architecture. */
    public static void deserialise(Block block, byte[] parameters, NDManager manager) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
