package io.laborpulse.topology;

import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.LaborEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

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

    private final AtomicLong activeAlerts = new AtomicLong();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("laborpulse_alerts_active", activeAlerts, AtomicLong::get)
                .description("Spike alerts fired and not yet resolved by this instance since it started")
                .register(registry);
        // Known label sets start at zero, so "no window closed yet" is a value, not a missing series.
        for (Granularity granularity : Granularity.values()) {
            windowsClosed(granularity, false);
            windowsClosed(granularity, true);
        }
    }

    void eventExtracted(String region, LaborEvent event) {
        if (event.getReportCount() > 1) {
            return; // an update of an event already counted (another report of it)
        }
        DistributionSummary.builder("laborpulse_extraction_confidence")
                .description("Extraction confidence of events, in [0, 1]")
                .serviceLevelObjectives(0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
                .register(registry)
                .record(event.getConfidence());
        Counter.builder("laborpulse_place_precision")
                .description("Events by how precisely their place is known: UNKNOWN, COUNTRY, REGION or CITY")
                .tag("precision", event.getPrecision().name())
                .register(registry)
                .increment();
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

    /** An event counted in its windows: how long after the ingest accepted its report. */
    void eventCounted(LaborEvent event, long wallNow) {
        if (event.getIngestedAt() != null) {
            Timer.builder("laborpulse_end_to_end_latency")
                    .description("From the ingest accepting a report to its event being counted in regional activity")
                    .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                            Duration.ofMinutes(1), Duration.ofMinutes(5))
                    .register(registry)
                    .record(Duration.ofMillis(Math.max(0, wallNow - event.getIngestedAt().toEpochMilli())));
        }
    }

    /** A window reported closed on the final-results topic. */
    void windowClosed(Granularity granularity, boolean quiet) {
        windowsClosed(granularity, quiet).increment();
    }

    private Counter windowsClosed(Granularity granularity, boolean quiet) {
        return Counter.builder("laborpulse_windows_closed")
                .description("Windows reported closed, by granularity; quiet ones (zeros) counted apart")
                .tag("granularity", granularity.name().toLowerCase(Locale.ROOT))
                .tag("quiet", Boolean.toString(quiet))
                .register(registry);
    }

    /** A spike alert fired, by region, type (ALL for all types together) and severity. */
    void alertFired(String region, String type, String severity) {
        Counter.builder("laborpulse_alerts_fired")
                .description("Spike alerts fired by the streaming detector, by region, type and severity")
                .tag("region", region)
                .tag("type", type)
                .tag("severity", severity)
                .register(registry)
                .increment();
        activeAlerts.incrementAndGet();
    }

    void alertResolved() {
        activeAlerts.decrementAndGet();
    }

    /** A dedup decision: new, exact_duplicate or near_duplicate (the dedup ratio is the share of the last two). */
    void dedupDecision(String verdict) {
        Counter.builder("laborpulse_dedup_decisions")
                .description("Events as the dedup step judged them: new, exact_duplicate or near_duplicate")
                .tag("verdict", verdict)
                .register(registry)
                .increment();
    }
}
