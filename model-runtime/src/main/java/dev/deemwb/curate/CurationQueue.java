package dev.deemwb.curate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Which items the annotator sees, in which order. */
public final class CurationQueue {

    private CurationQueue() {}

    public enum Order {
        /** The project's own order. */
        PROJECT,
        /**
         * Items the contenders disagree on first, then those where a contender is wrong (against the
         * item's answer), each group by how confident the most confident wrong (or, without an
         * answer, disagreeing) contender was; items never asked last.
         */
        FAILURES_FIRST
    }

    /** Empty parts match every item. */
    public record Filter(Optional<ItemState> state, Optional<String> tag, Optional<ItemCategory> category) {

        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty());
        }

        public boolean matches(CurationItem item) {
            return state.map(s -> s == item.state()).orElse(true)
                    && tag.map(t -> item.tags().contains(Field.TAGS.canonical(t))).orElse(true)
                    && category.map(c -> c.key().equals(item.get(Field.CATEGORY))).orElse(true);
        }
    }

    public static List<CurationItem> of(CurationProject project, Filter filter, Order order) {
        List<CurationItem> items = project.items().stream().filter(filter::matches).toList();
        if (order == Order.PROJECT) {
            return items;
        }
        // A stable sort: equal scores keep the project's order.
        return items.stream().sorted(Comparator.comparingDouble(CurationQueue::failureScore).reversed()).toList();
    }

    /**
     * Higher for clearer failures: 2 when the contenders disagree, +1 when one is wrong against the
     * item's answer, plus the confidence of the most confident wrong (or disagreeing) answer; −1
     * when no contender answered.
     */
    static double failureScore(CurationItem item) {
        List<ContenderAnswer> answers = item.answers().stream().filter(a -> !a.failed()).toList();
        if (answers.isEmpty()) {
            return -1;
        }
        boolean disagree = answers.stream().map(ContenderAnswer::normalized).distinct().count() > 1;
        List<ContenderAnswer> wrong = Suggestions.wrongAnswers(item);
        List<ContenderAnswer> doubtful = !wrong.isEmpty() ? wrong : disagree ? answers : List.of();
        OptionalDouble confidence = doubtful.stream().filter(a -> a.confidence() != null)
                .mapToDouble(ContenderAnswer::confidence).max();
        return (disagree ? 2 : 0) + (wrong.isEmpty() ? 0 : 1) + confidence.orElse(0);
    }
}
