package dev.deemwb.curate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deemwb.testing.Heavy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves that die: 10 000 edits made by a child process that is killed (SIGKILL) at random moments and
 * restarted where its last save left off — after every kill the project opens, and holds every edit
 * the child acknowledged (it prints an edit's number once its save returned) and at most the one in
 * flight; and a child that dies exactly between a save's write and its move.
 */
@Heavy
class CurationKillTest {

    static final int EDITS = 10_000;
    static final int ITEMS = 25;
    static final List<Field> FIELDS = List.of(Field.NOTES, Field.GT_CAPTION, Field.ERROR_CAPTION);

    @TempDir
    Path dir;

    /** Edit {@code i}: one item's field set to a value no other edit writes. */
    static void edit(CurationSession session, int i) throws IOException {
        session.set(image(i % ITEMS), FIELDS.get(i / ITEMS % FIELDS.size()), "v" + i);
    }

    static String image(int item) {
        return String.format("img-%02d.png", item);
    }

    /** The child: makes edits {@code from} to {@code EDITS - 1}, printing "ack N" after each save. */
    public static final class Editor {
        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            try (CurationSession session = CurationSession.open(file, "stress", ProjectWriter.synchronous(file),
                    Clock.systemUTC())) {
                for (int i = Integer.parseInt(args[1]); i < EDITS; i++) {
                    edit(session, i);
                    out.println("ack " + i);
                    out.flush();
                }
            }
        }
    }

    @Test
    void everyAcknowledgedEditSurvivesKillsAtRandomMoments() throws Exception {
        Path file = dir.resolve("stress" + ProjectFiles.SUFFIX);
        List<CurationItem> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(CurationItem.of(image(i)));
        }
        CurationSession.create(file, CurationProject.create("images", items), "stress", ProjectWriter.synchronous(file),
                Clock.systemUTC()).close();
        Random random = new Random(12);
        int applied = 0;
        int kills = 0;
        while (applied < EDITS) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Editor.class.getName(), file.toString(),
                    String.valueOf(applied)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            AtomicInteger lastAck = new AtomicInteger(applied - 1);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        lastAck.set(Integer.parseInt(line.substring("ack ".length())));
                    }
                } catch (IOException e) {
                    // the kill closes the pipe
                }
            });
            reader.start();
            // Killed after a random number of acknowledged edits, then a random fraction of a save later.
            int killAfter = applied + 200 + random.nextInt(2500);
            while (child.isAlive() && lastAck.get() < killAfter) {
                Thread.sleep(1);
            }
            if (child.isAlive()) {
                Thread.sleep(random.nextInt(3));
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
                kills++;
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();

            CurationProject reopened = ProjectFiles.read(file);
            int changes = reopened.items().stream().mapToInt(item -> item.history().size()).sum();
            assertThat(changes).as("after kill %d", kills).isBetween(lastAck.get() + 1, lastAck.get() + 2);
            assertThat(reopened.items()).as("after kill %d", kills).extracting(CurationItem::fields)
                    .isEqualTo(expected(changes).stream().map(CurationItem::fields).toList());
            applied = changes;
        }
        assertThat(kills).as("kills before the %d edits were done", EDITS).isGreaterThanOrEqualTo(3);
    }

    /**
     * The child for the kill between write and move: a watcher thread halts the JVM the moment the
     * save's temporary file appears beside the project, before the move that would publish it.
     */
    public static final class HaltDuringSave {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            String temporary = "." + file.getFileName() + ".";
            Thread watcher = new Thread(() -> {
                while (true) {
                    try (Stream<Path> names = Files.list(file.getParent())) {
                        if (names.anyMatch(p -> p.getFileName().toString().startsWith(temporary)
                                && p.getFileName().toString().endsWith(".tmp"))) {
                            Runtime.getRuntime().halt(3); // no hooks, no finally: as abrupt as a kill
                        }
                    } catch (IOException e) {
                        // the folder is being written: look again
                    }
                }
            });
            watcher.setDaemon(true);
            try (CurationSession session = CurationSession.open(file, "halt", ProjectWriter.synchronous(file),
                    Clock.systemUTC())) {
                watcher.start();
                session.set(image(0), Field.NOTES, "never published");
            }
        }
    }

    @Test
    void aDeathBetweenTheWriteAndTheMoveLeavesTheLastSavedProjectThatOpensAndSavesAgain() throws Exception {
        Path file = dir.resolve("halt" + ProjectFiles.SUFFIX);
        CurationSession.create(file, CurationProject.create("images", List.of(CurationItem.of(image(0)))), "lead",
                ProjectWriter.synchronous(file), Clock.systemUTC()).close();
        byte[] saved = Files.readAllBytes(file);
        boolean caughtBetween = false;
        for (int attempt = 0; attempt < 20 && !caughtBetween; attempt++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HaltDuringSave.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            try (Stream<Path> names = Files.list(dir)) {
                caughtBetween = child.exitValue() == 3
                        && names.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            }
            if (!caughtBetween) { // the move won the race: start again from the saved version
                Files.write(file, saved);
            }
        }
        assertThat(caughtBetween).as("a child died with its save written but not moved").isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(saved);
        try (CurationSession session = CurationSession.open(file, "after", ProjectWriter.synchronous(file),
                Clock.systemUTC())) {
            assertThat(session.item(image(0)).get(Field.NOTES)).isEmpty();
            session.set(image(0), Field.NOTES, "published");
        }
        assertThat(ProjectFiles.read(file).item(image(0)).orElseThrow().get(Field.NOTES)).isEqualTo("published");
    }

    /** The items' fields after the first {@code edits} edits, from an independent replay. */
    private static List<CurationItem> expected(int edits) {
        List<CurationItem> replayed = new ArrayList<>();
        for (int item = 0; item < ITEMS; item++) {
            CurationItem current = CurationItem.of(image(item));
            for (int i = item; i < edits; i += ITEMS) {
                current = current.with(FIELDS.get(i / ITEMS % FIELDS.size()), "v" + i);
            }
            replayed.add(current);
        }
        return replayed;
    }
}
