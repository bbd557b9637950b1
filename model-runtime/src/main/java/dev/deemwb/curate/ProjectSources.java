package dev.deemwb.curate;

import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Png;
import dev.deemwb.world.Category;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneGenerator;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Where a new project's items come from: a folder of the user's images, or scenes of the shapes world. */
public final class ProjectSources {

    /** File suffixes this JVM decodes (png, jpg, gif, bmp, tiff, …): the images the workbench opens. */
    public static final Set<String> IMAGE_SUFFIXES = Arrays.stream(ImageIO.getReaderFileSuffixes())
            .map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());

    private ProjectSources() {}

    /**
     * One new item per image below {@code folder} (recursively, hidden files and folders skipped), in
     * path order.
     *
     * @throws IllegalArgumentException when the folder holds no image
     */
    public static List<CurationItem> folder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        List<CurationItem> items;
        try (Stream<Path> files = Files.walk(folder)) {
            items = files.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .filter(path -> isImage(path) && !hidden(path))
                    .map(path -> path.toString().replace(path.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .map(CurationItem::of)
                    .toList();
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no image the workbench opens (" + String.join(", ",
                    IMAGE_SUFFIXES.stream().sorted().toList()) + ")");
        }
        return items;
    }

    /**
     * {@code count} fresh scenes of the shapes world rendered into {@code folder} as
     * {@code scene-<n>.png}, each item with one of its questions (categories in turn), the true answer
     * and the category filled in.
     */
    public static List<CurationItem> generated(Path folder, int count, long seed, int size) throws IOException {
        if (count < 1 || size < 8) {
            throw new IllegalArgumentException("a generated set needs at least one scene of at least 8 px");
        }
        SceneGenerator generator = new SceneGenerator();
        SceneRenderer renderer = new SceneRenderer();
        List<CurationItem> items = new ArrayList<>();
        Category[] categories = Category.values();
        for (int i = 0; i < count; i++) {
            Scene scene = generator.generate(Seeds.derive(seed, i));
            String name = String.format(Locale.ROOT, "scene-%04d.png", i + 1);
            AtomicFiles.write(folder.resolve(name), Png.encode(renderer.render(scene, size)));
            Category wanted = categories[i % categories.length];
            List<QaPair> questions = Questions.all(scene);
            QaPair question = questions.stream().filter(q -> q.category() == wanted).findFirst()
                    .orElse(questions.get(0));
            items.add(new CurationItem(name, ItemState.NEW, Map.of(
                    Field.QUESTION.key(), question.question(),
                    Field.ANSWER.key(), question.answer(),
                    Field.CATEGORY.key(), question.category().id()), List.of(), List.of()));
        }
        return items;
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
