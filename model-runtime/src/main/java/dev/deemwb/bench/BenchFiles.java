package dev.deemwb.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** File access shared by the benchmark readers, so every format fails the same way on a bad file. */
public final class BenchFiles {

    /** Image extensions tried, in order: the real benchmarks ship {@code .jpg}, our synthetic ones {@code .png}. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "png");

    private BenchFiles() {}

    /**
     * Reads a whole UTF-8 text file. A leading byte-order mark (spreadsheet programs add one to CSV
     * files) is dropped.
     *
     * @throws BenchFormatException if the file does not exist, is a folder or is not UTF-8 text
     */
    public static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw BenchFormatException.inFile(file, "is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BenchFormatException.noSuchFile(file);
        }
        String text;
        try {
            text = UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BenchFormatException.inFile(file, "not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The image {@code <stem>.jpg} or {@code <stem>.png} in {@code folder}, whichever exists first
     * in {@link #IMAGE_EXTENSIONS} order.
     *
     * @throws BenchFormatException if neither exists
     */
    public static Path resolveImage(Path folder, String stem) {
        for (String extension : IMAGE_EXTENSIONS) {
            Path candidate = folder.resolve(stem + "." + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw BenchFormatException.inFile(folder, "no image " + IMAGE_EXTENSIONS.stream()
                .map(extension -> "'" + stem + "." + extension + "'")
                .collect(Collectors.joining(" or ")));
    }
}
