package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.curate.CurationProject;
import dev.deemwb.curate.CurationSession;
import dev.deemwb.curate.Field;
import dev.deemwb.curate.ItemState;
import dev.deemwb.curate.ProjectFiles;
import dev.deemwb.curate.ProjectMerge;
import dev.deemwb.curate.ProjectWriter;
import dev.deemwb.eval.PopeBenchmark;
import dev.deemwb.io.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./deemwb curate}: a project made, edited as an annotator would, merged and exported headless. */
class CurateCommandTest {

    @TempDir
    Path dir;

    private static void edit(Path project, String annotator, String image, Field field, String value)
            throws IOException {
        try (CurationSession session = CurationSession.open(project, annotator, ProjectWriter.synchronous(project),
                Clock.systemUTC())) {
            session.set(image, field, value);
        }
    }

    @Test
    void newStatusMergeAndExportWorkOnAGeneratedSet() throws IOException {
        Path project = dir.resolve("set" + ProjectFiles.SUFFIX);
        CliRun created = CliRun.of("curate", "new", project.toString(), "--generated", "6", "--size", "32");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("6 items");
        assertThat(Files.isRegularFile(dir.resolve("set-images/scene-0001.png"))).isTrue();
        CliRun again = CliRun.of("curate", "new", project.toString(), "--generated", "6");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("a project file is already there");

        // Two annotators on copies; the presence questions of the generated set are yes / no.
        Path bob = dir.resolve("bob" + ProjectFiles.SUFFIX);
        Files.copy(project, bob);
        edit(project, "alice", "scene-0001.png", Field.STATE, "accepted");
        edit(bob, "bob", "scene-0001.png", Field.NOTES, "clear");
        edit(bob, "bob", "scene-0002.png", Field.STATE, "rejected");

        Path merged = dir.resolve("merged" + ProjectFiles.SUFFIX);
        CliRun merge = CliRun.of("curate", "merge", project.toString(), bob.toString(), "--out", merged.toString());
        assertThat(merge.exitCode()).as(merge.toString()).isZero();
        assertThat(merge.out()).contains("6 items, 0 conflicts");
        CurationProject read = ProjectFiles.read(merged);
        assertThat(read.images()).isEqualTo("set-images");
        assertThat(read.item("scene-0001.png").orElseThrow().state()).isEqualTo(ItemState.ACCEPTED);
        assertThat(read.item("scene-0001.png").orElseThrow().get(Field.NOTES)).isEqualTo("clear");
        assertThat(read.item("scene-0001.png").orElseThrow().tags()).doesNotContain(ProjectMerge.CONFLICT_TAG);

        CliRun status = CliRun.of("curate", "status", merged.toString());
        assertThat(status.out()).contains("accepted  1").contains("rejected  1").contains("new       4");

        Path out = dir.resolve("pope-export");
        CliRun export = CliRun.of("curate", "export", merged.toString(), "--format", "pope", "--out", out.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("exported 1 items").contains("scene-0002.png: not accepted (rejected)");
        PopeBenchmark pope = PopeBenchmark.read(out.resolve("pope_curated.jsonl"), out.resolve("images"));
        assertThat(pope.questions()).hasSize(1);
        assertThat(pope.questions().get(0).text()).isEqualTo("Is there a circle in the image?");

        CliRun badFormat = CliRun.of("curate", "export", merged.toString(), "--format", "coco", "--out", out.toString());
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format takes robustvqa, pope, mmvp or csv, not 'coco'");
    }

    @Test
    void aProjectBesideItsImagesNamesItsOwnFolder() throws IOException {
        Files.write(dir.resolve("a.png"), Png.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)));
        Path project = dir.resolve("here" + ProjectFiles.SUFFIX);
        CliRun created = CliRun.of("curate", "new", project.toString(), "--images", dir.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(ProjectFiles.read(project).images()).isEqualTo(".");
        assertThat(ProjectFiles.read(project).items()).extracting(i -> i.image()).containsExactly("a.png");
    }

    @Test
    void aProjectFromANewerVersionIsRefusedByEveryCommand() throws IOException {
        Path project = dir.resolve("new" + ProjectFiles.SUFFIX);
        Files.writeString(project, "{\"schema_version\": 3, \"format\": \"" + CurationProject.FORMAT + "\"}");
        for (String[] command : new String[][] {{"curate", "status", project.toString()},
            {"curate", "export", project.toString(), "--format", "csv", "--out", dir.resolve("x").toString()}}) {
            CliRun run = CliRun.of(command);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("written by a newer DEEM Workbench (project schema 3");
        }
    }
}
