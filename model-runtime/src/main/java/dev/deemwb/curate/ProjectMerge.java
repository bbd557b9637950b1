package dev.deemwb.curate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges several annotators' projects over the same images. Per item and field, the values of the
 * projects whose history shows the field edited since their common ancestor are compared: one value (or agreeing values) is
 * taken as is; different values are a {@link Conflict}: the most recently edited value is kept, the
 * conflict listed, and the item tagged {@value #CONFLICT_TAG} so the queue can find it. Histories are
 * joined in time order (a change both projects share, from a common ancestor, once).
 */
public final class ProjectMerge {

    public static final String CONFLICT_TAG = "conflict";

    private ProjectMerge() {}

    /** A project to merge, and who it is (its file name or annotator) in conflict lists. */
    public record Source(String name, CurationProject project) {
    }

    /** One field the annotators set differently: each source's value, and the one kept. */
    public record Conflict(String image, Field field, Map<String, String> values, String kept) {
    }

    public record Result(CurationProject project, List<Conflict> conflicts) {
    }

    /**
     * @param images the merged project's image folder (as it will be written)
     * @throws IllegalArgumentException for fewer than two sources
     */
    public static Result merge(List<Source> sources, String images) {
        if (sources.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two projects, got " + sources.size());
        }
        Set<String> order = new LinkedHashSet<>();
        sources.forEach(s -> s.project().items().forEach(item -> order.add(item.image())));
        List<CurationItem> items = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (String image : order) {
            Map<String, CurationItem> versions = new LinkedHashMap<>();
            sources.forEach(s -> s.project().item(image).ifPresent(item -> versions.put(s.name(), item)));
            items.add(mergeItem(image, versions, conflicts));
        }
        return new Result(CurationProject.create(images, items), conflicts);
    }

    private static CurationItem mergeItem(String image, Map<String, CurationItem> versions, List<Conflict> conflicts) {
        CurationItem first = versions.values().iterator().next();
        List<Change> history = new ArrayList<>();
        versions.values().forEach(v -> v.history().stream().filter(c -> !history.contains(c)).forEach(history::add));
        history.sort(Comparator.comparing(Change::time));
        CurationItem merged = first.withHistory(history);
        boolean conflicted = false;
        for (Field field : Field.values()) {
            Map<String, String> edited = new LinkedHashMap<>();
            versions.forEach((name, item) -> {
                // An edit every version has came from a common ancestor: that annotator did not touch the field.
                Optional<Change> last = lastEdit(item, field);
                if (last.isPresent() && !versions.values().stream().allMatch(v -> v.history().contains(last.get()))) {
                    edited.put(name, item.get(field));
                }
            });
            if (edited.isEmpty()) {
                continue;
            }
            String kept = versions.entrySet().stream().filter(e -> edited.containsKey(e.getKey()))
                    .max(Comparator.comparing(e -> lastEdit(e.getValue(), field).orElseThrow().time()))
                    .orElseThrow().getValue().get(field);
            if (edited.values().stream().distinct().count() > 1) {
                conflicts.add(new Conflict(image, field, edited, kept));
                conflicted = true;
            }
            merged = merged.with(field, kept);
        }
        if (conflicted) {
            merged = merged.with(Field.TAGS, Field.TAGS.canonical(merged.get(Field.TAGS) + "," + CONFLICT_TAG));
        }
        CurationItem answered = versions.values().stream().filter(v -> !v.answers().isEmpty()).findFirst().orElse(first);
        return merged.withAnswers(answered.answers());
    }

    private static Optional<Change> lastEdit(CurationItem item, Field field) {
        List<Change> history = item.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).field().equals(field.key())) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
