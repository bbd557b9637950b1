package dev.deemwb.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a scorer skipped: the total, the count per {@linkplain Skipped#reason() reason} (in
 * first-seen order) and the items themselves. Build with {@link #of}; the canonical constructor
 * (used by JSON readers) rejects counts that do not match the items.
 */
public record Skips(int count, Map<String, Integer> byReason, List<Skipped> items) {

    public Skips {
        items = List.copyOf(items);
        byReason = Collections.unmodifiableMap(new LinkedHashMap<>(byReason));
        if (count != items.size() || !byReason.equals(countByReason(items))) {
            throw new IllegalArgumentException("skip counts do not match the skipped items");
        }
    }

    public static Skips of(List<Skipped> items) {
        return new Skips(items.size(), countByReason(items), items);
    }

    private static Map<String, Integer> countByReason(List<Skipped> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Skipped skipped : items) {
            counts.merge(skipped.reason(), 1, Integer::sum);
        }
        return counts;
    }
}
