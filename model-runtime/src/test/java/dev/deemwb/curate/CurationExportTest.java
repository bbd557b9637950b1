package dev.deemwb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deemwb.bench.Csv;
import dev.deemwb.bench.CsvTable;
import dev.deemwb.eval.Benchmark;
import dev.deemwb.eval.Metric;
import dev.deemwb.eval.MmvpBenchmark;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.eval.ProbeRunner;
import dev.deemwb.eval.RobustVqaBenchmark;
import dev.deemwb.eval.RunRecord;
import dev.deemwb.eval.RunRecords;
import dev.deemwb.testing.FakeContender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each export read back by the benchmark's own reader, run through the probes runner and scored. */
class CurationExportTest {

    @TempDir
    Path dir;

    private Path file;
    private CurationSession session;

    @BeforeEach
    void sixGeneratedItems() throws IOException {
        file = dir.resolve("demo" + ProjectFiles.SUFFIX);
        Path images = dir.resolve("demo-images");
        List<CurationItem> items = ProjectSources.generated(images, 6, 7000, 32);
        session = CurationSession.create(file, CurationProject.create("demo-images", items), "alice",
                ProjectWriter.synchronous(file), Clock.systemUTC());
    }

    private void fill(String image, Map<Field, String> values) throws IOException {
        for (Map.Entry<Field, String> value : values.entrySet()) {
            session.set(image, value.getKey(), value.getValue());
        }
        session.set(image, Field.STATE, "accepted");
    }

    private CurationExport.Result export(CurationExport.Format format, CurationExport.Images images, Path out)
            throws IOException {
        return CurationExport.export(session.project(), session.imageFolder(), format, out, images);
    }

    /** The benchmark through the runner with a contender that says yes to everything; its score. */
    private static Benchmark.Scored<?> scored(Benchmark<?> benchmark) throws IOException {
        FakeContender yes = FakeContender.yes("fake");
        RunRecords records = RunRecords.inMemory();
        new ProbeRunner(List.of(yes), 4).run(benchmark, records, () -> { }, (batch, progress) -> { });
        Map<String, String> answers = new LinkedHashMap<>();
        for (RunRecord record : records.records()) {
            answers.put(record.id(), record.answers().get("fake").answer());
        }
        assertThat(answers).hasSize(benchmark.items().size());
        return benchmark.score("fake", answers);
    }

