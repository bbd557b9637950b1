package dev.deemwb.curate;

import java.io.IOException;
import java.nio.file.Path;

/** A project file that cannot be opened: corrupt, not a project, or from a newer version. Names the file. */
public final class ProjectFileException extends IOException {

    private final Path file;

    ProjectFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
