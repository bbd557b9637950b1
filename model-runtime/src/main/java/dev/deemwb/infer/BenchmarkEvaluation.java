package dev.deemwb.infer;

import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bench.mini.NegativeSampling;
import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpPair;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.mmvp.MmvpScore;
import dev.deemwb.bench.mmvp.MmvpScorer;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.pope.PopeScore;
import dev.deemwb.bench.pope.PopeScorer;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaQuestion;
import dev.deemwb.bench.robustvqa.RobustVqaScore;
import dev.deemwb.bench.robustvqa.RobustVqaScorer;
import dev.deemwb.model.Variant;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Both models on the mini benchmarks as written to disk — read back with the same readers, images
 * loaded from their files, scored with the same scorers as real benchmark files. MMVP is asked its
 * bare question (the shapes-world vocabulary has no "(a)"/"(b)"); the answer word is matched to the
 * options' text, which the MMVP scorer accepts.
 */
public final class BenchmarkEvaluation {

    private static final int BATCH = 256;

    private final MiniDeem models;
    private final Map<Path, float[]> images = new HashMap<>();

    public BenchmarkEvaluation(MiniDeem models) {
        this.models = models;
    }

    public record Scores(Map<String, PopeScore> pope, MmvpScore mmvp, RobustVqaScore robustVqa) {
    }

    public Map<String, Scores> run(Path benchmarks) throws IOException {
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            scores.put(variant.id(), new Scores(pope(variant, benchmarks.resolve(MiniBenchmarks.POPE)),
                    mmvp(variant, benchmarks.resolve(MiniBenchmarks.MMVP)),
                    robustVqa(variant, benchmarks.resolve(MiniBenchmarks.ROBUSTVQA))));
        }
        return scores;
    }

    private Map<String, PopeScore> pope(Variant variant, Path dir) throws IOException {
        Map<String, PopeScore> splits = new LinkedHashMap<>();
        for (NegativeSampling sampling : NegativeSampling.values()) {
            List<PopeQuestion> questions = PopeFiles.readQuestions(dir.resolve(MiniBenchmarks.popeFileName(sampling)));
            List<String> answers = answer(variant,
                    questions.stream().map(q -> dir.resolve(MiniBenchmarks.IMAGES).resolve(q.image())).toList(),
                    questions.stream().map(PopeQuestion::text).toList());
            List<PopeAnswer> answerFile = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                answerFile.add(new PopeAnswer(questions.get(i).text(), answers.get(i)));
            }
            splits.put(sampling.id(), PopeScorer.score(questions, answerFile));
        }
        return splits;
    }

    private MmvpScore mmvp(Variant variant, Path dir) throws IOException {
        List<MmvpPair> pairs = MmvpFiles.readQuestions(dir.resolve(MmvpFiles.QUESTIONS_FILE));
        List<MmvpQuestion> questions = new ArrayList<>();
        pairs.forEach(p -> {
            questions.add(p.first());
            questions.add(p.second());
        });
        Path imageFolder = dir.resolve(MiniBenchmarks.IMAGES);
        List<String> answers = answer(variant,
                questions.stream().map(q -> MmvpFiles.resolveImage(imageFolder, q)).toList(),
                questions.stream().map(MmvpQuestion::question).toList());
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            byIndex.put(questions.get(i).index(), answers.get(i));
        }
        return MmvpScorer.score(pairs, byIndex);
    }

    private RobustVqaScore robustVqa(Variant variant, Path dir) throws IOException {
        List<RobustVqaQuestion> questions = RobustVqaFiles.read(dir.resolve(MiniBenchmarks.ROBUSTVQA_FILE)).questions();
        List<String> answers = answer(variant,
                questions.stream().map(q -> dir.resolve(MiniBenchmarks.IMAGES).resolve(q.fileName())).toList(),
                questions.stream().map(RobustVqaQuestion::prompt).toList());
        Map<String, String> byId = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            byId.put(questions.get(i).id(), answers.get(i));
        }
        return RobustVqaScorer.score(questions, byId);
    }

    private List<String> answer(Variant variant, List<Path> imageFiles, List<String> questions) throws IOException {
        List<String> answers = new ArrayList<>(questions.size());
        for (int start = 0; start < questions.size(); start += BATCH) {
            int end = Math.min(questions.size(), start + BATCH);
            List<float[]> batch = new ArrayList<>(end - start);
            for (Path file : imageFiles.subList(start, end)) {
                batch.add(image(file));
            }
            models.answer(variant, batch, questions.subList(start, end)).forEach(a -> answers.add(a.text()));
        }
        return answers;
    }

    private float[] image(Path file) throws IOException {
        float[] cached = images.get(file);
        if (cached == null) {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException(file + ": not a readable image");
            }
            cached = models.input(image);
            images.put(file, cached);
        }
        return cached;
    }
}
