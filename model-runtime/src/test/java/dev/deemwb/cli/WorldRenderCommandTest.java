package dev.deemwb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.io.Json;
import dev.deemwb.world.Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deemwb world render}: seed or scene file in, PNG (and optionally the scene) out. */
class WorldRenderCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void renderingTheWrittenSceneGivesTheSamePng() throws IOException {
        Path fromSeed = dir.resolve("x.png");
        Path scene = dir.resolve("s.json");

        CliRun first = CliRun.of("world", "render", "--seed", "5", "--out", fromSeed.toString(),
                "--scene-out", scene.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isNotBlank(); // the scene's description
        assertThat(Files.readAllBytes(fromSeed)).startsWith(PNG_SIGNATURE);
        assertThat(Json.mapper().readValue(scene.toFile(), Scene.class).seed()).isEqualTo(5);

        Path fromScene = dir.resolve("y.png");
        CliRun second = CliRun.of("world", "render", "--scene", scene.toString(), "--out", fromScene.toString());

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(Files.readAllBytes(fromScene)).isEqualTo(Files.readAllBytes(fromSeed));
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void sameSeedAndTransformRenderTheSameBytes() throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Path clean = dir.resolve("clean.png");

        assertThat(CliRun.of("world", "render", "--seed", "11", "--size", "64", "--transform", "blur",
                "--severity", "4", "--out", a.toString()).exitCode()).isZero();
        assertThat(CliRun.of("world", "render", "--seed", "11", "--size", "64", "--transform", "BLUR",
                "--severity", "4", "--out", b.toString()).exitCode()).isZero();
        assertThat(CliRun.of("world", "render", "--seed", "11", "--size", "64", "--out", clean.toString())
                .exitCode()).isZero();

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(clean));
    }

    @Test
    void missingSceneFileIsAOneLineFailureNamingIt() {
        Path missing = dir.resolve("missing.json");
        Path out = dir.resolve("z.png");

        CliRun run = CliRun.of("world", "render", "--scene", missing.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("deemwb world render: ").contains(missing.toString(), "no such file");
        assertThat(out).doesNotExist();
    }

    @Test
    void sceneFileThatIsNotASceneIsAOneLineFailureNamingIt() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"seed\": 1, \"objects\": [ \n");
        Path out = dir.resolve("z.png");

        CliRun run = CliRun.of("world", "render", "--scene", bad.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).contains(bad.toString(), "not a scene JSON");
        assertThat(out).doesNotExist();
    }

    @Test
    void severityWithoutATransformIsBadUsage() {
        Path png = dir.resolve("x.png");
        CliRun run = CliRun.of("world", "render", "--seed", "5", "--severity", "2", "--out", png.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--severity needs --transform");
        assertThat(png).doesNotExist();
    }

    @Test
    void severityOutOfRangeIsAOneLineFailure() {
        Path out = dir.resolve("z.png");

        CliRun run = CliRun.of("world", "render", "--seed", "5", "--severity", "9", "--transform", "blur",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("severity must be 1..5", "9");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownTransformIsAOneLineFailureListingTheKnownOnes() {
        CliRun run = CliRun.of("world", "render", "--seed", "5", "--transform", "sharpen",
                "--out", dir.resolve("z.png").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown transform 'sharpen'", "blur", "thin-strokes");
    }

    @Test
    void seedAndSceneTogetherIsBadUsage() {
        CliRun run = CliRun.of("world", "render", "--seed", "5", "--scene", "s.json",
                "--out", dir.resolve("z.png").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Usage:");
    }

    @Test
    void neitherSeedNorSceneIsBadUsage() {
        CliRun run = CliRun.of("world", "render", "--out", dir.resolve("z.png").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--seed", "--scene");
    }

    @Test
    void helpMentionsTheTransformOption() {
        CliRun run = CliRun.of("world", "render", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--transform", "--severity", "--seed", "--scene", "--scene-out", "--out",
                "blur", "outline-rendition");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void topLevelHelpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("world", "bench");

        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("deemwb");
    }

    @Test
    void unknownCommandIsBadUsage() {
        CliRun run = CliRun.of("paint");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("paint");
    }
}
