package dev.deemwb.bench.mini;

import dev.deemwb.bench.mmvp.MmvpChoice;
import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpOptions;
import dev.deemwb.bench.mmvp.MmvpPair;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.mmvp.MmvpVlmFiles;
import dev.deemwb.bench.mmvp.MmvpVlmPair;
import dev.deemwb.bench.mmvp.MmvpVlmStatement;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.robustvqa.RobustVqaDataset;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaRecord;
import dev.deemwb.io.AtomicFiles;
import dev.deemwb.io.Json;
import dev.deemwb.io.Png;
import dev.deemwb.world.OodShift;
import dev.deemwb.world.Questions;
import dev.deemwb.world.Scene;
import dev.deemwb.world.SceneRenderer;
import dev.deemwb.world.Seeds;
import dev.deemwb.world.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the three mini benchmarks, in the real benchmarks' formats, with their PNG images and a
 * {@link SceneIndex} each, into one folder:
 *
 * <pre>
 * pope/       mini_pope_{random,popular,adversarial}.jsonl, images/, scenes.jsonl
 * mmvp/       Questions.csv (with the optional Type column), images/&lt;Index&gt;.png, scenes.jsonl
 * mmvp_vlm/   Questions.csv (qid, type, statement), images/&lt;pattern&gt;/&lt;qid&gt;.png, scenes.jsonl
 * robustvqa/  robustvqa.json, images/&lt;split&gt;/&lt;n&gt;.png, scenes.jsonl
 * manifest.json
 * </pre>
 *
 * Every part is drawn from its own seed derived from the one given, so changing one size leaves the
 * others' items unchanged.
 */
public final class MiniBenchmarks {

    public static final String POPE = "pope";
    public static final String MMVP = "mmvp";
    public static final String MMVP_VLM = "mmvp_vlm";
    public static final String ROBUSTVQA = "robustvqa";
    public static final String IMAGES = "images";
    public static final String ROBUSTVQA_FILE = "robustvqa.json";
    public static final String MANIFEST_FILE = "manifest.json";

    /**
     * @param popeImages          images per POPE split (POPE: 500, three yes and three no questions each)
     * @param mmvpPairs           MMVP pairs (MMVP: 150)
     * @param robustVqaRecords    RobustVQA records over the three splits (two questions each)
     * @param imageSize           side of the written images in pixels (the models read 64×64)
     */
    public record Spec(long seed, int popeImages, int mmvpPairs, int robustVqaRecords, int imageSize) {

        public static Spec standard(long seed) {
            return new Spec(seed, 500, 150, 1000, 64);
        }

        public Spec {
            if (popeImages < 1 || mmvpPairs < 1 || robustVqaRecords < 1) {
                throw new IllegalArgumentException("every benchmark needs at least one item");
            }
        }
    }

    /** What was written: the manifest.json of the folder. */
    public record Summary(Spec spec, Map<String, Integer> questions, Map<String, Integer> images) {
    }

    private final SceneRenderer renderer = new SceneRenderer();
    private final Spec spec;
    private final Path out;

    private MiniBenchmarks(Spec spec, Path out) {
        this.spec = spec;
        this.out = out;
    }

    public static Summary generate(Spec spec, Path out) throws IOException {
        return new MiniBenchmarks(spec, out).writeAll();
    }

    public static String popeFileName(NegativeSampling sampling) {
        return "mini_pope_" + sampling.id() + ".jsonl";
    }

    private Summary writeAll() throws IOException {
        Map<String, Integer> questions = new LinkedHashMap<>();
        Map<String, Integer> images = new LinkedHashMap<>();
        images.put(POPE, writePope(questions));
        images.put(MMVP, writeMmvp(questions));
        images.put(ROBUSTVQA, writeRobustVqa(questions));
        Summary summary = new Summary(spec, questions, images);
        Json.write(out.resolve(MANIFEST_FILE), summary);
        return summary;
    }

    private int writePope(Map<String, Integer> questionCounts) throws IOException {
        Path dir = out.resolve(POPE);
        MiniPopeSampler.Sample sample = MiniPopeSampler.sample(Seeds.derive(spec.seed(), 1), spec.popeImages(), 3);
        List<SceneIndex.Entry> index = new ArrayList<>();
        for (MiniPopeSampler.Item item : sample.items()) {
            String image = String.format("pope_%05d.png", item.index() + 1);
            writeImage(dir.resolve(IMAGES).resolve(image), item.scene(), null);
            index.add(new SceneIndex.Entry(image, item.scene(), null));
        }
        for (NegativeSampling sampling : NegativeSampling.values()) {
            List<PopeQuestion> questions = new ArrayList<>();
            for (MiniPopeSampler.Item item : sample.items()) {
                String image = index.get(item.index()).image();
                List<Shape> negatives = item.negatives().get(sampling);
                for (int k = 0; k < item.positives().size(); k++) {
                    questions.add(new PopeQuestion(questions.size() + 1, image,
                            Questions.presence(item.positives().get(k)), "yes"));
                    if (k < negatives.size()) {
                        questions.add(new PopeQuestion(questions.size() + 1, image,
                                Questions.presence(negatives.get(k)), "no"));
                    }
                }
            }
            PopeFiles.writeQuestions(dir.resolve(popeFileName(sampling)), questions);
            questionCounts.put(POPE + "_" + sampling.id(), questions.size());
        }
        SceneIndex.write(dir.resolve(SceneIndex.FILE_NAME), index);
        return index.size();
    }

