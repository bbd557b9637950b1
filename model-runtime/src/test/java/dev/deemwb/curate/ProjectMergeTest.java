package dev.deemwb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectMergeTest {

    @TempDir
    Path dir;

    private static Clock at(String time) {
        return Clock.fixed(Instant.parse(time), ZoneOffset.UTC);
    }

    /** A copy of the shared project, edited by one annotator. */
    private CurationProject edited(Path base, String annotator, Clock clock, Edits edits) throws IOException {
        Path file = dir.resolve(annotator + ProjectFiles.SUFFIX);
        Files.copy(base, file);
        try (CurationSession session = CurationSession.open(file, annotator, ProjectWriter.synchronous(file), clock)) {
            edits.apply(session);
            return session.project();
        }
    }

    interface Edits {
        void apply(CurationSession session) throws IOException;
    }

    @Test
    void agreeingAndOneSidedEditsMergeAndDifferingOnesAreListedWithTheLatestKept() throws IOException {
        Path base = dir.resolve("base" + ProjectFiles.SUFFIX);
        try (CurationSession session = CurationSession.create(base, CurationSessionTest.threeItems(), "lead",
                ProjectWriter.synchronous(base), at("2026-12-01T09:00:00Z"))) {
            session.set("a.png", Field.QUESTION, "What is the main object?"); // shared by both copies
        }
        CurationProject alice = edited(base, "alice", at("2026-12-02T10:00:00Z"), s -> {
            s.set("a.png", Field.STATE, "accepted");
            s.set("a.png", Field.GT_CAPTION, "a photo of a goldfish");
            s.set("b.png", Field.NOTES, "blurry");
        });
        CurationProject bob = edited(base, "bob", at("2026-12-02T11:00:00Z"), s -> {
            s.set("a.png", Field.STATE, "accepted");
            s.set("a.png", Field.GT_CAPTION, "a photo of a carp");
            s.set("sub/c.jpg", Field.STATE, "rejected");
        });

        ProjectMerge.Result merged = ProjectMerge.merge(List.of(new ProjectMerge.Source("alice", alice),
                new ProjectMerge.Source("bob", bob)), "images");

        assertThat(merged.conflicts()).containsExactly(new ProjectMerge.Conflict("a.png", Field.GT_CAPTION,
                Map.of("alice", "a photo of a goldfish", "bob", "a photo of a carp"), "a photo of a carp"));
        CurationItem a = merged.project().item("a.png").orElseThrow();
        assertThat(a.state()).isEqualTo(ItemState.ACCEPTED);
        assertThat(a.get(Field.GT_CAPTION)).isEqualTo("a photo of a carp");
        assertThat(a.get(Field.QUESTION)).isEqualTo("What is the main object?");
        assertThat(a.tags()).containsExactly(ProjectMerge.CONFLICT_TAG);
        assertThat(a.history()).extracting(Change::annotator).containsExactly("lead", "alice", "alice", "bob", "bob");
        assertThat(merged.project().item("b.png").orElseThrow().get(Field.NOTES)).isEqualTo("blurry");
        assertThat(merged.project().item("b.png").orElseThrow().tags()).isEmpty();
        assertThat(merged.project().item("sub/c.jpg").orElseThrow().state()).isEqualTo(ItemState.REJECTED);
    }

    @Test
    void itemsOfEitherProjectAreAllKept() {
        CurationProject one = CurationProject.create("images", List.of(CurationItem.of("a.png")));
        CurationProject two = CurationProject.create("images", List.of(CurationItem.of("b.png")));
        ProjectMerge.Result merged = ProjectMerge.merge(List.of(new ProjectMerge.Source("1", one),
                new ProjectMerge.Source("2", two)), "images");
        assertThat(merged.project().items()).extracting(CurationItem::image).containsExactly("a.png", "b.png");
        assertThat(merged.conflicts()).isEmpty();
        assertThatThrownBy(() -> ProjectMerge.merge(List.of(new ProjectMerge.Source("1", one)), "images"))
                .hasMessageContaining("at least two");
    }
}
