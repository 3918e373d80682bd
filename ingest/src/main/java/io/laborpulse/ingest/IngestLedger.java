package io.laborpulse.ingest;

import io.laborpulse.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the ingest has already published. Kept in the compacted topic
 * {@code labor.ingest-ledger.v1} (key: article id), written in the same Kafka transaction as the
 * article itself, so the ledger and the articles topic can never disagree: after a crash or a
 * restart an id is in the ledger exactly when its article is on the topic.
 */
public final class IngestLedger {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final Set<String> published;

    IngestLedger(Set<String> published) {
        this.published = published;
    }

    public static IngestLedger empty() {
        return new IngestLedger(new HashSet<>());
    }

    /** Reads the ledger topic to its end (committed records only). */
    public static IngestLedger load(String bootstrapServers, Map<String, String> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "laborpulse-ingest-ledger");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_LEDGER.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading the ingest ledger did not finish within " + LOAD_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        ids.add(new String(record.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return new IngestLedger(ids);
    }

    public synchronized boolean contains(String id) {
        return published.contains(id);
    }

    synchronized void add(String id) {
        published.add(id);
    }

    synchronized void remove(String id) {
        published.remove(id);
    }

    public synchronized int size() {
        return published.size();
    }
}
