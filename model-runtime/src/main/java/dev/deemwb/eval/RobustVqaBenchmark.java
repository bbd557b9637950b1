package dev.deemwb.eval;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.mini.SceneIndex;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaQuestion;
import dev.deemwb.bench.robustvqa.RobustVqaScore;
import dev.deemwb.bench.robustvqa.RobustVqaScorer;
import dev.deemwb.world.OodShift;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RobustVQA JSON file and its image root; every record yields a yes question (true caption) and a
 * no question (error caption), judged by DEEM's exact-match rule. When a {@value SceneIndex#FILE_NAME}
 * lies beside the file (our mini benchmark), each item also carries its out-of-distribution transform
 * and severity, so accuracy can be charted against severity.
 *
 * @param shifts the transform of each image that has a known one, by image path
 */
public record RobustVqaBenchmark(Path file, Path images, List<RobustVqaQuestion> questions,
                                 Map<String, OodShift> shifts) implements Benchmark<RobustVqaScore> {

    public static final String EXACT = "exact match (DEEM)";

    public RobustVqaBenchmark {
        questions = List.copyOf(questions);
        shifts = Map.copyOf(shifts);
    }

    public static RobustVqaBenchmark read(Path file, Path images) throws IOException {
        List<RobustVqaQuestion> questions = RobustVqaFiles.read(file).questions();
        Map<String, OodShift> shifts = new HashMap<>();
        Path index = file.resolveSibling(SceneIndex.FILE_NAME);
        if (Files.isRegularFile(index)) {
            for (SceneIndex.Entry entry : SceneIndex.read(index)) {
                if (entry.shift() != null) {
                    shifts.put(entry.image(), entry.shift());
                }
            }
        }
        return new RobustVqaBenchmark(file, images, questions, shifts);
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.robustVqa(this);
    }

    @Override
    public BenchmarkKind kind() {
        return BenchmarkKind.ROBUSTVQA;
    }

    @Override
    public String name() {
        return "robustvqa";
    }

    @Override
    public List<ProbeItem> items() {
        List<ProbeItem> items = new ArrayList<>(questions.size());
        for (RobustVqaQuestion question : questions) {
            Map<String, String> slices = new LinkedHashMap<>();
            slices.put("split", question.split());
            OodShift shift = shifts.get(question.fileName());
            if (shift != null) {
                slices.put("transform", shift.transform().id());
                slices.put("severity", String.valueOf(shift.severity()));
            }
            items.add(new ProbeItem(question.id(), question.fileName(), question.prompt(),
                    question.expected().label(), slices));
        }
        return items;
    }

    @Override
    public Judgement judge(ProbeItem item, String answer) {
        String parsed = AnswerCleaning.exactMatch(answer).map(yesNo -> yesNo.label()).orElse(Judgement.UNPARSED);
        return new Judgement(parsed, parsed.equals(item.expected()));
    }

    @Override
    public Scored<RobustVqaScore> score(String model, Map<String, String> answersById) {
        RobustVqaScore score = RobustVqaScorer.score(questions, answersById);
        List<Metric> metrics = new ArrayList<>();
        score.bySplit().forEach((split, exact) -> metrics.add(accuracy(model, split, exact)));
        metrics.add(accuracy(model, "overall", score.overall()));
        return new Scored<>(score, metrics, score.skipped());
    }

    private Metric accuracy(String model, String split, ExactMatch exact) {
        return Metric.of(name(), model, "accuracy " + split, EXACT, exact.accuracy().fraction(), exact.accuracy().total());
    }
}
