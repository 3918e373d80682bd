package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps each event queryable by id for {@link TopologySettings#eventRetention()} of wall-clock
 * time after it was last written; a wall-clock sweep forgets older ones, so the store stays
 * bounded. The store lives with the region's partition: a query by id asks every instance.
 */
final class EventIndexProcessor implements Processor<String, LaborEvent, Void, Void> {

    private final TopologySettings settings;
    private ProcessorContext<Void, Void> context;
    private TimestampedKeyValueStore<String, LaborEvent> events;

    EventIndexProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.events = context.getStateStore(LaborTopology.EVENTS_BY_ID_STORE);
        context.schedule(settings.eventRetention().dividedBy(24), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, LaborEvent> record) {
        events.put(record.value().getId(), ValueAndTimestamp.make(record.value(), context.currentSystemTimeMs()));
    }

    private void forgetOld(long wallNow) {
        long horizon = wallNow - settings.eventRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<LaborEvent>> all = events.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.timestamp() < horizon) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(events::delete);
    }
}
