package dev.deemwb.eval;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.BenchFiles;
import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpLabelCorrections;
import dev.deemwb.bench.mmvp.MmvpPair;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.mmvp.MmvpScore;
import dev.deemwb.bench.mmvp.MmvpScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * MMVP's {@code Questions.csv} and its image folder. A model that reads any words (an endpoint) is asked
 * the question with its options on the next line ({@code (a) Open (b) Closed}, as the file spells them),
 * so it can answer with a letter; the mini models, whose vocabulary has no {@code (a)}/{@code (b)}, are
 * asked the bare question, and their answer word is matched to the options' text, which MMVP's scorer
 * accepts. A question whose image is missing keeps the real
 * benchmark's name ({@code <Index>.jpg}) so the run records the missing file instead of skipping it.
 */
public record MmvpBenchmark(Path file, Path images, List<MmvpPair> pairs) implements Benchmark<MmvpScore> {

    public static final String PER_QUESTION = "per question";
    public static final String PAIR = "pair (both right)";

    public MmvpBenchmark {
        pairs = List.copyOf(pairs);
    }

    public static MmvpBenchmark read(Path file, Path images) throws IOException {
        return new MmvpBenchmark(file, images, MmvpFiles.readQuestions(file));
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.mmvp(this);
    }

    @Override
    public BenchmarkKind kind() {
        return BenchmarkKind.MMVP;
    }

    @Override
    public String name() {
        return "mmvp";
    }

    @Override
    public List<ProbeItem> items() {
        List<ProbeItem> items = new ArrayList<>();
        for (MmvpPair pair : pairs) {
            for (MmvpQuestion question : List.of(pair.first(), pair.second())) {
                Map<String, String> slices = new LinkedHashMap<>();
                pair.pattern().ifPresent(pattern -> slices.put("pattern", pattern.displayName()));
                slices.put("pair", String.valueOf(pair.number()));
                items.add(new ProbeItem(String.valueOf(question.index()), imageOf(question), question.question(),
                        question.correct().label(), slices, question.question() + "\n" + question.options().text()));
            }
        }
        return items;
    }

    private String imageOf(MmvpQuestion question) {
        for (String extension : BenchFiles.IMAGE_EXTENSIONS) {
            String name = question.imageFileName(extension);
            if (Files.isRegularFile(images.resolve(name))) {
                return name;
            }
        }
        return question.imageFileName(BenchFiles.IMAGE_EXTENSIONS.get(0));
    }

    @Override
    public Judgement judge(ProbeItem item, String answer) {
        MmvpQuestion question = question(Integer.parseInt(item.id()));
        String parsed = question.options().choiceNamedBy(answer).map(c -> c.label()).orElse(Judgement.UNPARSED);
        return new Judgement(parsed, question.isAnsweredCorrectlyBy(answer));
    }

    private MmvpQuestion question(int index) {
        return pairs.stream().flatMap(pair -> Stream.of(pair.first(), pair.second()))
                .filter(question -> question.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no question with Index " + index));
    }

    @Override
    public Scored<MmvpScore> score(String model, Map<String, String> answersById) {
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        answersById.forEach((id, answer) -> byIndex.put(Integer.parseInt(id), answer));
        MmvpScore score = MmvpScorer.score(pairs, byIndex);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(accuracy(model, PER_QUESTION, score.questions()));
        metrics.add(accuracy(model, PAIR, score.pairs()));
        score.pairsByPattern().forEach((pattern, accuracy) ->
                metrics.add(accuracy(model, PAIR + " · " + pattern.displayName(), accuracy)));
        MmvpLabelCorrections.corrected(pairs).ifPresent(corrected -> {
            MmvpScore fixed = MmvpScorer.score(corrected, byIndex);
            metrics.add(accuracy(model, PER_QUESTION + " · " + MmvpLabelCorrections.VARIANT, fixed.questions()));
            metrics.add(accuracy(model, PAIR + " · " + MmvpLabelCorrections.VARIANT, fixed.pairs()));
        });
        return new Scored<>(score, metrics, score.skipped());
    }

    private Metric accuracy(String model, String variant, Accuracy accuracy) {
        return Metric.of(name(), model, "accuracy", variant, accuracy.fraction(), accuracy.total());
    }
}
