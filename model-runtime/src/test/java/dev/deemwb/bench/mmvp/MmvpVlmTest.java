package dev.deemwb.bench.mmvp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deemwb.bench.Accuracy;
import dev.deemwb.bench.BenchFormatException;
import dev.deemwb.bench.Skipped;
import dev.deemwb.bench.TempFiles;
import dev.deemwb.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmvpVlmTest {

    @TempDir
    Path dir;

    @Test
    void readsRealTypeStringsAsPatterns() throws IOException {
        Path file = write("qid,type,statement\n"
                + "1,Orientation and Direction,\"The dog's face is facing left, toward the camera\"\n"
                + "2,Orientation and Direction,The dog's face is facing right\n"
                + "3,Positional and Relational Context,The cup is left of the plate\n"
                + "4,Positional and Relational Context,The cup is right of the plate\n");

        List<MmvpVlmPair> pairs = MmvpVlmFiles.readStatements(file);

        assertThat(pairs).extracting(MmvpVlmPair::pattern).containsExactly(MmvpPattern.ORIENTATION, MmvpPattern.POSITIONAL);
        assertThat(pairs.get(0).first()).isEqualTo(new MmvpVlmStatement(1, MmvpPattern.ORIENTATION,
                "The dog's face is facing left, toward the camera"));
    }

    @Test
    void writeThenReadGivesEqualPairs() throws IOException {
        Path file = dir.resolve("Questions.csv");
        List<MmvpVlmPair> pairs = List.of(pair(1, MmvpPattern.COLOR), pair(3, MmvpPattern.TEXT));

        MmvpVlmFiles.writeStatements(file, pairs);

        assertThat(MmvpVlmFiles.readStatements(file)).isEqualTo(pairs);
        assertThat(Files.readAllLines(file)).startsWith("Question ID,Type,Statement", "1,Color and Appearance,\"a shape, 1\"");
        assertThat(TempFiles.names(dir)).containsExactly("Questions.csv");
    }

    @Test
    void readsTheHeaderAsMmvpVlmPublishesIt() throws IOException {
        Path file = write("Question ID,Type,Statement\n"
                + "1,Orientation and Direction,The dog's face is facing left\n"
                + "2,Orientation and Direction,The dog's face is facing right\n");

        List<MmvpVlmPair> pairs = MmvpVlmFiles.readStatements(file);

        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).first().qid()).isEqualTo(1);
        assertThat(pairs.get(0).second().statement()).isEqualTo("The dog's face is facing right");
    }

    @Test
    void unknownTypeIsNamedWithFileLineAndValue() throws IOException {
        Path file = write("qid,type,statement\n1,Texts,a\n2,Texts,b\n3,Shapes,c\n4,Shapes,d\n");

        assertThatThrownBy(() -> MmvpVlmFiles.readStatements(file))
                .isInstanceOf(BenchFormatException.class)
                .hasMessageStartingWith(file + " line 4: unknown visual pattern 'Shapes'");
    }

    @Test
    void structuralErrors() throws IOException {
        Path missing = write("qid,statement\n1,a\n2,b\n");
        assertThatThrownBy(() -> MmvpVlmFiles.readStatements(missing)).hasMessage(missing + " line 1: missing column 'Type'");
        Path noId = write("number,type,statement\n1,Texts,a\n2,Texts,b\n");
        assertThatThrownBy(() -> MmvpVlmFiles.readStatements(noId))
                .hasMessage(noId + " line 1: missing column 'Question ID' (or 'qid')");

        Path mixed = write("qid,type,statement\n1,Texts,a\n2,Color and Appearance,b\n");
        assertThatThrownBy(() -> MmvpVlmFiles.readStatements(mixed))
                .hasMessage(mixed + " line 3: type 'Color and Appearance' differs from the first row of its pair ('Texts')");

        Path gap = write("qid,type,statement\n1,Texts,a\n4,Texts,b\n");
        assertThatThrownBy(() -> MmvpVlmFiles.readStatements(gap))
                .hasMessage(gap + " line 3: qid 4 cannot follow qid 1 in a pair: rows pair up as (1,2), (3,4), …");
    }

    @Test
    void resolvesImagesInThePatternFolder() throws IOException {
        MmvpVlmStatement statement = new MmvpVlmStatement(3, MmvpPattern.TEXT, "a sign");
        Path image = Files.createDirectories(dir.resolve("Texts")).resolve(statement.imageFileName("jpg"));
        Files.createFile(image);

        assertThat(MmvpVlmFiles.resolveImage(dir, statement)).isEqualTo(image);
    }

    @Test
    void perPatternPairAccuracyAndTheMean() {
        /*
         * By hand (a pair is right only if its first statement picks image 0 and its second image 1):
         * pair 1 ORIENTATION 0,1 right; pair 2 ORIENTATION 0,0 wrong     -> ORIENTATION 1/2 = 0.5
         * pair 3 COLOR 1,0 wrong; pair 4 COLOR 0,1 right; pair 6 COLOR 0,1 right -> COLOR 2/3
         * pair 5 TEXT: qid 10 has no choice -> skipped, TEXT has no scored pair
         * qid 42 is not in the benchmark -> skipped
         * mean over patterns (0.5 + 2/3) / 2 = 7/12; all pairs 3/5 = 0.6
         */
        List<MmvpVlmPair> pairs = List.of(pair(1, MmvpPattern.ORIENTATION), pair(3, MmvpPattern.ORIENTATION),
                pair(5, MmvpPattern.COLOR), pair(7, MmvpPattern.COLOR), pair(9, MmvpPattern.TEXT),
                pair(11, MmvpPattern.COLOR));
        Map<Integer, Integer> chosen = Map.ofEntries(Map.entry(1, 0), Map.entry(2, 1), Map.entry(3, 0), Map.entry(4, 0),
                Map.entry(5, 1), Map.entry(6, 0), Map.entry(7, 0), Map.entry(8, 1), Map.entry(9, 0),
                Map.entry(11, 0), Map.entry(12, 1), Map.entry(42, 1));

        MmvpVlmScore score = MmvpVlmScorer.score(pairs, chosen);

        assertThat(score.pairsByPattern()).containsExactly(
                Map.entry(MmvpPattern.ORIENTATION, Accuracy.of(1, 2)), Map.entry(MmvpPattern.COLOR, Accuracy.of(2, 3)));
        assertThat(score.meanPairAccuracy()).isCloseTo(7.0 / 12, within(1e-12));
        assertThat(score.pairs()).isEqualTo(new Accuracy(3, 5, 0.6));
        assertThat(score.skipped().items()).containsExactly(
                new Skipped("qid 10", Skipped.NO_ANSWER),
                new Skipped("pair 5 (qid 9, 10)", Skipped.INCOMPLETE_PAIR),
                new Skipped("qid 42", Skipped.UNMATCHED_ANSWER));
    }

    @Test
    void choicesMustBeZeroOrOneAndEmptyScoresAreZero() throws Exception {
        assertThatThrownBy(() -> MmvpVlmScorer.score(List.of(pair(1, MmvpPattern.TEXT)), Map.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("qid 1: chosen image must be 0 or 1, found 2");

        MmvpVlmScore empty = MmvpVlmScorer.score(List.of(), Map.of());
        assertThat(empty.meanPairAccuracy()).isZero();
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(empty), MmvpVlmScore.class)).isEqualTo(empty);
    }

    @Test
    void scoreSurvivesAJsonRoundTrip() throws Exception {
        MmvpVlmScore score = MmvpVlmScorer.score(List.of(pair(1, MmvpPattern.TEXT), pair(3, MmvpPattern.STATE)),
                Map.of(1, 0, 2, 1, 3, 1, 4, 1));

        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(score), MmvpVlmScore.class)).isEqualTo(score);
    }

    private static MmvpVlmPair pair(int firstQid, MmvpPattern pattern) {
        return new MmvpVlmPair(new MmvpVlmStatement(firstQid, pattern, "a shape, " + firstQid),
                new MmvpVlmStatement(firstQid + 1, pattern, "another shape"));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("Questions.csv"), text);
    }
}
