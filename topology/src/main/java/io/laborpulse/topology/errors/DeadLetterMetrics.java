package io.laborpulse.topology.errors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * Counts dead letters by reason and source topic as {@code laborpulse_dead_letters_total}. The
 * exception handlers are created by Kafka Streams from class names; they find this counter in
 * their configuration under {@link #CONFIG_KEY}.
 */
public final class DeadLetterMetrics {

    /** Configuration key under which the streams properties carry the instance. */
    public static final String CONFIG_KEY = "laborpulse.dead-letter.metrics";

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void deadLettered(DeadLetterReason reason, String topic) {
        Counter.builder("laborpulse_dead_letters")
                .description("Records sent to the dead-letter topic, by reason and source topic")
                .tag("reason", reason.label())
                .tag("topic", topic == null ? "unknown" : topic)
                .register(registry)
                .increment();
    }

    /** The instance in a handler's configuration; a clear error when the application forgot it. */
    static DeadLetterMetrics from(Map<String, ?> configs) {
        Object value = configs.get(CONFIG_KEY);
        if (value instanceof DeadLetterMetrics metrics) {
            return metrics;
        }
        throw new IllegalStateException("Streams configuration lacks " + CONFIG_KEY
                + " (a DeadLetterMetrics instance); build the properties with StreamsSettings");
    }
}
