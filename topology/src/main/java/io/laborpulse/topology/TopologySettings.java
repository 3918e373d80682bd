package io.laborpulse.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * The topology's knobs, read by the topology and by its tests, so a test's notion of "the
 * window has closed" follows production.
 *
 * @param grace            how long after a window's end late news is still counted in it
 * @param maxTextChars     longest article text (title + text) accepted; longer ones are dead-lettered
 * @param closeCheck       how often windows are checked for closing on wall-clock time
 * @param activeHorizon    a region with an event in this period "normally has activity": its closed
 *                         windows are reported, with zeros where it was quiet
 * @param hourlyRetention  how long hourly windows stay queryable
 * @param dailyRetention   how long daily windows stay queryable
 * @param eventRetention   how long events stay queryable by id
 */
public record TopologySettings(Duration grace, int maxTextChars, Duration closeCheck, Duration activeHorizon,
        Duration hourlyRetention, Duration dailyRetention, Duration eventRetention) {

    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration DAY = Duration.ofDays(1);
    /** Labour news is often published a day or two after the event. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(48);
    public static final int DEFAULT_MAX_TEXT_CHARS = 200_000;

    public TopologySettings {
        Objects.requireNonNull(grace, "grace");
        positive(closeCheck, "closeCheck");
        positive(activeHorizon, "activeHorizon");
        positive(eventRetention, "eventRetention");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (maxTextChars <= 0) {
            throw new IllegalArgumentException("maxTextChars must be positive, got " + maxTextChars);
        }
        // A window must stay in its store until it has closed, or late news would find it gone.
        if (hourlyRetention.compareTo(HOUR.plus(grace)) < 0 || dailyRetention.compareTo(DAY.plus(grace)) < 0) {
            throw new IllegalArgumentException("window retention must cover the window and its grace: hourly "
                    + hourlyRetention + ", daily " + dailyRetention + ", grace " + grace);
        }
    }

    public static TopologySettings defaults() {
        return withGrace(DEFAULT_GRACE);
    }

    public static TopologySettings withGrace(Duration grace) {
        return new TopologySettings(grace, DEFAULT_MAX_TEXT_CHARS, Duration.ofSeconds(30), Duration.ofDays(28),
                Duration.ofDays(14).plus(grace), Duration.ofDays(400).plus(grace), Duration.ofDays(7));
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
