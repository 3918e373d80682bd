package io.laborpulse.topology;

import io.laborpulse.schemas.avro.Severity;
import org.apache.kafka.common.serialization.Serde;

/**
 * The spike statistic as the topology uses it: a per-key baseline learnt from closed windows and
 * an assessment of a window's running count against it. Pure functions over an immutable state
 * that lives in a state store (hence the serde); the statistic itself is documented with its
 * implementation.
 *
 * @param <S> the baseline state of one key (a region, or a region and type)
 */
public interface SpikeModel<S> {

    /** The baseline of a key never seen before (cold start). */
    S fresh();

    /** The baseline after a window closed with {@code count} events. */
    S learn(S state, long windowStart, long count);

    /** How unusual {@code runningCount} events are, so far, for the window starting at {@code windowStart}. */
    Verdict assess(S state, long windowStart, long runningCount);

    Serde<S> stateSerde();

    /**
     * @param fire     whether the count is a spike
     * @param expected events the baseline expects in the whole window
     * @param score    the statistic (higher is more unusual)
     * @param severity how far past the threshold
     */
    record Verdict(boolean fire, double expected, double score, Severity severity) {
    }
}
