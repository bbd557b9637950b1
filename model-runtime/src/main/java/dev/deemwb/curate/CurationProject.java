package dev.deemwb.curate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A curation project file's content.
 *
 * @param images the image folder: relative to the project file's folder, or absolute
 * @param items in queue order (image path order when created), one per image
 */
@JsonPropertyOrder({"schema_version", "format", "images", "created", "items"})
public record CurationProject(@JsonProperty("schema_version") int schemaVersion, String format, String images,
                              Instant created, List<CurationItem> items) {

    /** The version this build writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;
    /** Marks the file as a curation project, so another JSON file is refused by name rather than half-read. */
    public static final String FORMAT = "deem-workbench-curation";

    public CurationProject {
        if (images == null || images.isBlank()) {
            throw new IllegalArgumentException("a project needs its image folder");
        }
        items = List.copyOf(items == null ? List.of() : items);
        Set<String> seen = new HashSet<>();
        for (CurationItem item : items) {
            if (!seen.add(item.image())) {
                throw new IllegalArgumentException("image '" + item.image() + "' has two items");
            }
        }
    }

    public static CurationProject create(String images, List<CurationItem> items) {
        return new CurationProject(SCHEMA_VERSION, FORMAT, images, Instant.now(), items);
    }

    public Optional<CurationItem> item(String image) {
        return items.stream().filter(item -> item.image().equals(image)).findFirst();
    }

    /** This project with {@code item} replacing the item of the same image. */
    CurationProject with(CurationItem item) {
        List<CurationItem> changed = new ArrayList<>(items);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).image().equals(item.image())) {
                changed.set(i, item);
                return new CurationProject(schemaVersion, format, images, created, changed);
            }
        }
        throw new IllegalArgumentException("no item for image '" + item.image() + "'");
    }

    CurationProject withItems(List<CurationItem> changed) {
        return new CurationProject(schemaVersion, format, images, created, changed);
    }
}
