package io.laborpulse.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one place the ingest producer's settings are chosen.
 *
 * <p>Three layers, later ones winning: throughput defaults (which an operator may tune through
 * the client properties), then the client properties themselves (SASL/SSL and the like pass
 * through unchanged), then the settings the ingest's guarantees rest on (transactional id,
 * idempotence, {@code acks=all}), which nothing may override.
 */
public final class IngestProducers {

    /** Prefix of every ingest transactional id, so ACLs can grant {@code laborpulse-ingest-*}. */
    public static final String TRANSACTIONAL_ID_PREFIX = "laborpulse-ingest-";
    /** zstd: the best ratio of the built-in codecs on long multilingual text, at modest CPU. */
    static final String COMPRESSION = "zstd";
    /** Long enough to fill batches during a replay, short enough not to be felt live. */
    static final int LINGER_MS = 20;
    /** Articles are a few KiB each; 256 KiB batches hold dozens before compression. */
    static final int BATCH_BYTES = 256 * 1024;
    /** Retries run until this timeout, so a broker restart is waited out, not lost. */
    static final int DELIVERY_TIMEOUT_MS = 5 * 60 * 1000;

    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]+");

    private IngestProducers() {
    }

    /**
     * The transactional id of one ingest instance. It must be stable across restarts of that
     * instance (so a restart fences its own zombie and aborts what it left open) and differ
     * between instances running at the same time (or they would fence each other).
     *
     * @param instance a name such as {@code sample-feed} or {@code ilna-replay}
     */
    public static String transactionalId(String instance) {
        if (instance == null || !INSTANCE.matcher(instance).matches()) {
            throw new IllegalArgumentException("instance name must be letters, digits, '.', '_' or '-', got: " + instance);
        }
        return TRANSACTIONAL_ID_PREFIX + instance.toLowerCase(Locale.ROOT);
    }

    /**
     * Settings for the transactional producer the {@link IngestPublisher} needs.
     *
     * @param transactionalId stable per ingest instance, see {@link #transactionalId(String)}
     * @param client          Kafka client properties passed through unchanged (security settings)
     */
    public static Properties transactional(String bootstrapServers, String transactionalId, Map<String, String> client) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Properties props = new Properties();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION);
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(DELIVERY_TIMEOUT_MS));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);

        props.putAll(client);

        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Set so that new KafkaProducer<>(props) works too; serializer instances passed to the
        // constructor take precedence.
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
