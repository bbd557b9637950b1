package dev.deemwb.bench.mini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpPair;
import dev.deemwb.bench.mmvp.MmvpPattern;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.mmvp.MmvpVlmFiles;
import dev.deemwb.bench.mmvp.MmvpVlmPair;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.robustvqa.RobustVqaDataset;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaRecord;
import dev.deemwb.io.Png;
import dev.deemwb.world.QaPair;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniBenchmarksTest {

    @TempDir
    static Path out;

    private static final MiniBenchmarks.Spec SPEC = new MiniBenchmarks.Spec(5, 40, 24, 30, 64);

    @BeforeAll
    static void generate() throws IOException {
        MiniBenchmarks.generate(SPEC, out);
    }

    @Test
    void popeSplitsAreReadableAndLabelledByTheScenes() throws IOException {
        Map<String, Scene> scenes = scenes(MiniBenchmarks.POPE);
        for (NegativeSampling sampling : NegativeSampling.values()) {
            List<PopeQuestion> questions = PopeFiles.readQuestions(
                    out.resolve(MiniBenchmarks.POPE).resolve(MiniBenchmarks.popeFileName(sampling)));
            assertThat(questions).hasSize(40 * 6);
            assertThat(questions.stream().filter(q -> q.label().equals("yes"))).hasSize(40 * 3);
            for (PopeQuestion q : questions) {
                Shape asked = Shape.fromNoun(q.text().replace("Is there a ", "").replace(" in the image?", ""));
                assertThat(scenes.get(q.image()).contains(asked)).isEqualTo(q.label().equals("yes"));
                assertThat(out.resolve(MiniBenchmarks.POPE).resolve(MiniBenchmarks.IMAGES).resolve(q.image())).isRegularFile();
            }
        }
    }

    @Test
    void mmvpPairsHaveOppositeAnswersThatMatchTheirScenes() throws IOException {
        Map<String, Scene> scenes = scenes(MiniBenchmarks.MMVP);
        List<MmvpPair> pairs = MmvpFiles.readQuestions(out.resolve(MiniBenchmarks.MMVP).resolve(MmvpFiles.QUESTIONS_FILE));
        assertThat(pairs).hasSize(24);
        assertThat(pairs.stream().map(p -> p.pattern().orElseThrow()).distinct())
                .containsExactlyInAnyOrderElementsOf(MiniMmvpSampler.PATTERNS);
        for (MmvpPair pair : pairs) {
            assertThat(pair.first().correct()).isNotEqualTo(pair.second().correct());
            for (MmvpQuestion q : List.of(pair.first(), pair.second())) {
                Scene scene = scenes.get(q.index() + ".png");
                String truth = groundTruth(scene, q.question());
                assertThat(q.options().option(q.correct()).toLowerCase(Locale.ROOT)).as(q.toString()).isEqualTo(truth);
                assertThat(MmvpFiles.resolveImage(out.resolve(MiniBenchmarks.MMVP).resolve(MiniBenchmarks.IMAGES), q)).isRegularFile();
            }
            assertThat(changedAttributes(scenes.get(pair.first().index() + ".png"), scenes.get(pair.second().index() + ".png"),
                    pair.pattern().orElseThrow())).isTrue();
        }
    }

    @Test
    void mmvpVlmStatementsPairUpWithImagesInPatternFolders() throws IOException {
        Path dir = out.resolve(MiniBenchmarks.MMVP_VLM);
        List<MmvpVlmPair> pairs = MmvpVlmFiles.readStatements(dir.resolve(MmvpFiles.QUESTIONS_FILE));
        assertThat(pairs).hasSize(24).allSatisfy(pair -> {
            assertThat(pair.first().statement()).isNotEqualTo(pair.second().statement());
            assertThat(MmvpVlmFiles.resolveImage(dir.resolve(MiniBenchmarks.IMAGES), pair.first())).isRegularFile();
            assertThat(MmvpVlmFiles.resolveImage(dir.resolve(MiniBenchmarks.IMAGES), pair.second())).isRegularFile();
        });
    }

    @Test
    void robustVqaHasTheOfficialSplitsWithTrueAndErrorCaptions() throws IOException {
        Path dir = out.resolve(MiniBenchmarks.ROBUSTVQA);
        RobustVqaDataset dataset = RobustVqaFiles.readOfficial(dir.resolve(MiniBenchmarks.ROBUSTVQA_FILE));
        assertThat(dataset.questions()).hasSize(60);
        Map<String, SceneIndex.Entry> index = SceneIndex.read(dir.resolve(SceneIndex.FILE_NAME)).stream()
                .collect(Collectors.toMap(SceneIndex.Entry::image, Function.identity()));
        dataset.splits().forEach((split, records) -> {
            assertThat(records).hasSize(10);
            for (RobustVqaRecord record : records) {
                SceneIndex.Entry entry = index.get(record.fileName());
                assertThat(entry.shift()).isNotNull();
                assertThat(MiniRobustVqaSampler.SPLITS.get(split)).contains(entry.shift().transform());
                assertThat(record.gtCaption()).isEqualTo("a " + entry.scene().objects().get(0).shape().noun());
                assertThat(record.errorCaption()).isNotEqualTo(record.gtCaption());
                assertThat(dir.resolve(MiniBenchmarks.IMAGES).resolve(record.fileName())).isRegularFile();
            }
        });
    }

    @Test
    void sceneIndexRegeneratesEveryImageExactly() throws IOException {
        SceneRenderer renderer = new SceneRenderer();
        for (String part : List.of(MiniBenchmarks.POPE, MiniBenchmarks.MMVP, MiniBenchmarks.ROBUSTVQA)) {
            for (SceneIndex.Entry entry : SceneIndex.read(out.resolve(part).resolve(SceneIndex.FILE_NAME))) {
                byte[] written = Files.readAllBytes(out.resolve(part).resolve(MiniBenchmarks.IMAGES).resolve(entry.image()));
                assertThat(Png.encode(renderer.render(entry.scene(), SPEC.imageSize(), entry.shift())))
                        .as(entry.image()).isEqualTo(written);
            }
        }
    }

    @Test
    void sameSeedWritesIdenticalFiles(@TempDir Path again) throws IOException {
        MiniBenchmarks.generate(SPEC, again);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("manifest.json")).toList()) {
                assertThat(again.resolve(out.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
            }
        }
    }

    private static Map<String, Scene> scenes(String part) throws IOException {
        return SceneIndex.read(out.resolve(part).resolve(SceneIndex.FILE_NAME)).stream()
                .collect(Collectors.toMap(SceneIndex.Entry::image, SceneIndex.Entry::scene));
    }

    /** The world's own answer to a template question, presence of absent shapes included. */
    private static String groundTruth(Scene scene, String question) {
        Optional<QaPair> asked = Questions.all(scene).stream().filter(q -> q.question().equals(question)).findFirst();
        if (asked.isPresent()) {
            return asked.get().answer();
        }
        assertThat(question).startsWith("Is there a ");
        return "no";
    }

    private static boolean changedAttributes(Scene a, Scene b, MmvpPattern pattern) {
        return switch (pattern) {
            case PRESENCE, QUANTITY -> Math.abs(a.objects().size() - b.objects().size()) == 1;
            default -> a.objects().size() == b.objects().size() && differingObjects(a, b) == (pattern == MmvpPattern.POSITIONAL ? 2 : 1);
        };
    }

    private static long differingObjects(Scene a, Scene b) {
        return IntStream.range(0, a.objects().size())
                .filter(i -> !a.objects().get(i).equals(b.objects().get(i))).count();
    }
}
