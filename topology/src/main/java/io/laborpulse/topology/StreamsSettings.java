package io.laborpulse.topology;

import io.laborpulse.topology.errors.DeadLetterHandlers;
import io.laborpulse.topology.errors.DeadLetterMetrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The one factory of Kafka Streams properties: exactly-once v2, explicit internal names, and
 * dead-lettering (and counting) of records that cannot be deserialised, processed or produced.
 */
public final class StreamsSettings {

    public static final String DEFAULT_APPLICATION_ID = "laborpulse-topology";

    private StreamsSettings() {
    }

    /**
     * @param client extra Kafka client properties (security settings and other overrides);
     *               applied last, so an operator can override any default here.
     */
    public static Properties streamsProperties(
            String applicationId, String bootstrapServers, Path stateDir, String deadLetterTopic,
            short replicationFactor, Map<String, String> client, DeadLetterMetrics deadLetters) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(replicationFactor));
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandlers.Deserialization.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandlers.Processing.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandlers.Production.class.getName());
        props.put(DeadLetterMetrics.CONFIG_KEY, deadLetters);
        props.putAll(client);
        return props;
    }
}
