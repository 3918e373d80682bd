package io.laborpulse.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the topology remembers per region to close its windows: when it first and last had an
 * event, and the first hour and day window not yet reported closed. Kept in a state store as
 * four big-endian longs (32 bytes; an internal format, versioned by its length).
 */
public record RegionProgress(long firstEvent, long lastEvent, long nextHour, long nextDay) {

    private static final int BYTES = 4 * Long.BYTES;

    public static final Serde<RegionProgress> SERDE = Serdes.serdeFrom(
            (Serializer<RegionProgress>) (topic, p) -> p == null ? null : ByteBuffer.allocate(BYTES)
                    .putLong(p.firstEvent).putLong(p.lastEvent).putLong(p.nextHour).putLong(p.nextDay).array(),
            (Deserializer<RegionProgress>) (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                if (bytes.length != BYTES) {
                    throw new IllegalStateException("Region progress of " + bytes.length + " bytes; expected " + BYTES);
                }
                ByteBuffer in = ByteBuffer.wrap(bytes);
                return new RegionProgress(in.getLong(), in.getLong(), in.getLong(), in.getLong());
            });

    public RegionProgress withEvent(long eventTime) {
        return new RegionProgress(Math.min(firstEvent, eventTime), Math.max(lastEvent, eventTime), nextHour, nextDay);
    }
}
