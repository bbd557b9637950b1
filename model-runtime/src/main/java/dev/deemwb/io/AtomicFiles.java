package dev.deemwb.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers, and a crash mid-save, see either the old content or the new one,
 * never a half-written file.
 *
 * <p>The bytes go to a hidden temporary file in the target's own folder (a move is only atomic
 * within one file system), are forced to disk, and the temporary file is then moved over the
 * target. On failure the temporary file is removed and the target is left untouched.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Replaces {@code target} with {@code content}, creating missing parent folders. */
    public static void write(Path target, byte[] content) throws IOException {
        if (Files.isDirectory(target)) {
            // Said here, or the failed move would name the hidden temporary file instead of the target.
            throw new FileSystemException(target.toString(), null, "is a folder: give the name of a file to write");
        }
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveOver(temp, absolute);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Replaces {@code target} with {@code content} encoded as UTF-8. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(UTF_8));
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (e.g. certain network mounts) cannot rename atomically; a plain
            // replace is still far safer than writing the target in place.
            Files.move(source, target, REPLACE_EXISTING);
        }
    }
}
