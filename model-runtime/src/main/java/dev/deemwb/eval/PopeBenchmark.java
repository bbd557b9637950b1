package dev.deemwb.eval;

import dev.deemwb.bench.AnswerCleaning;
import dev.deemwb.bench.BinaryMetrics;
import dev.deemwb.bench.ExactMatch;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.pope.PopeScore;
import dev.deemwb.bench.pope.PopeScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One POPE split file and its image folder. An answer is judged by POPE's official rule (yes as the
 * positive class); the exact-match variant is reported beside it.
 *
 * @param split the split's name, from the file name ({@code random}, {@code popular},
 *              {@code adversarial}) or the file's stem when it names none
 */
public record PopeBenchmark(Path file, Path images, String split, List<PopeQuestion> questions)
        implements Benchmark<PopeScore> {

    public static final String OFFICIAL = "POPE official (yes = positive)";
    public static final String EXACT = "exact match (DEEM)";
    private static final List<String> SPLITS = List.of("random", "popular", "adversarial");

    public PopeBenchmark {
        questions = List.copyOf(questions);
    }

    public static PopeBenchmark read(Path file, Path images) throws IOException {
        return new PopeBenchmark(file, images, splitOf(file), PopeFiles.readQuestions(file));
    }

    private static String splitOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return SPLITS.stream().filter(name::contains).findFirst()
                .orElse(name.replaceFirst("\\.[^.]*$", ""));
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.pope(this);
    }

    @Override
    public BenchmarkKind kind() {
        return BenchmarkKind.POPE;
    }

    @Override
    public String name() {
        return "pope_" + split;
    }

    @Override
    public List<ProbeItem> items() {
        return questions.stream().map(q -> new ProbeItem(String.valueOf(q.questionId()), q.image(), q.text(),
                q.label(), Map.of("label", q.label()))).toList();
    }

    @Override
    public Judgement judge(ProbeItem item, String answer) {
        String parsed = AnswerCleaning.popeOfficial(answer).label();
        return new Judgement(parsed, parsed.equals(item.expected()));
    }

    @Override
    public Scored<PopeScore> score(String model, Map<String, String> answersById) {
        List<PopeAnswer> answers = new ArrayList<>();
        for (PopeQuestion question : questions) {
            String answer = answersById.get(String.valueOf(question.questionId()));
            if (answer != null) {
                answers.add(new PopeAnswer(question.questionId(), question.text(), answer));
            }
        }
        PopeScore score = PopeScorer.score(questions, answers);
        BinaryMetrics m = score.official();
        List<Metric> metrics = new ArrayList<>();
        Map<String, Double> official = new LinkedHashMap<>(); // values may be null: n/a
        official.put("accuracy", m.accuracy());
        official.put("precision", m.precision());
        official.put("recall", m.recall());
        official.put("f1", m.f1());
        official.put("yes_ratio", m.yesRatio());
        official.forEach((metric, value) -> metrics.add(new Metric(name(), model, metric, OFFICIAL, value, m.n(),
                m.tp(), m.fp(), m.tn(), m.fn())));
        ExactMatch exact = score.exactMatch();
        metrics.add(Metric.of(name(), model, "accuracy", EXACT, exact.accuracy().fraction(), exact.accuracy().total()));
        return new Scored<>(score, metrics, score.skipped());
    }
}
