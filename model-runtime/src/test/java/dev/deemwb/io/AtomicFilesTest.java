package dev.deemwb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderAsTargetIsRefusedNamingTheTargetNotTheTemporaryFile() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> AtomicFiles.write(folder, new byte[] {1}))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + ": is a folder: give the name of a file to write");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void writesNewFileAndCreatesParentFolders() throws IOException {
        Path target = dir.resolve("a/b/notes.txt");

        AtomicFiles.writeString(target, "héllo\n");

        assertThat(target).hasContent("héllo\n");
        assertThat(listNames(target.getParent())).containsExactly("notes.txt");
    }

    @Test
    void replacesExistingContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("settings.json");
        Files.writeString(target, "old content that is longer than the new one");

        AtomicFiles.write(target, new byte[] {'n', 'e', 'w'});

        assertThat(target).hasContent("new");
        assertThat(listNames(dir)).containsExactly("settings.json");
    }

    @Test
    void failedMoveRemovesTemporaryFileAndKeepsTarget() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child")); // a non-empty folder cannot be replaced

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x")).isInstanceOf(IOException.class);

        assertThat(listNames(dir)).containsExactly("occupied");
        assertThat(target.resolve("child")).isDirectory();
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