    private static Double metric(Benchmark.Scored<?> scored, String name) {
        return scored.metrics().stream().filter(m -> m.metric().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void robustVqaReadsAndScoresWithSplitsAndCopiedImagesInSubfolders() throws IOException {
        fill("scene-0001.png", Map.of(Field.GT_CAPTION, "a photo of a circle", Field.ERROR_CAPTION, "a photo of a star",
                Field.SPLIT, "shapes_a"));
        fill("scene-0002.png", Map.of(Field.GT_CAPTION, "a photo of a square", Field.ERROR_CAPTION, "a photo of a cross"));
        fill("scene-0003.png", Map.of(Field.GT_CAPTION, "only one caption"));
        session.set("scene-0004.png", Field.GT_CAPTION, "not accepted");

        Path out = dir.resolve("robust");
        CurationExport.Result result = export(CurationExport.Format.ROBUSTVQA, CurationExport.Images.COPY, out);

        assertThat(result.exported()).isEqualTo(2);
        assertThat(result.skipped()).contains(new CurationExport.Skip("scene-0003.png", "no error_caption"),
                new CurationExport.Skip("scene-0004.png", "not accepted (new)"));
        RobustVqaBenchmark read = RobustVqaBenchmark.read(out.resolve(CurationExport.ROBUSTVQA_FILE),
                out.resolve(CurationExport.IMAGES));
        assertThat(read.questions()).extracting(q -> q.split()).containsExactly("shapes_a", "shapes_a",
                CurationExport.DEFAULT_SPLIT, CurationExport.DEFAULT_SPLIT);
        assertThat(metric(scored(read), "accuracy shapes_a")).isEqualTo(0.5); // "yes" to the true and the wrong caption
        assertThat(Files.readAllBytes(out.resolve("images/scene-0001.png")))
                .isEqualTo(Files.readAllBytes(session.imageFolder().resolve("scene-0001.png")));
    }

    @Test
    void popeNeedsYesOrNoAnswersAndWritesOneFilePerSplit() throws IOException {
        fill("scene-0001.png", Map.of(Field.QUESTION, "Is there a circle in the image?", Field.ANSWER, "Yes."));
        fill("scene-0002.png", Map.of(Field.QUESTION, "Is there a star in the image?", Field.ANSWER, "no"));
        fill("scene-0003.png", Map.of(Field.QUESTION, "How many objects are there?", Field.ANSWER, "two"));

        Path out = dir.resolve("pope");
        CurationExport.Result result = export(CurationExport.Format.POPE, CurationExport.Images.NONE, out);

        assertThat(result.exported()).isEqualTo(2);
        assertThat(result.skipped()).contains(new CurationExport.Skip("scene-0003.png", "the answer 'two' is not yes or no"));
        assertThat(out.resolve(CurationExport.IMAGES)).doesNotExist();
        PopeBenchmark read = PopeBenchmark.read(out.resolve(CurationExport.popeFileName("curated")),
                session.imageFolder());
        Benchmark.Scored<?> scored = scored(read);
        assertThat(metric(scored, "accuracy")).isEqualTo(0.5);
        assertThat(metric(scored, "recall")).isEqualTo(1.0);
    }

    @Test
    void mmvpWritesCompletePairsWithImagesNamedByIndexAndSkipsTheRest() throws IOException {
        String question = "Which way does the triangle point?";
        fill("scene-0001.png", Map.of(Field.PAIR, "p1", Field.QUESTION, question, Field.OPTIONS, "(a) up (b) down",
                Field.ANSWER, "(a)"));
        fill("scene-0002.png", Map.of(Field.PAIR, "p1", Field.QUESTION, question, Field.OPTIONS, "(a) up (b) down",
                Field.ANSWER, "down"));
        fill("scene-0003.png", Map.of(Field.PAIR, "lonely", Field.QUESTION, question, Field.OPTIONS, "(a) up (b) down",
                Field.ANSWER, "up"));

        Path out = dir.resolve("mmvp");
        CurationExport.Result result = export(CurationExport.Format.MMVP, CurationExport.Images.LINK, out);

        assertThat(result.exported()).isEqualTo(2);
        assertThat(result.skipped()).extracting(CurationExport.Skip::reason)
                .contains("pair 'lonely' has 1 accepted items; an MMVP pair has exactly two");
        assertThat(Files.isSymbolicLink(out.resolve("images/1.png"))).isTrue();
        MmvpBenchmark read = MmvpBenchmark.read(out.resolve("Questions.csv"), out.resolve(CurationExport.IMAGES));
        assertThat(read.pairs()).hasSize(1);
        assertThat(read.pairs().get(0).second().correct().letter()).isEqualTo("b");
        assertThat(scored(read).metrics()).extracting(Metric::metric).isNotEmpty();
        assertThatThrownBy(() -> export(CurationExport.Format.MMVP, CurationExport.Images.NONE, out))
                .hasMessageContaining("choose copy or link");
    }

    @Test
    void theCsvHoldsEveryItemAndNothingAcceptedRefusesABenchmarkExport() throws IOException {
        Path out = dir.resolve("csv");
        assertThatThrownBy(() -> export(CurationExport.Format.POPE, CurationExport.Images.COPY, out))
                .hasMessageContaining("no item is accepted yet (of 6)");
        session.set("scene-0001.png", Field.NOTES, "has, a comma");
        session.recordAnswers("scene-0001.png", List.of(new ContenderAnswer("baseline", "yes", 0.75)));

        export(CurationExport.Format.CSV, CurationExport.Images.NONE, out);

        CsvTable table = Csv.read(out.resolve(CurationExport.CSV_FILE));
        assertThat(table.rows()).hasSize(6);
        assertThat(table.rows().get(0).get(table.column("notes"))).isEqualTo("has, a comma");
        assertThat(table.rows().get(0).get(table.column("contender_answers"))).isEqualTo("baseline=yes (0.75)");
        assertThat(table.rows().get(0).get(table.column("state"))).isEqualTo("new");
    }
}
