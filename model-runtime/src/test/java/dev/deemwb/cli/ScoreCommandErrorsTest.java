package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deemwb bench score} on bad input: exit 1 and one line on standard error that names the file,
 * where in it (line, record, column) and what is wrong; bad usage exits 2 with the usage.
 */
class ScoreCommandErrorsTest {

    @TempDir
    Path dir;

    private static final String GOOD_POPE_LINE =
            "{\"question_id\": %d, \"image\": \"a.jpg\", \"text\": \"Is there a dog in the image?\", \"label\": \"yes\"}\n";

    @Test
    void malformedJsonLineInPopeLabelsNamesFileAndLine() throws IOException {
        // line 3 is blank and still counted, so the bad line is line 4, as an editor shows it
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1) + GOOD_POPE_LINE.formatted(2) + "\n"
                + "{\"question_id\": 3, \"image\": \n");
        Path answers = write("answers.jsonl", "{\"question\": \"q\", \"answer\": \"yes\"}\n");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, labels, "line 4", "malformed JSON");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void popeLabelOtherThanYesOrNoNamesFileAndLine() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1)
                + "{\"question_id\": 2, \"image\": \"a.jpg\", \"text\": \"Is there a cat?\", \"label\": \"Yes\"}\n");
        Path answers = write("answers.jsonl", "");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, labels, "line 2", "label must be 'yes' or 'no'", "'Yes'");
    }

    @Test
    void popeLabelLineThatIsNotAnObjectNamesFileAndLine() throws IOException {
        Path labels = write("labels.jsonl", "{\"question_id\": 1, \"image\": \"a.jpg\", \"text\": \"t\", \"label\": \"yes\"}\n"
                + "7\n");
        Path answers = write("answers.jsonl", "");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, labels, "line 2", "expected a JSON object");
    }

    @Test
    void popeLabelsWrittenAsOneJsonArraySaySo() throws IOException {
        Path labels = write("labels.json", "[{\"question_id\": 1, \"image\": \"a.jpg\", \"text\": \"t\", \"label\": \"yes\"}]\n");
        Path answers = write("answers.jsonl", "");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, labels, "a JSON array, not JSON Lines");
    }

    @Test
    void popeAnswerWithoutAnswerFieldNamesFileLineAndField() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1) + GOOD_POPE_LINE.formatted(2));
        Path answers = write("answers.jsonl", """
                {"question": "Is there a dog in the image?", "answer": "yes"}
                {"question": "Is there a dog in the image?", "reply": "yes"}
                """);

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, answers, "line 2", "missing field 'answer'");
    }

    @Test
    void missingAnswersFileIsNamed() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1));
        Path answers = dir.resolve("no_such_answers.jsonl");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, answers, "no such file");
    }

    @Test
    void missingLabelsFileIsNamed() throws IOException {
        Path labels = dir.resolve("no_such_Questions.csv");
        Path predictions = write("answers.jsonl", "{\"index\": 1, \"answer\": \"(a)\"}\n");

        CliRun run = score("mmvp", labels, predictions);

        assertOneLineFailure(run, labels, "no such file");
    }

    @Test
    void mmvpQuestionsWithoutOptionsColumnNameFileHeaderLineAndColumn() throws IOException {
        Path questions = write("Questions.csv", """
                Index,Question,Correct Answer
                1,Is the door open or closed?,(a)
                2,Is the door open or closed?,(b)
                """);
        Path predictions = write("answers.jsonl", "{\"index\": 1, \"answer\": \"(a)\"}\n");

        CliRun run = score("mmvp", questions, predictions);

        assertOneLineFailure(run, questions, "line 1", "missing column 'Options'");
    }

    @Test
    void mmvpVlmStatementsWithoutTypeColumnNameFileAndColumn() throws IOException {
        Path statements = write("Questions.csv", """
                qid,statement
                1,The arrow points left.
                2,The arrow points right.
                """);
        Path predictions = write("choices.jsonl", "{\"qid\": 1, \"image\": 0}\n");

        CliRun run = score("mmvp-vlm", statements, predictions);

        assertOneLineFailure(run, statements, "line 1", "missing column 'Type'");
    }

    @Test
    void mmvpBadOptionsValueNamesFileAndLine() throws IOException {
        Path questions = write("Questions.csv", """
                Index,Question,Options,Correct Answer
                1,Is the door open or closed?,(a) Open (b) Closed,(a)
                2,Is the door open or closed?,Open or Closed,(b)
                """);
        Path predictions = write("answers.jsonl", "{\"index\": 1, \"answer\": \"(a)\"}\n");

        CliRun run = score("mmvp", questions, predictions);

        assertOneLineFailure(run, questions, "line 3", "Options must look like");
    }

    @Test
    void robustVqaRecordWithoutFieldNamesFileSplitAndIndex() throws IOException {
        Path labels = write("robustvqa.json", """
                {
                  "imagenet_a": [
                    {"file_name": "a/0.jpg", "gt_caption": "a stingray", "error_caption": "a goldfish"}
                  ],
                  "imagenet_r": [
                    {"file_name": "r/0.jpg", "gt_caption": "a goldfish", "error_caption": "a shark"},
                    {"file_name": "r/1.jpg", "gt_caption": "a tench"}
                  ],
                  "imagenet_v2": []
                }
                """);
        Path predictions = write("answers.jsonl", "{\"question_id\": \"imagenet_a[0].gt\", \"answer\": \"yes\"}\n");

        CliRun run = score("robustvqa", labels, predictions);

        assertOneLineFailure(run, labels, "record imagenet_r[1]", "missing field 'error_caption'");
    }

    @Test
    void robustVqaSplitThatIsNotAnArrayIsNamed() throws IOException {
        Path labels = write("robustvqa.json", """
                {"imagenet_a": {"file_name": "a/0.jpg"}}
                """);
        Path predictions = write("answers.jsonl", "");

        CliRun run = score("robustvqa", labels, predictions);

        assertOneLineFailure(run, labels, "record imagenet_a", "must be an array");
    }

    @Test
    void robustVqaMalformedJsonNamesFileAndLine() throws IOException {
        Path labels = write("robustvqa.json", """
                {
                  "imagenet_a": [
                    {"file_name": "a/0.jpg", "gt_caption": "a stingray", "error_caption": "a goldfish"},,
                  ]
                }
                """);
        Path predictions = write("answers.jsonl", "");

        CliRun run = score("robustvqa", labels, predictions);

        assertOneLineFailure(run, labels, "line 3", "malformed JSON");
    }

    @Test
    void mmvpQuestionPredictedTwiceNamesBothLines() throws IOException {
        Path questions = write("Questions.csv", """
                Index,Question,Options,Correct Answer
                1,Is the door open or closed?,(a) Open (b) Closed,(a)
                2,Is the door open or closed?,(a) Open (b) Closed,(b)
                """);
        Path predictions = write("answers.jsonl", """
                {"index": 1, "answer": "(a)"}
                {"index": 2, "answer": "(b)"}
                {"index": 1, "answer": "(b)"}
                """);

        CliRun run = score("mmvp", questions, predictions);

        assertOneLineFailure(run, predictions, "line 3", "predicted twice", "line 1");
    }

    @Test
    void robustVqaQuestionPredictedTwiceNamesBothLines() throws IOException {
        Path labels = write("robustvqa.json", """
                {"imagenet_a": [{"file_name": "a/0.jpg", "gt_caption": "a stingray", "error_caption": "a goldfish"}]}
                """);
        Path predictions = write("answers.jsonl", """
                {"question_id": "imagenet_a[0].gt", "answer": "yes"}

                {"question_id": "imagenet_a[0].gt", "answer": "no"}
                """);

        CliRun run = score("robustvqa", labels, predictions);

        assertOneLineFailure(run, predictions, "line 3", "imagenet_a[0].gt", "predicted twice", "line 1");
    }

    @Test
    void mmvpVlmChoiceOtherThanZeroOrOneNamesFileAndLine() throws IOException {
        Path statements = write("Questions.csv", """
                qid,type,statement
                1,Texts,The sign says STOP.
                2,Texts,The sign says GO.
                """);
        Path predictions = write("choices.jsonl", """
                {"qid": 1, "image": 0}
                {"qid": 2, "image": 2}
                """);

        CliRun run = score("mmvp-vlm", statements, predictions);

        assertOneLineFailure(run, predictions, "line 2", "'image' must be 0");
    }

    @Test
    void unknownFormatIsBadUsageWithTheUsage() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1));
        Path answers = write("answers.jsonl", "{\"question\": \"q\", \"answer\": \"yes\"}\n");

        CliRun run = score("vqav2", labels, answers);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--format", "unknown format 'vqav2' (known: pope, mmvp, mmvp-vlm, robustvqa)", "Usage:")
                .doesNotContain("java.lang", "enum constant");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingRequiredOptionIsBadUsage() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1));

        CliRun run = CliRun.of("bench", "score", "--format", "pope", "--labels", labels.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--predictions", "Usage:");
    }

    @Test
    void aFolderGivenAsLabelsIsNamedAsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("not-a-file"));
        Path answers = write("answers.jsonl", "{\"question\": \"q\", \"answer\": \"yes\"}\n");

        assertOneLineFailure(score("pope", folder, answers), folder, "is a folder, not a file");
    }

    @Test
    void emptyLabelsAreAnErrorNotAPerfectScoreOfNothing() throws IOException {
        Path labels = write("empty.jsonl", "\n");
        Path answers = write("answers.jsonl", "");

        assertOneLineFailure(score("pope", labels, answers), labels, "no questions to score");
    }

    @Test
    void anEmptyPredictionsFileIsAnErrorNotAnAccuracyOfZero() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1) + GOOD_POPE_LINE.formatted(2));
        Path answers = write("answers.jsonl", "");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, answers, "no prediction could be scored", "skipped: 2 no answer", "n/a");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void predictionsMatchingNoLabelAreAnErrorThatSaysWhyEachWasSkipped() throws IOException {
        Path labels = write("labels.jsonl", GOOD_POPE_LINE.formatted(1));
        Path answers = write("answers.jsonl", "{\"question_id\": 7, \"question\": \"Is there a cat in the image?\", "
                + "\"answer\": \"yes\"}\n");

        CliRun run = score("pope", labels, answers);

        assertOneLineFailure(run, answers, "no prediction could be scored", "skipped: ");
    }

    private CliRun score(String format, Path labels, Path predictions) {
        return CliRun.of("bench", "score", "--format", format,
                "--labels", labels.toString(), "--predictions", predictions.toString(), "--json");
    }

    /** Exit 1, nothing but one line on standard error, naming the file and each of {@code parts}. */
    private static void assertOneLineFailure(CliRun run, Path file, String... parts) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        String line = run.errLines().get(0);
        assertThat(line).startsWith("deemwb bench score: ");
        assertThat(line).contains(file.toString());
        assertThat(line).contains(parts);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
