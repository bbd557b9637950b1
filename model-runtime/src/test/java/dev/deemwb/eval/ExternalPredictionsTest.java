package dev.deemwb.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another tool's predictions, written in each benchmark's answer format, score exactly like the same
 * answers handed to the scorer directly (as the runner does with our models' answers).
 */
class ExternalPredictionsTest {

    @TempDir
    static Path suite;

    @TempDir
    Path dir;

    private static List<Benchmark<?>> benchmarks;

    @BeforeAll
    static void generate() throws IOException {
        MiniBenchmarks.generate(new MiniBenchmarks.Spec(9, 8, 6, 10, 64), suite);
        benchmarks = MiniSuite.read(suite);
    }

    /** A mix of right, wrong and off-topic answers, the same for every call with one seed. */
    private static Map<String, String> someAnswers(Benchmark<?> benchmark, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> words = List.of("yes", "no", "Yes.", "No, there is not", "circle", "red", "(a)", "(b)", "maybe", "");
        Map<String, String> answers = new LinkedHashMap<>();
        for (ProbeItem item : benchmark.items()) {
            answers.put(item.id(), random.nextInt(3) == 0 ? item.expected() : words.get(random.nextInt(words.size())));
        }
        return answers;
    }

    @Test
    void aPopeAnswerFileInLabelOrderScoresAsTheSameAnswersGivenDirectly() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmarks.get(2);
        Map<String, String> answers = someAnswers(pope, 1);
        List<PopeAnswer> lines = new ArrayList<>();
        for (PopeQuestion question : pope.questions()) {
            lines.add(new PopeAnswer(question.text(), answers.get(String.valueOf(question.questionId()))));
        }
        Path file = dir.resolve("answers.jsonl");
        PopeFiles.writeAnswers(file, lines);

        Map<String, String> imported = ExternalPredictions.read(pope, file);

        assertThat(imported).isEqualTo(answers);
        assertThat(pope.score("external", imported)).isEqualTo(pope.score("external", answers));
    }

    @Test
    void popeAnswersWithQuestionIdsMayComeInAnyOrder() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmarks.get(0);
        Map<String, String> answers = someAnswers(pope, 2);
        List<PopeQuestion> reversed = new ArrayList<>(pope.questions());
        Collections.reverse(reversed);
        List<PopeAnswer> lines = new ArrayList<>();
        for (PopeQuestion question : reversed) {
            lines.add(new PopeAnswer(question.questionId(), question.text(), answers.get(String.valueOf(question.questionId()))));
        }
        Path file = dir.resolve("answers.jsonl");
        PopeFiles.writeAnswers(file, lines);

        assertThat(pope.score("x", ExternalPredictions.read(pope, file)).score())
                .isEqualTo(pope.score("x", answers).score());
    }

    @Test
    void popePredictionsOfOtherToolsNeedOnlyTheQuestionIdAndTheAnswer() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmarks.get(1);
        Map<String, String> answers = someAnswers(pope, 4);
        StringBuilder text = new StringBuilder();
        answers.forEach((id, answer) -> text.append("{\"question_id\": ").append(id).append(", \"answer\": ")
                .append(Json.mapper().valueToTree(answer).toString()).append("}\n"));
        Path file = dir.resolve("predictions.jsonl");
        Files.writeString(file, text);

        assertThat(ExternalPredictions.read(pope, file)).isEqualTo(answers);
    }

    @Test
    void popeAnswerFilesWithOnlyTheAnswerAsPopesScriptReadsThemAndLlavaLinesLoad() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmarks.get(1);
        Map<String, String> answers = someAnswers(pope, 5);
        StringBuilder answerOnly = new StringBuilder();
        StringBuilder llava = new StringBuilder();
        answers.forEach((id, answer) -> {
            answerOnly.append(jsonLine(Map.of("answer", answer)));
            llava.append(jsonLine(Map.of("question_id", Integer.parseInt(id), "prompt", "Is there a circle?",
                    "text", answer, "model_id", "llava-v1.5-7b")));
        });
        Path answerOnlyFile = dir.resolve("answer-only.jsonl");
        Files.writeString(answerOnlyFile, answerOnly);
        Path llavaFile = dir.resolve("llava.jsonl");
        Files.writeString(llavaFile, llava);

        assertThat(ExternalPredictions.read(pope, answerOnlyFile)).isEqualTo(answers);
        assertThat(ExternalPredictions.read(pope, llavaFile)).isEqualTo(answers);
    }

    @Test
    void mmvpsOwnAnswerFilesAreScoredOnTheResponseNotOnTheGroundTruth() throws IOException {
        MmvpBenchmark mmvp = (MmvpBenchmark) benchmarks.get(3);
        Map<String, String> answers = someAnswers(mmvp, 6);
        StringBuilder text = new StringBuilder();
        for (ProbeItem item : mmvp.items()) {
            text.append(jsonLine(Map.of("question_id", Integer.parseInt(item.id()), "answer", item.expected(),
                    "response", answers.get(item.id()))));
        }
        Path file = dir.resolve("mmvp-answers.jsonl");
        Files.writeString(file, text);

        assertThat(ExternalPredictions.read(mmvp, file)).isEqualTo(answers);
    }

    @Test
    void aPopeAnswerFileOfTheWrongLengthIsRefusedBecauseOrderCannotSayWhatIsMissing() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmarks.get(0);
        Path file = dir.resolve("short.jsonl");
        PopeFiles.writeAnswers(file, List.of(new PopeAnswer("Is there a circle in the image?", "yes")));

        assertThatThrownBy(() -> ExternalPredictions.read(pope, file)).isInstanceOf(BenchFormatException.class)
                .hasMessageContaining("short.jsonl").hasMessageContaining("1 answers for the " + pope.questions().size());
    }

    @Test
    void popeAnswersToAnotherSplitsQuestionsAreRefusedAtTheirLine() throws IOException {
        PopeBenchmark pope = (PopeBenchmark) benchmarks.get(0);
        List<PopeAnswer> lines = new ArrayList<>();
        for (PopeQuestion question : pope.questions()) {
            lines.add(new PopeAnswer(question.text(), "yes"));
        }
        lines.set(2, new PopeAnswer("Is there a unicorn in the image?", "no"));
        Path file = dir.resolve("other-split.jsonl");
        PopeFiles.writeAnswers(file, lines);

        assertThatThrownBy(() -> ExternalPredictions.read(pope, file)).isInstanceOf(BenchFormatException.class)
                .hasMessageContaining("other-split.jsonl").hasMessageContaining("line 3")
                .hasMessageContaining("\"Is there a unicorn in the image?\"")
                .hasMessageContaining("asks \"" + pope.questions().get(2).text() + "\"");
    }

    @Test
    void mmvpAndRobustVqaPredictionsKeyedByIdScoreAsTheSameAnswersGivenDirectly() throws IOException {
        for (Benchmark<?> benchmark : benchmarks.subList(3, 5)) {
            Map<String, String> answers = someAnswers(benchmark, 3);
            StringBuilder text = new StringBuilder();
            answers.forEach((id, answer) -> {
                Map<String, Object> line = new LinkedHashMap<>();
                if (benchmark instanceof MmvpBenchmark) {
                    line.put("index", Integer.parseInt(id));
                } else {
                    line.put("question_id", id);
                }
                line.put("answer", answer);
                text.append(jsonLine(line));
            });
            Path file = dir.resolve(benchmark.name() + ".jsonl");
            Files.writeString(file, text);

            Map<String, String> imported = ExternalPredictions.read(benchmark, file);

            assertThat(imported).as(benchmark.name()).isEqualTo(answers);
            assertThat(benchmark.score("x", imported)).as(benchmark.name()).isEqualTo(benchmark.score("x", answers));
        }
    }

    /** One JSON Lines line holding {@code fields}. */
    private static String jsonLine(Map<String, Object> fields) {
        try {
            return Json.compactWriter().writeValueAsString(fields) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
