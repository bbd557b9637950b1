package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.bench.PredictionFiles;
import dev.deemwb.bench.YesNo;
import dev.deemwb.bench.mini.MiniBenchmarks;
import dev.deemwb.bench.mini.NegativeSampling;
import dev.deemwb.bench.mmvp.MmvpFiles;
import dev.deemwb.bench.mmvp.MmvpPair;
import dev.deemwb.bench.mmvp.MmvpQuestion;
import dev.deemwb.bench.mmvp.MmvpVlmFiles;
import dev.deemwb.bench.mmvp.MmvpVlmPair;
import dev.deemwb.bench.pope.PopeAnswer;
import dev.deemwb.bench.pope.PopeFiles;
import dev.deemwb.bench.pope.PopeQuestion;
import dev.deemwb.bench.robustvqa.RobustVqaDataset;
import dev.deemwb.bench.robustvqa.RobustVqaFiles;
import dev.deemwb.bench.robustvqa.RobustVqaQuestion;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deemwb bench generate} writes the mini benchmarks, the readers read them back, and
 * {@code deemwb bench score} scores answers to them end to end. Generated once for the class.
 */
class GenerateCommandTest {

    private static final double EPS = 1e-9;

    @TempDir
    static Path dir;

    private static Path out;
    private static CliRun generate;

    @BeforeAll
    static void generateOnce() {
        out = dir.resolve("mini");
        generate = CliRun.of("bench", "generate", "--out", out.toString(), "--seed", "3",
                "--pope-images", "10", "--mmvp-pairs", "6", "--robustvqa-records", "9");
    }

    @Test
    void exitsZeroAndReportsWhatItWrote() {
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        assertThat(generate.err()).isEmpty();
        assertThat(generate.out()).contains("pope_random", "pope_popular", "pope_adversarial", "mmvp", "mmvp_vlm",
                "robustvqa", "questions", "images", "wrote " + out);
        assertThat(generate.out()).containsPattern("pope_adversarial\\s+60 questions");
        assertThat(generate.out()).containsPattern("mmvp\\s+12 questions");
        assertThat(generate.out()).containsPattern("robustvqa\\s+18 questions");
    }

    @Test
    void writesEveryFile() throws IOException {
        assertThat(out.resolve("manifest.json")).isRegularFile();
        for (NegativeSampling sampling : NegativeSampling.values()) {
            assertThat(out.resolve("pope").resolve(MiniBenchmarks.popeFileName(sampling))).isRegularFile();
        }
        assertThat(out.resolve("pope/scenes.jsonl")).isRegularFile();
        assertThat(out.resolve("mmvp/Questions.csv")).isRegularFile();
        assertThat(out.resolve("mmvp/scenes.jsonl")).isRegularFile();
        assertThat(out.resolve("mmvp_vlm/Questions.csv")).isRegularFile();
        assertThat(out.resolve("mmvp_vlm/scenes.jsonl")).isRegularFile();
        assertThat(out.resolve("robustvqa/robustvqa.json")).isRegularFile();
        assertThat(out.resolve("robustvqa/scenes.jsonl")).isRegularFile();

        assertThat(pngsUnder(out.resolve("pope/images"))).hasSize(10);
        assertThat(pngsUnder(out.resolve("mmvp/images"))).hasSize(12);
        assertThat(pngsUnder(out.resolve("mmvp_vlm/images"))).hasSize(12);
        assertThat(pngsUnder(out.resolve("robustvqa/images"))).hasSize(9);
    }

