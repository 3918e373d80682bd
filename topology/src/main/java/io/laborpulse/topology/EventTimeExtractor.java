package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows labour events on their own event time (which the event records together with the
 * clock it came from), not on the time the record reached Kafka.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof LaborEvent event) {
            return event.getEventTime().toEpochMilli();
        }
        // Only a null (tombstone) value gets here; it carries no event time of its own.
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
