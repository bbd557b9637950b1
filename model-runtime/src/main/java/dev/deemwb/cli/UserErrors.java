package dev.deemwb.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one-line reason a user reads. */
final class UserErrors {

    private UserErrors() {
    }

    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": " + (exists.getReason() != null ? exists.getReason() : "exists and is not a folder");
        }
        if (cause instanceof FileSystemException other) {
            return other.getFile() + ": " + (other.getReason() != null ? other.getReason() : "cannot be used");
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
