package dev.deemwb.bench.mmvp;

import dev.deemwb.bench.CsvRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pairing rule shared by MMVP and MMVP-VLM: rows (1,2), (3,4), … are pairs, by their ids and by
 * their position in the file.
 */
final class Pairs {

    static final String RULE = "rows pair up as (1,2), (3,4), …";

    private Pairs() {}

    /** Checks that {@code first} and {@code second} are ids {@code 2k-1} and {@code 2k}. */
    static void requirePair(String idName, int first, int second) {
        if (first < 1 || first % 2 == 0) {
            throw new IllegalArgumentException(idName + " " + first + " cannot start a pair: " + RULE);
        }
        if (second != first + 1) {
            throw new IllegalArgumentException(
                    idName + " " + second + " cannot follow " + idName + " " + first + " in a pair: " + RULE);
        }
    }

    /**
     * Reads rows two at a time: {@code item} reads each row, {@code pair} joins two items, and a
     * problem with the pair is reported at its second row.
     */
    static <T, P> List<P> fromRows(List<CsvRow> rows, Function<CsvRow, T> item, BiFunction<T, T, P> pair) {
        if (rows.size() % 2 != 0) {
            throw rows.get(rows.size() - 1).error("row has no partner (" + rows.size() + " rows; " + RULE + ")");
        }
        List<P> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 2) {
            CsvRow firstRow = rows.get(i);
            CsvRow secondRow = rows.get(i + 1);
            T first = firstRow.build(() -> item.apply(firstRow));
            T second = secondRow.build(() -> item.apply(secondRow));
            pairs.add(secondRow.build(() -> pair.apply(first, second)));
        }
        return pairs;
    }
}
