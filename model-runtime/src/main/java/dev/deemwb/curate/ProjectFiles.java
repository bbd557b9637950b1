package dev.deemwb.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes project files. A file that cannot be read is refused, never repaired or
 * overwritten: opening one that reads well first copies it to its {@linkplain #backupOf backup}, so
 * the last good version survives whatever happens to the file later.
 */
public final class ProjectFiles {

    /** What project files are called, by convention: {@code <name>.curation.json}. */
    public static final String SUFFIX = ".curation.json";

    private ProjectFiles() {}

    /**
     * How a project file names its image folder: relative to the file's folder when both are on one
     * file-system root ({@code .} for that folder itself), else absolute.
     */
    public static String imageFolderAsSeenFrom(Path projectFile, Path images) {
        Path from = projectFile.toAbsolutePath().getParent();
        Path target = images.toAbsolutePath().normalize();
        if (!target.getRoot().equals(from.getRoot())) {
            return target.toString();
        }
        String relative = from.relativize(target).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    /** The copy of the last version that opened well: {@code <file>.bak}, beside it. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Reads a project, refusing (with the file, the reason and where the backup is) malformed JSON,
     * a file that is not a curation project, a schema newer than this version reads, and invalid items.
     */
    public static CurationProject read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such project file");
        }
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw refused(file, "is not readable JSON" + where + " (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !CurationProject.FORMAT.equals(root.path("format").asText())) {
            throw refused(file, "is not a curation project (it has no \"format\": \"" + CurationProject.FORMAT + "\")");
        }
        JsonNode version = root.get("schema_version");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
            throw refused(file, "has no valid schema_version");
        }
        if (version.asInt() > CurationProject.SCHEMA_VERSION) {
            throw new ProjectFileException(file, "was written by a newer DEEM Workbench (project schema "
                    + version.asInt() + "; this version reads up to " + CurationProject.SCHEMA_VERSION
                    + "): open it with that version; this one will not change it");
        }
        try {
            return Json.mapper().treeToValue(root, CurationProject.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(ProjectFiles::step).collect(Collectors.joining()).replaceFirst("^\\.", "");
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String problem = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw refused(file, (path.isEmpty() ? "" : path + ": ") + problem);
        }
    }

    /** Writes the project atomically (temporary file, forced to disk, moved over the old one). */
    public static void write(Path file, CurationProject project) throws IOException {
        AtomicFiles.write(file, bytes(project));
    }

    static byte[] bytes(CurationProject project) throws JsonProcessingException {
        return (Json.mapper().writeValueAsString(project) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Copies a file that just read well to its backup. */
    static void keepBackup(Path file) throws IOException {
        AtomicFiles.write(backupOf(file), Files.readAllBytes(file));
    }

    private static ProjectFileException refused(Path file, String problem) {
        Path backup = backupOf(file);
        String advice = Files.isRegularFile(backup)
                ? "; the last version that opened well is kept in " + backup + " (nothing was changed)"
                : "; nothing was changed";
        return new ProjectFileException(file, problem + advice);
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]"
                : (reference.getFieldName() == null ? "" : "." + reference.getFieldName());
    }
}
