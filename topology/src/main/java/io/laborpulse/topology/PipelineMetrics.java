package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Domain metrics of the topology, named {@code laborpulse_*} and labelled with ISO region keys
 * and taxonomy types. Label values come from the gazetteer and the taxonomy, both closed
 * sets, so cardinality stays bounded (a few thousand regions times 13 types at most).
 *
 * <p>Counted as records pass through the topology: after a failure an exactly-once task
 * replays uncommitted records, so these counters may run slightly ahead of the topics.
 */
public final class PipelineMetrics {

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void eventExtracted(String region, LaborEvent event) {
        Counter.builder("laborpulse_events")
                .description("Labour events extracted, by region key and event type")
                .tag("region", region)
                .tag("type", event.getEventType().name())
                .register(registry)
                .increment();
        if (event.getParticipants() != null) {
            Counter.builder("laborpulse_participants")
                    .description("Stated participants of extracted events, by region key")
                    .tag("region", region)
                    .register(registry)
                    .increment(event.getParticipants());
        }
    }

    /** An event that arrived after its hour had ended: counted when within grace, else dropped. */
    void lateEvent(String region, boolean counted) {
        Counter.builder("laborpulse_late_events")
                .description("Events arriving after their hour window ended: counted (within grace) or dropped (beyond it)")
                .tag("region", region)
                .tag("outcome", counted ? "counted" : "dropped")
                .register(registry)
                .increment();
    }
}
