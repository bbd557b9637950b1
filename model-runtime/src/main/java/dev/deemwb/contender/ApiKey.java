package dev.deemwb.contender;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An API key, from an environment variable or a file only its owner can read. Its value never leaves
 * this class except as an {@code Authorization} header: {@link #toString()} hides it, and
 * {@link #redact} removes it from any text a server sends back before that text reaches a message.
 */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey(null);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** No key: servers that need none (a local Ollama, llama.cpp, vLLM without --api-key). */
    public static ApiKey none() {
        return NONE;
    }

    /** The key held in environment variable {@code variable}, as {@code environment} has it. */
    public static ApiKey fromEnvironment(String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " holds no API key (it is "
                    + (value == null ? "not set" : "empty") + ")");
        }
        return new ApiKey(value.strip());
    }

    /**
     * The key in {@code file} (its first line), refused unless only its owner may read it (POSIX
     * permissions, where the file system has them): a key readable by others is a leaked key.
     */
    public static ApiKey fromFile(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new IllegalArgumentException(file + ": an API key file must be readable by its owner only (it is "
                        + PosixFilePermissions.toString(permissions) + "); run chmod 600 " + file);
            }
        }
        String text = Files.readString(file, UTF_8).strip();
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            throw new IllegalArgumentException(file + ": the API key file is empty");
        }
        return new ApiKey(firstLine);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The {@code Authorization} header's value; call only when {@link #isPresent()}. */
    String bearer() {
        return "Bearer " + value;
    }

    /** Whether an {@code Authorization} header presents this key (in constant time, so timing tells nothing). */
    public boolean isPresentedBy(String authorization) {
        if (value == null || authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(bearer().getBytes(UTF_8), authorization.strip().getBytes(UTF_8));
    }

    /** {@code text} with every occurrence of the key replaced, for messages built from what a server said. */
    public String redact(String text) {
        return value == null || text == null ? text : text.replace(value, "[API key]");
    }

    @Override
    public String toString() {
        return value == null ? "no API key" : "an API key (hidden)";
    }
}