    @Test
    void manifestCountsMatchTheFiles() throws IOException {
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.at("/spec/seed").asLong()).isEqualTo(3);
        assertThat(manifest.at("/questions/pope_random").asInt()).isEqualTo(60);
        assertThat(manifest.at("/questions/mmvp").asInt()).isEqualTo(12);
        assertThat(manifest.at("/questions/mmvp_vlm").asInt()).isEqualTo(12);
        assertThat(manifest.at("/questions/robustvqa").asInt()).isEqualTo(18);
        assertThat(manifest.at("/images/pope").asInt()).isEqualTo(10);
    }

    @Test
    void readersReadTheFilesBack() throws IOException {
        for (NegativeSampling sampling : NegativeSampling.values()) {
            List<PopeQuestion> questions = PopeFiles.readQuestions(popeFile(sampling));
            assertThat(questions).as(sampling.id()).hasSize(60);
            // POPE's balance: three yes and three no per image
            assertThat(questions.stream().filter(q -> q.expected() == YesNo.YES)).as(sampling.id()).hasSize(30);
            for (PopeQuestion question : questions) {
                assertThat(out.resolve("pope/images").resolve(question.image())).isRegularFile();
            }
        }

        List<MmvpPair> mmvp = MmvpFiles.readQuestions(out.resolve("mmvp/Questions.csv"));
        assertThat(mmvp).hasSize(6);
        for (MmvpPair pair : mmvp) {
            assertThat(pair.pattern()).isPresent();
            for (MmvpQuestion question : List.of(pair.first(), pair.second())) {
                assertThat(MmvpFiles.resolveImage(out.resolve("mmvp/images"), question)).isRegularFile();
            }
        }

        List<MmvpVlmPair> vlm = MmvpVlmFiles.readStatements(out.resolve("mmvp_vlm/Questions.csv"));
        assertThat(vlm).hasSize(6);
        for (MmvpVlmPair pair : vlm) {
            assertThat(MmvpVlmFiles.resolveImage(out.resolve("mmvp_vlm/images"), pair.first())).isRegularFile();
            assertThat(MmvpVlmFiles.resolveImage(out.resolve("mmvp_vlm/images"), pair.second())).isRegularFile();
        }

        RobustVqaDataset robust = RobustVqaFiles.readOfficial(out.resolve("robustvqa/robustvqa.json"));
        assertThat(robust.splits().keySet()).containsExactlyElementsOf(RobustVqaDataset.OFFICIAL_SPLITS);
        assertThat(robust.questions()).hasSize(18);
        robust.splits().forEach((split, records) -> {
            assertThat(records).as(split).hasSize(3);
            records.forEach(r -> assertThat(out.resolve("robustvqa/images").resolve(r.fileName())).isRegularFile());
        });
    }

    @Test
    void perfectPopeAnswersScoreOne() throws IOException {
        Path labels = popeFile(NegativeSampling.ADVERSARIAL);
        List<PopeAnswer> answers = new ArrayList<>();
        for (PopeQuestion question : PopeFiles.readQuestions(labels)) {
            answers.add(new PopeAnswer(question.text(),
                    question.expected() == YesNo.YES ? "Yes, there is." : "No, there is not."));
        }
        Path answerFile = dir.resolve("perfect_pope_answers.jsonl");
        PopeFiles.writeAnswers(answerFile, answers);

        CliRun run = score("pope", labels, answerFile);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("n").asInt()).isEqualTo(60);
        assertThat(json.get("accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("precision").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("recall").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("f1").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("fp").asInt() + json.get("fn").asInt()).isZero();
        // DEEM's exact match extracts "yes" / "no" from these sentences (the text before the first ",")
        assertThat(json.get("exact_match_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("exact_match_not_yes_or_no").asInt()).isZero();
        assertThat(json.get("skipped").asInt()).isZero();
    }

    @Test
    void allYesPopeAnswersHaveYesRatioAndRecallOneAndPrecisionTheShareOfYesLabels() throws IOException {
        Path labels = popeFile(NegativeSampling.POPULAR);
        List<PopeQuestion> questions = PopeFiles.readQuestions(labels);
        double yesShare = questions.stream().filter(q -> q.expected() == YesNo.YES).count() / (double) questions.size();
        StringBuilder text = new StringBuilder();
        for (PopeQuestion question : questions) {
            text.append(Json.compactWriter().writeValueAsString(Map.of("question", question.text(), "answer", "yes")))
                    .append('\n');
        }
        Path answerFile = Files.writeString(dir.resolve("all_yes.jsonl"), text);

        CliRun run = score("pope", labels, answerFile);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("yes_ratio").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("recall").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("precision").asDouble()).isCloseTo(yesShare, within(EPS));
        assertThat(json.get("precision").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(json.get("accuracy").asDouble()).isCloseTo(yesShare, within(EPS));
        assertThat(json.get("tn").asInt() + json.get("fn").asInt()).isZero();
        // a bare "yes" is a yes/no answer for exact match too: right exactly on the yes labels
        assertThat(json.get("exact_match_accuracy").asDouble()).isCloseTo(yesShare, within(EPS));
        assertThat(json.get("exact_match_not_yes_or_no").asInt()).isZero();
    }

    @Test
    void perfectMmvpMmvpVlmAndRobustVqaPredictionsScoreOne() throws IOException {
        Path mmvpQuestions = out.resolve("mmvp/Questions.csv");
        StringBuilder mmvp = new StringBuilder();
        for (MmvpPair pair : MmvpFiles.readQuestions(mmvpQuestions)) {
            for (MmvpQuestion question : List.of(pair.first(), pair.second())) {
                // As a model answers (an option named in full): the bare labels would be refused as the ground truth.
                mmvp.append(line(Map.of("index", question.index(), "answer", question.correct().label() + " "
                        + question.options().option(question.correct()))));
            }
        }
        Path mmvpAnswers = Files.writeString(dir.resolve("mmvp_answers.jsonl"), mmvp);
        assertThat(PredictionFiles.readAnswersByIndex(mmvpAnswers)).hasSize(12);

        CliRun mmvpRun = score("mmvp", mmvpQuestions, mmvpAnswers);
        assertThat(mmvpRun.exitCode()).as(mmvpRun.toString()).isZero();
        assertThat(mmvpRun.json().get("question_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(mmvpRun.json().get("pair_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(mmvpRun.json().get("pair_n").asInt()).isEqualTo(6);

        Path vlmStatements = out.resolve("mmvp_vlm/Questions.csv");
        StringBuilder vlm = new StringBuilder();
        for (MmvpVlmPair pair : MmvpVlmFiles.readStatements(vlmStatements)) {
            vlm.append(line(Map.of("qid", pair.first().qid(), "image", MmvpVlmPair.FIRST_IMAGE)));
            vlm.append(line(Map.of("qid", pair.second().qid(), "image", MmvpVlmPair.SECOND_IMAGE)));
        }
        Path vlmChoices = Files.writeString(dir.resolve("vlm_choices.jsonl"), vlm);

        CliRun vlmRun = score("mmvp-vlm", vlmStatements, vlmChoices);
        assertThat(vlmRun.exitCode()).as(vlmRun.toString()).isZero();
        assertThat(vlmRun.json().get("mean_pair_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(vlmRun.json().get("pair_n").asInt()).isEqualTo(6);

        Path robustFile = out.resolve("robustvqa/robustvqa.json");
        StringBuilder robust = new StringBuilder();
        for (RobustVqaQuestion question : RobustVqaFiles.read(robustFile).questions()) {
            robust.append(line(Map.of("question_id", question.id(), "answer", question.expected().label())));
        }
        Path robustAnswers = Files.writeString(dir.resolve("robust_answers.jsonl"), robust);

        CliRun robustRun = score("robustvqa", robustFile, robustAnswers);
        assertThat(robustRun.exitCode()).as(robustRun.toString()).isZero();
        JsonNode json = robustRun.json();
        for (String split : RobustVqaDataset.OFFICIAL_SPLITS) {
            assertThat(json.get(split + "_accuracy").asDouble()).as(split).isCloseTo(1.0, within(EPS));
            assertThat(json.get(split + "_n").asInt()).as(split).isEqualTo(6);
        }
        assertThat(json.get("overall_n").asInt()).isEqualTo(18);
        assertThat(json.get("skipped").asInt()).isZero();
    }

    @Test
    void sameSeedWritesTheSameFiles() throws IOException {
        Path again = dir.resolve("again");
        CliRun run = CliRun.of("bench", "generate", "--out", again.toString(), "--seed", "3",
                "--pope-images", "10", "--mmvp-pairs", "6", "--robustvqa-records", "9");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String file : List.of("pope/mini_pope_adversarial.jsonl", "mmvp/Questions.csv", "mmvp_vlm/Questions.csv",
                "robustvqa/robustvqa.json", "pope/images/pope_00001.png")) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(Files.readAllBytes(out.resolve(file)));
        }
    }

    @Test
    void zeroImagesIsAOneLineFailure() {
        CliRun run = CliRun.of("bench", "generate", "--out", dir.resolve("zero").toString(), "--pope-images", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("at least one");
    }

    @Test
    void generateHelpNamesItsOptions() {
        CliRun run = CliRun.of("bench", "generate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--out", "--seed", "--pope-images", "--mmvp-pairs", "--robustvqa-records",
                "--image-size");
    }

    private Path popeFile(NegativeSampling sampling) {
        return out.resolve("pope").resolve(MiniBenchmarks.popeFileName(sampling));
    }

    private CliRun score(String format, Path labels, Path predictions) {
        return CliRun.of("bench", "score", "--format", format,
                "--labels", labels.toString(), "--predictions", predictions.toString(), "--json");
    }

    private static String line(Map<String, Object> value) throws IOException {
        return Json.compactWriter().writeValueAsString(value) + "\n";
    }

    private static List<Path> pngsUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".png")).toList();
        }
    }
}
