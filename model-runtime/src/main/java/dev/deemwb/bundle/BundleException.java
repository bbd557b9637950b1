package dev.deemwb.bundle;

import java.nio.file.Path;

/** A bundle that cannot be used; the message names the file and the reason. */
public final class BundleException extends RuntimeException {

    public BundleException(Path file, String reason) {
        super(file + ": " + reason);
    }

    public BundleException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
