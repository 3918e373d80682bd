package io.laborpulse.topology;

import io.laborpulse.schemas.avro.Granularity;
import java.time.Duration;
import java.time.Instant;

/**
 * Window arithmetic of regional activity, pure: tumbling hour and day windows aligned to UTC,
 * when a window closes, and the clock that closes windows even when no news arrives.
 */
public final class ActivityWindows {

    private ActivityWindows() {
    }

    public static Duration size(Granularity granularity) {
        return granularity == Granularity.DAY ? TopologySettings.DAY : TopologySettings.HOUR;
    }

    /** Start of the window of {@code granularity} that holds {@code time}, in epoch millis. */
    public static long start(long time, Granularity granularity) {
        return Math.floorDiv(time, size(granularity).toMillis()) * size(granularity).toMillis();
    }

    /** The instant from which a window no longer takes late news: its end plus grace. */
    public static long closesAt(long windowStart, Granularity granularity, Duration grace) {
        return windowStart + size(granularity).toMillis() + grace.toMillis();
    }

    public static boolean isClosed(long windowStart, Granularity granularity, Duration grace, long now) {
        return closesAt(windowStart, granularity, grace) <= now;
    }

    /** The earliest window that is still open at {@code now}. */
    public static long firstOpen(Granularity granularity, Duration grace, long now) {
        long size = size(granularity).toMillis();
        long candidate = start(now - grace.toMillis() - size, granularity);
        while (isClosed(candidate, granularity, grace, now)) {
            candidate += size;
        }
        return candidate;
    }

    /**
     * The time windows close by. Event time alone (Kafka Streams' stream time) stops when news
     * stops, and a quiet region's windows would never close; so the clock also runs on by the
     * wall-clock time the task has been idle. It never goes back: a record arriving after a
     * quiet spell does not reopen windows that closed in it.
     *
     * @param previous        the clock's last reading (Long.MIN_VALUE at start)
     * @param streamTime      the task's stream time
     * @param wallNow         wall-clock now
     * @param wallAtLastRecord wall-clock time the task last saw a record
     */
    public static long clock(long previous, long streamTime, long wallNow, long wallAtLastRecord) {
        long idle = Math.max(0, wallNow - wallAtLastRecord);
        long running = streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime + idle;
        return Math.max(previous, running);
    }

    public static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