    /** The same pairs serve MMVP (questions for the LMM) and MMVP-VLM (statements for the encoder). */
    private int writeMmvp(Map<String, Integer> questionCounts) throws IOException {
        List<MiniMmvpSampler.Pair> pairs = MiniMmvpSampler.sample(Seeds.derive(spec.seed(), 2), spec.mmvpPairs());
        List<MmvpPair> questions = new ArrayList<>();
        List<MmvpVlmPair> statements = new ArrayList<>();
        List<SceneIndex.Entry> mmvpIndex = new ArrayList<>();
        List<SceneIndex.Entry> vlmIndex = new ArrayList<>();
        for (MiniMmvpSampler.Pair pair : pairs) {
            MmvpOptions options = new MmvpOptions(pair.options().get(0), pair.options().get(1));
            MmvpChoice firstChoice = pair.firstAnswer() == 0 ? MmvpChoice.A : MmvpChoice.B;
            MmvpChoice secondChoice = firstChoice == MmvpChoice.A ? MmvpChoice.B : MmvpChoice.A;
            int first = 2 * questions.size() + 1;
            questions.add(new MmvpPair(new MmvpQuestion(first, pair.question(), options, firstChoice),
                    new MmvpQuestion(first + 1, pair.question(), options, secondChoice),
                    Optional.of(pair.pattern())));
            MmvpVlmStatement a = new MmvpVlmStatement(first, pair.pattern(), pair.statements().get(0));
            MmvpVlmStatement b = new MmvpVlmStatement(first + 1, pair.pattern(), pair.statements().get(1));
            statements.add(new MmvpVlmPair(a, b));
            for (int k = 0; k < 2; k++) {
                Scene scene = k == 0 ? pair.first() : pair.second();
                int number = first + k;
                writeImage(out.resolve(MMVP).resolve(IMAGES).resolve(number + ".png"), scene, null);
                mmvpIndex.add(new SceneIndex.Entry(number + ".png", scene, null));
                String vlmImage = pair.pattern().displayName() + "/" + number + ".png";
                writeImage(out.resolve(MMVP_VLM).resolve(IMAGES).resolve(vlmImage), scene, null);
                vlmIndex.add(new SceneIndex.Entry(vlmImage, scene, null));
            }
        }
        MmvpFiles.writeQuestions(out.resolve(MMVP).resolve(MmvpFiles.QUESTIONS_FILE), questions);
        SceneIndex.write(out.resolve(MMVP).resolve(SceneIndex.FILE_NAME), mmvpIndex);
        MmvpVlmFiles.writeStatements(out.resolve(MMVP_VLM).resolve(MmvpFiles.QUESTIONS_FILE), statements);
        SceneIndex.write(out.resolve(MMVP_VLM).resolve(SceneIndex.FILE_NAME), vlmIndex);
        questionCounts.put(MMVP, 2 * questions.size());
        questionCounts.put(MMVP_VLM, 2 * statements.size());
        return mmvpIndex.size();
    }

    private int writeRobustVqa(Map<String, Integer> questionCounts) throws IOException {
        Path dir = out.resolve(ROBUSTVQA);
        Map<String, List<RobustVqaRecord>> splits = new LinkedHashMap<>();
        MiniRobustVqaSampler.SPLIT_ORDER.forEach(split -> splits.put(split, new ArrayList<>()));
        List<SceneIndex.Entry> index = new ArrayList<>();
        for (MiniRobustVqaSampler.Item item : MiniRobustVqaSampler.sample(Seeds.derive(spec.seed(), 3),
                spec.robustVqaRecords())) {
            String image = item.split() + "/" + String.format("%05d.png", item.index() + 1);
            writeImage(dir.resolve(IMAGES).resolve(image), item.scene(), item.shift());
            index.add(new SceneIndex.Entry(image, item.scene(), item.shift()));
            splits.get(item.split()).add(new RobustVqaRecord(image, "a " + item.truth().noun(),
                    "a " + item.error().noun()));
        }
        RobustVqaDataset dataset = new RobustVqaDataset(splits);
        RobustVqaFiles.write(dir.resolve(ROBUSTVQA_FILE), dataset);
        SceneIndex.write(dir.resolve(SceneIndex.FILE_NAME), index);
        questionCounts.put(ROBUSTVQA, dataset.questions().size());
        return index.size();
    }

    private void writeImage(Path file, Scene scene, OodShift shift) throws IOException {
        AtomicFiles.write(file, Png.encode(renderer.render(scene, spec.imageSize(), shift)));
    }
}
