package dev.deemwb.bench.mini;

import dev.deemwb.bench.JsonLines;
import dev.deemwb.world.OodShift;
import dev.deemwb.world.Scene;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code scenes.jsonl} beside a synthetic benchmark: for every image, the scene and the shift it was
 * rendered from. It makes every image regenerable and gives the workbench each item's ground truth.
 */
public final class SceneIndex {

    public static final String FILE_NAME = "scenes.jsonl";

    /** @param image the image path relative to the benchmark's image folder; {@code shift} may be null */
    public record Entry(String image, Scene scene, OodShift shift) {
    }

    private SceneIndex() {
    }

    public static void write(Path file, List<Entry> entries) throws IOException {
        JsonLines.write(file, entries);
    }

    public static List<Entry> read(Path file) throws IOException {
        return JsonLines.read(file, record -> record.as(Entry.class));
    }
}
