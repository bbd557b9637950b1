package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deemwb bench score} on small hand-written benchmark and prediction files, scored by hand. */
class ScoreCommandTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- POPE

    /*
     * POPE by hand. Official rule: text before the first '.', commas deleted, split on ' '; any token
     * exactly "No", "not" or "no" means no, anything else (the empty answer too) means yes.
     * Exact match: trimmed, lower-cased, trailing punctuation stripped, must be exactly yes/no.
     *
     *  #  label  answer               official     cell   exact match
     *  1  yes    "Yes."               "Yes" -> yes  tp    "yes": right
     *  2  yes    "yes"                yes           tp    "yes": right
     *  3  yes    "not sure"           "not" -> no   fn    "not sure": not yes/no
     *  4  yes    ""                   no negation   tp    "": not yes/no
     *                                 -> yes
     *  5  yes    "No, there is not"   "No" -> no    fn    "no, there is not": not yes/no
     *  6  no     "No, there is not"   no            tn    not yes/no
     *  7  no     "Yes."               yes           fp    "yes" != "no": wrong (but a yes/no)
     *  8  no     "not sure"           no            tn    not yes/no
     *
     * tp=3 fp=1 tn=2 fn=2 n=8
     * accuracy  = (tp+tn)/n      = 5/8 = 0.625
     * precision = tp/(tp+fp)     = 3/4 = 0.75
     * recall    = tp/(tp+fn)     = 3/5 = 0.6
     * f1        = 2*0.75*0.6/(0.75+0.6) = 0.9/1.35 = 2/3
     * yes_ratio = (tp+fp)/n      = 4/8 = 0.5
     * exact match: right are #1, #2 -> 2/8 = 0.25 over n=8; not yes/no: #3 #4 #5 #6 #8 = 5
     */
    private static final String POPE_LABELS = """
            {"question_id": 1, "image": "COCO_val2014_000000000001.jpg", "text": "Is there a dog in the image?", "label": "yes"}
            {"question_id": 2, "image": "COCO_val2014_000000000001.jpg", "text": "Is there a cat in the image?", "label": "yes"}
            {"question_id": 3, "image": "COCO_val2014_000000000001.jpg", "text": "Is there a car in the image?", "label": "yes"}
            {"question_id": 4, "image": "COCO_val2014_000000000002.jpg", "text": "Is there a bus in the image?", "label": "yes"}
            {"question_id": 5, "image": "COCO_val2014_000000000002.jpg", "text": "Is there a tree in the image?", "label": "yes"}
            {"question_id": 6, "image": "COCO_val2014_000000000002.jpg", "text": "Is there a snowboard in the image?", "label": "no"}
            {"question_id": 7, "image": "COCO_val2014_000000000003.jpg", "text": "Is there a horse in the image?", "label": "no"}
            {"question_id": 8, "image": "COCO_val2014_000000000003.jpg", "text": "Is there a kite in the image?", "label": "no"}
            """;

    private static final String POPE_ANSWERS = """
            {"question": "Is there a dog in the image?", "answer": "Yes."}
            {"question": "Is there a cat in the image?", "answer": "yes"}
            {"question": "Is there a car in the image?", "answer": "not sure"}
            {"question": "Is there a bus in the image?", "answer": ""}
            {"question": "Is there a tree in the image?", "answer": "No, there is not"}
            {"question": "Is there a snowboard in the image?", "answer": "No, there is not"}
            {"question": "Is there a horse in the image?", "answer": "Yes."}
            {"question": "Is there a kite in the image?", "answer": "not sure"}
            """;

    @Test
    void popeJsonHasTheOfficialMetricsComputedByHand() throws IOException {
        Path labels = write("coco_pope_adversarial.json", POPE_LABELS);
        Path answers = write("answers.jsonl", POPE_ANSWERS);

        CliRun run = CliRun.of("bench", "score", "--format", "pope",
                "--labels", labels.toString(), "--predictions", answers.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        assertThat(json.get("tp").asInt()).isEqualTo(3);
        assertThat(json.get("fp").asInt()).isEqualTo(1);
        assertThat(json.get("tn").asInt()).isEqualTo(2);
        assertThat(json.get("fn").asInt()).isEqualTo(2);
        assertThat(json.get("n").asInt()).isEqualTo(8);
        assertThat(json.get("accuracy").asDouble()).isCloseTo(0.625, within(EPS));
        assertThat(json.get("precision").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(json.get("recall").asDouble()).isCloseTo(0.6, within(EPS));
        assertThat(json.get("f1").asDouble()).isCloseTo(0.6666666666666666, within(EPS));
        assertThat(json.get("yes_ratio").asDouble()).isCloseTo(0.5, within(EPS));
        // counts are JSON integers, fractions JSON floating-point numbers
        assertThat(json.get("tp").isIntegralNumber()).isTrue();
        assertThat(json.get("accuracy").isFloatingPointNumber()).isTrue();

        // DEEM's extraction: "No, there is not" → "no" (right on 6, wrong on 5); "not sure" and "" are neither
        assertThat(json.get("exact_match_accuracy").asDouble()).isCloseTo(0.375, within(EPS));
        assertThat(json.get("exact_match_n").asInt()).isEqualTo(8);
        assertThat(json.get("exact_match_not_yes_or_no").asInt()).isEqualTo(3);
        assertThat(json.get("skipped").asInt()).isZero();
        assertThat(json.get("skipped_by_reason").isObject()).isTrue();
        assertThat(json.get("skipped_by_reason").size()).isZero();
    }

    @Test
    void popeJsonIsOneLineWithTheIssuesKeysFirst() throws IOException {
        Path labels = write("labels.jsonl", POPE_LABELS);
        Path answers = write("answers.jsonl", POPE_ANSWERS);

        CliRun run = CliRun.of("bench", "score", "--format", "pope",
                "--labels", labels.toString(), "--predictions", answers.toString(), "--json");

        assertThat(run.out().strip()).doesNotContain("\n");
        List<String> keys = new ArrayList<>();
        run.json().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("accuracy", "precision", "recall", "f1", "yes_ratio", "tp", "fp", "tn", "fn", "n");
    }

    @Test
    void popeTableNamesEveryMetric() throws IOException {
        Path labels = write("labels.jsonl", POPE_LABELS);
        Path answers = write("answers.jsonl", POPE_ANSWERS);

        CliRun run = CliRun.of("bench", "score", "--format", "pope",
                "--labels", labels.toString(), "--predictions", answers.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("pope  labels.jsonl");
        assertThat(run.out()).contains("accuracy", "precision", "recall", "f1", "yes_ratio",
                "tp", "fp", "tn", "fn", "exact_match_accuracy", "exact_match_not_yes_or_no", "skipped");
        assertThat(run.out()).contains("%"); // fractions are also shown as percents
        assertThat(run.out().strip()).doesNotStartWith("{");
        String tpLine = run.out().lines().filter(line -> line.strip().startsWith("tp ")).findFirst().orElseThrow();
        assertThat(tpLine.strip()).endsWith("3");
    }

    @Test
    void popeAnswersShorterThanTheLabelsAreSkippedNotCountedWrong() throws IOException {
        Path labels = write("labels.jsonl", POPE_LABELS);
        // only the first two answers: both "yes" on yes labels
        Path answers = write("answers.jsonl", POPE_ANSWERS.lines().limit(2).map(l -> l + "\n").reduce("", String::concat));

        CliRun run = CliRun.of("bench", "score", "--format", "pope",
                "--labels", labels.toString(), "--predictions", answers.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("n").asInt()).isEqualTo(2);
        assertThat(json.get("tp").asInt()).isEqualTo(2);
        assertThat(json.get("accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("skipped").asInt()).isEqualTo(6);
        assertThat(json.get("skipped_by_reason").get("no answer").asInt()).isEqualTo(6);
    }

    // ---------------------------------------------------------------- MMVP

    /*
     * MMVP by hand. An answer picks an option when, cleaned, it is "(a)", "a", "(a) Open" or "Open".
     *
     *  Index  correct  answer       picks   right?
     *  1      (a)      "(a)"        (a)     yes
     *  2      (b)      "Closed."    (b)     yes    -> pair 1 (State) right
     *  3      (b)      "(b) Three"  (b)     yes
     *  4      (a)      "maybe"      none    no     -> pair 2 (Quantity) wrong
     *  9      -        "(a)"        no such Index: skipped, "answer matches no question"
     *
     * question accuracy 3/4 = 0.75, pair accuracy 1/2 = 0.5; by pattern: state 1/1, quantity 0/1.
     */
    @Test
    void mmvpQuestionAndPairAccuracy() throws IOException {
        Path questions = write("Questions.csv", """
                Index,Question,Options,Correct Answer,Type
                1,Is the door open or closed?,(a) Open (b) Closed,(a),State and Condition
                2,Is the door open or closed?,(a) Open (b) Closed,(b),State and Condition
                3,"How many cats are there, two or three?",(a) Two (b) Three,(b),Quantity and Count
                4,"How many cats are there, two or three?",(a) Two (b) Three,(a),Quantity and Count
                """);
        Path predictions = write("mmvp_answers.jsonl", """
                {"index": 1, "answer": "(a)"}
                {"index": 2, "answer": "Closed."}
                {"index": 3, "answer": "(b) Three"}
                {"index": 4, "answer": "maybe"}
                {"index": 9, "answer": "(a)"}
                """);

        CliRun run = CliRun.of("bench", "score", "--format", "mmvp",
                "--labels", questions.toString(), "--predictions", predictions.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("question_accuracy").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(json.get("question_n").asInt()).isEqualTo(4);
        assertThat(json.get("pair_accuracy").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(json.get("pair_n").asInt()).isEqualTo(2);
        assertThat(json.get("pair_state_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("pair_state_n").asInt()).isEqualTo(1);
        assertThat(json.get("pair_quantity_accuracy").asDouble()).isCloseTo(0.0, within(EPS));
        assertThat(json.get("pair_quantity_n").asInt()).isEqualTo(1);
        assertThat(json.get("skipped").asInt()).isEqualTo(1);
        assertThat(json.get("skipped_by_reason").get("answer matches no question").asInt()).isEqualTo(1);
    }

    @Test
    void mmvpTableWithoutTypeColumnHasNoPatternRows() throws IOException {
        Path questions = write("Questions.csv", """
                Index,Question,Options,Correct Answer
                1,Is the door open or closed?,(a) Open (b) Closed,(a)
                2,Is the door open or closed?,(a) Open (b) Closed,(b)
                """);
        // Index 2 unanswered: question accuracy over the one answered question, the pair is incomplete
        Path predictions = write("mmvp_answers.jsonl", """
                {"index": 1, "answer": "Open"}
                """);

        CliRun run = CliRun.of("bench", "score", "--format", "MMVP",
                "--labels", questions.toString(), "--predictions", predictions.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("question_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("question_n").asInt()).isEqualTo(1);
        assertThat(json.get("pair_accuracy").asDouble()).isCloseTo(0.0, within(EPS));
        assertThat(json.get("pair_n").asInt()).isZero();
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).noneMatch(key -> key.startsWith("pair_") && !key.startsWith("pair_accuracy") && !key.equals("pair_n"));
        assertThat(json.get("skipped").asInt()).isEqualTo(2);
        assertThat(json.get("skipped_by_reason").get("no answer").asInt()).isEqualTo(1);
        assertThat(json.get("skipped_by_reason").get("incomplete pair").asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- MMVP-VLM

    /*
     * MMVP-VLM by hand. A pair is right when qid 2k-1 picks image 0 and qid 2k picks image 1.
     *
     *  qids  type (as written)              choices  pair
     *  1,2   Orientation and Direction      0, 1     right
     *  3,4   orientation (lenient spelling) 0, 0     wrong
     *  5,6   Color and Appearance           0, 1     right
     *
     * orientation 1/2 = 0.5, color 1/1 = 1.0; mean over patterns (0.5 + 1.0)/2 = 0.75;
     * pair accuracy over all pairs 2/3.
     */
    @Test
    void mmvpVlmPerPatternPairAccuracyAndMean() throws IOException {
        Path statements = write("Questions.csv", """
                qid,type,statement
                1,Orientation and Direction,The arrow points to the left.
                2,Orientation and Direction,The arrow points to the right.
                3,orientation,The triangle points up.
                4,orientation,The triangle points down.
                5,Color and Appearance,"The star is red, not blue."
                6,Color and Appearance,"The star is blue, not red."
                """);
        Path predictions = write("vlm_choices.jsonl", """
                {"qid": 1, "image": 0}
                {"qid": 2, "image": 1}
                {"qid": 3, "image": 0}
                {"qid": 4, "image": 0}
                {"qid": 5, "image": 0}
                {"qid": 6, "image": 1}
                """);

        CliRun run = CliRun.of("bench", "score", "--format", "mmvp-vlm",
                "--labels", statements.toString(), "--predictions", predictions.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("mean_pair_accuracy").asDouble()).isCloseTo(0.75, within(EPS));
        assertThat(json.get("pair_accuracy").asDouble()).isCloseTo(0.6666666666666666, within(EPS));
        assertThat(json.get("pair_n").asInt()).isEqualTo(3);
        assertThat(json.get("pair_orientation_accuracy").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(json.get("pair_orientation_n").asInt()).isEqualTo(2);
        assertThat(json.get("pair_color_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("pair_color_n").asInt()).isEqualTo(1);
        assertThat(json.has("pair_state_accuracy")).isFalse();
        assertThat(json.get("skipped").asInt()).isZero();
    }

    @Test
    void mmvpVlmTableNamesTheMean() throws IOException {
        Path statements = write("Questions.csv", """
                qid,type,statement
                1,Texts,The sign says STOP.
                2,Texts,The sign says GO.
                """);
        Path predictions = write("vlm_choices.jsonl", """
                {"qid": 1, "image": 1}
                {"qid": 2, "image": 0}
                """);

        CliRun run = CliRun.of("bench", "score", "--format", "mmvp-vlm",
                "--labels", statements.toString(), "--predictions", predictions.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("mmvp-vlm  Questions.csv");
        assertThat(run.out()).contains("mean_pair_accuracy", "pair_text_accuracy");
    }

    // ---------------------------------------------------------------- RobustVQA

    /*
     * RobustVQA by hand, DEEM's exact match (only a cleaned "yes"/"no" can be right; gt -> yes,
     * error -> no):
     *
     *  question id             answer         right?
     *  imagenet_a[0].gt        "yes"          yes
     *  imagenet_a[0].error     "No."          yes
     *  imagenet_a[1].gt        "no"           no
     *  imagenet_a[1].error     "I think not"  no, not yes/no
     *  imagenet_r[0].gt        "Yes!"         yes
     *  imagenet_r[0].error     "no"           yes
     *  imagenet_v2[0].gt       "nope"         no, not yes/no
     *  imagenet_v2[0].error    (none)         skipped: no answer
     *  imagenet_x[0].gt        "yes"          skipped: answer matches no question
     *
     * imagenet_a 2/4 = 0.5 (1 not yes/no); imagenet_r 2/2 = 1.0; imagenet_v2 0/1 = 0.0 (1 not yes/no);
     * overall 4/7 (2 not yes/no); skipped 2.
     */
    @Test
    void robustVqaPerSplitAccuracy() throws IOException {
        Path labels = write("robustvqa.json", """
                {
                  "imagenet_a": [
                    {"file_name": "imagenet-a/n01498041/0.jpg", "gt_caption": "a stingray", "error_caption": "a goldfish"},
                    {"file_name": "imagenet-a/n01531178/1.jpg", "gt_caption": "a goldfinch", "error_caption": "a robin"}
                  ],
                  "imagenet_r": [
                    {"file_name": "imagenet-r/n01443537/2.jpg", "gt_caption": "a goldfish", "error_caption": "a shark"}
                  ],
                  "imagenet_v2": [
                    {"file_name": "imagenetv2/0/3.jpeg", "gt_caption": "a tench", "error_caption": "a tiger"}
                  ]
                }
                """);
        Path predictions = write("robustvqa_answers.jsonl", """
                {"question_id": "imagenet_a[0].gt", "answer": "yes"}
                {"question_id": "imagenet_a[0].error", "answer": "No."}
                {"question_id": "imagenet_a[1].gt", "answer": "no"}
                {"question_id": "imagenet_a[1].error", "answer": "I think not"}
                {"question_id": "imagenet_r[0].gt", "answer": "Yes!"}
                {"question_id": "imagenet_r[0].error", "answer": "no"}
                {"question_id": "imagenet_v2[0].gt", "answer": "nope"}
                {"question_id": "imagenet_x[0].gt", "answer": "yes"}
                """);

        CliRun run = CliRun.of("bench", "score", "--format", "robustvqa",
                "--labels", labels.toString(), "--predictions", predictions.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("imagenet_a_accuracy").asDouble()).isCloseTo(0.5, within(EPS));
        assertThat(json.get("imagenet_a_n").asInt()).isEqualTo(4);
        assertThat(json.get("imagenet_a_not_yes_or_no").asInt()).isEqualTo(1);
        assertThat(json.get("imagenet_r_accuracy").asDouble()).isCloseTo(1.0, within(EPS));
        assertThat(json.get("imagenet_r_n").asInt()).isEqualTo(2);
        assertThat(json.get("imagenet_r_not_yes_or_no").asInt()).isZero();
        assertThat(json.get("imagenet_v2_accuracy").asDouble()).isCloseTo(0.0, within(EPS));
        assertThat(json.get("imagenet_v2_n").asInt()).isEqualTo(1);
        assertThat(json.get("imagenet_v2_not_yes_or_no").asInt()).isEqualTo(1);
        assertThat(json.get("overall_accuracy").asDouble()).isCloseTo(0.5714285714285714, within(EPS));
        assertThat(json.get("overall_n").asInt()).isEqualTo(7);
        assertThat(json.get("overall_not_yes_or_no").asInt()).isEqualTo(2);
        assertThat(json.get("skipped").asInt()).isEqualTo(2);
        assertThat(json.get("skipped_by_reason").get("no answer").asInt()).isEqualTo(1);
        assertThat(json.get("skipped_by_reason").get("answer matches no question").asInt()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- help

    @Test
    void scoreHelpDescribesFormatsAndOptions() {
        CliRun run = CliRun.of("bench", "score", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--format", "--labels", "--predictions", "--json",
                "pope", "mmvp-vlm", "robustvqa", "question_id", "imagenet_r[3].gt");
    }

    @Test
    void benchHelpListsItsSubcommands() {
        CliRun run = CliRun.of("bench", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generate", "score");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
