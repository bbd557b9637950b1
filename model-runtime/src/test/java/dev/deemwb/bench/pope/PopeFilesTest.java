package dev.deemwb.bench.pope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.TempFiles;
import dev.deemwb.bench.YesNo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopeFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheOfficialFormatIgnoringBlankLinesAndUnknownFields() throws IOException {
        Path file = write("coco_pope_random.json",
                "{\"question_id\": 1, \"image\": \"COCO_val2014_000000310196.jpg\", \"text\": \"Is there a snowboard in the image?\", \"label\": \"yes\"}\n"
                + "\n"
                + "{\"question_id\": 2, \"image\": \"COCO_val2014_000000310196.jpg\", \"text\": \"Is there a dog in the image?\", \"label\": \"no\", \"source\": \"x\"}\n");

        List<PopeQuestion> questions = PopeFiles.readQuestions(file);

        assertThat(questions).containsExactly(
                new PopeQuestion(1, "COCO_val2014_000000310196.jpg", "Is there a snowboard in the image?", "yes"),
                new PopeQuestion(2, "COCO_val2014_000000310196.jpg", "Is there a dog in the image?", "no"));
        assertThat(questions.get(1).expected()).isEqualTo(YesNo.NO);
    }

    @Test
    void questionsRoundTripInTheOfficialFieldOrder() throws IOException {
        Path file = dir.resolve("mini_pope_adversarial.jsonl");
        List<PopeQuestion> questions = List.of(
                new PopeQuestion(1, "0001.png", "Is there a \"red\" circle in the image?", "yes"),
                new PopeQuestion(2, "0001.png", "Is there a cross in the image?", "no"));

        PopeFiles.writeQuestions(file, questions);

        assertThat(PopeFiles.readQuestions(file)).isEqualTo(questions);
        assertThat(Files.readAllLines(file).get(1)).isEqualTo(
                "{\"question_id\":2,\"image\":\"0001.png\",\"text\":\"Is there a cross in the image?\",\"label\":\"no\"}");
        assertThat(TempFiles.names(dir)).containsExactly("mini_pope_adversarial.jsonl");
    }

    @Test
    void answersRoundTripWithAndWithoutIds() throws IOException {
        Path byOrder = dir.resolve("answers.jsonl");
        List<PopeAnswer> plain = List.of(new PopeAnswer("Is there a dog?", "Yes."), new PopeAnswer("Is there a cat?", ""));
        PopeFiles.writeAnswers(byOrder, plain);
        assertThat(PopeFiles.readAnswers(byOrder)).isEqualTo(plain);
        assertThat(Files.readAllLines(byOrder).get(0)).isEqualTo("{\"question\":\"Is there a dog?\",\"answer\":\"Yes.\"}");

        Path byId = dir.resolve("answers-with-ids.jsonl");
        List<PopeAnswer> withIds = List.of(new PopeAnswer(7, "Is there a dog?", "no"));
        PopeFiles.writeAnswers(byId, withIds);
        assertThat(PopeFiles.readAnswers(byId)).isEqualTo(withIds);
        assertThat(TempFiles.names(dir)).containsExactly("answers-with-ids.jsonl", "answers.jsonl");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        Path file = write("pope_adversarial.jsonl", line(1, "yes") + "\n" + line(2, "no") + "\n{\"question_id\": 3, oops}\n");

        assertThatThrownBy(() -> PopeFiles.readQuestions(file))
                .isInstanceOf(BenchFormatException.class)
                .hasMessageStartingWith(file + " line 3: malformed JSON (Unexpected character ('o'");
    }

    @Test
    void missingFieldBlankFieldAndBadLabelNameTheLine() throws IOException {
        Path missing = write("missing.jsonl", line(1, "yes") + "\n{\"question_id\": 2, \"image\": \"a.jpg\", \"text\": \"Is there a cat?\"}\n");
        assertThatThrownBy(() -> PopeFiles.readQuestions(missing))
                .hasMessage(missing + " line 2: missing field 'label'");

        Path blank = write("blank.jsonl", "{\"question_id\": 1, \"image\": \" \", \"text\": \"Is there a cat?\", \"label\": \"no\"}\n");
        assertThatThrownBy(() -> PopeFiles.readQuestions(blank))
                .hasMessage(blank + " line 1: field 'image' is blank");

        Path badLabel = write("label.jsonl", line(1, "Yes") + "\n");
        assertThatThrownBy(() -> PopeFiles.readQuestions(badLabel))
                .hasMessage(badLabel + " line 1: label must be 'yes' or 'no', found 'Yes'");

        Path badId = write("id.jsonl", "{\"question_id\": \"1\", \"image\": \"a.jpg\", \"text\": \"Is there a cat?\", \"label\": \"no\"}\n");
        assertThatThrownBy(() -> PopeFiles.readQuestions(badId))
                .hasMessage(badId + " line 1: field 'question_id' must be a whole number, found string \"1\"");
    }

    @Test
    void duplicateQuestionIdIsAnError() throws IOException {
        Path file = write("dup.jsonl", line(1, "yes") + "\n" + line(1, "no") + "\n");

        assertThatThrownBy(() -> PopeFiles.readQuestions(file)).hasMessage(file + " line 2: duplicate question_id 1");
    }

    @Test
    void answerFileMustUseIdsOnEveryLineOrNone() throws IOException {
        Path file = write("answers.jsonl", "{\"question\": \"q\", \"answer\": \"yes\"}\n"
                + "{\"question_id\": 2, \"question\": \"q\", \"answer\": \"no\"}\n");

        assertThatThrownBy(() -> PopeFiles.readAnswers(file))
                .hasMessage(file + " line 2: unexpected field 'question_id' (earlier lines have none)");

        Path missingAnswer = write("answers2.jsonl", "{\"question\": \"q\"}\n");
        assertThatThrownBy(() -> PopeFiles.readAnswers(missingAnswer))
                .hasMessage(missingAnswer + " line 1: missing field 'answer'");
    }

    @Test
    void nonexistentFile() {
        Path missing = dir.resolve("coco_pope_popular.json");

        assertThatThrownBy(() -> PopeFiles.readQuestions(missing)).hasMessage(missing + ": no such file");
    }

    private static String line(int id, String label) {
        return "{\"question_id\": " + id + ", \"image\": \"a.jpg\", \"text\": \"Is there a cat?\", \"label\": \"" + label + "\"}";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
