package io.laborpulse.ingest;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The one place ingest producer settings are chosen. */
public final class IngestProducers {

    private IngestProducers() {
    }

    /**
     * Idempotent, acks=all, transactional (articles and ledger records commit together),
     * zstd-compressed, batched for throughput. Retries last until the delivery timeout, so a
     * broker restart is waited out rather than lost.
     *
     * @param client Kafka client properties passed through unchanged (security settings)
     */
    public static Properties transactional(String bootstrapServers, String transactionalId, Map<String, String> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(5 * 60 * 1000));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        return props;
    }
}
