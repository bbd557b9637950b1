package dev.deemwb.testing;

import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.io.Png;
import dev.deemwb.eval.PopeBenchmark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A POPE split for tests (shared with the app's tests): one question per word, all about one small grey image. */
public final class TinyPope {

    private TinyPope() {
    }

    /** {@code Is there a <word> in the image?}, labelled yes. */
    public static String question(String word) {
        return "Is there a " + word + " in the image?";
    }

    public static PopeBenchmark write(Path dir, List<String> words) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, 0x808080 + x);
            }
        }
        Files.write(dir.resolve("images").resolve("grey.png"), Png.encode(image));
        List<PopeQuestion> questions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            questions.add(new PopeQuestion(i + 1, "grey.png", question(words.get(i)), "yes"));
        }
        Path file = dir.resolve("tiny_pope_random.json");
        PopeFiles.writeQuestions(file, questions);
        return PopeBenchmark.read(file, dir.resolve("images"));
    }
}
