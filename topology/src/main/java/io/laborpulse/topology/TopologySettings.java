package io.laborpulse.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Window sizes and grace of the activity aggregation: read by the topology and by its tests,
 * so a test's notion of "the window has closed" follows production.
 *
 * @param hourlyWindow size of the short tumbling activity window
 * @param grace        how long after a window's end late news is still counted in it
 */
public record TopologySettings(Duration hourlyWindow, Duration grace) {

    public static final Duration HOURLY_WINDOW = Duration.ofHours(1);
    /** Labour news is often published a day or two after the event. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(48);

    public TopologySettings {
        Objects.requireNonNull(hourlyWindow, "hourlyWindow");
        Objects.requireNonNull(grace, "grace");
        if (hourlyWindow.isZero() || hourlyWindow.isNegative()) {
            throw new IllegalArgumentException("window size must be positive, got " + hourlyWindow);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
    }

    public static TopologySettings defaults() {
        return new TopologySettings(HOURLY_WINDOW, DEFAULT_GRACE);
    }
}
