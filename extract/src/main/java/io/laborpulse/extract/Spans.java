package io.laborpulse.extract;

import java.util.List;
import java.util.function.ToIntFunction;

/** Lookups over things found in a text and kept in the order of where they start. */
final class Spans {

    private Spans() {
    }

    /** The index of the first of {@code sorted} that starts at or after {@code offset}, by bisection. */
    static <T> int firstAtOrAfter(List<T> sorted, ToIntFunction<T> start, int offset) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (start.applyAsInt(sorted.get(mid)) < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
