package io.laborpulse.ingest;

import io.laborpulse.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ingest has already published, kept durably in the compacted topic
 * {@code labor.ingest-ledger.v1} (key: id, value: when it was ingested).
 *
 * <p>The {@link IngestPublisher} writes each ledger record in the same Kafka transaction as
 * the article itself, so after a crash or a restart an id is in the committed ledger exactly
 * when its article is committed on the articles topic. Reading the ledger with
 * {@code read_committed} therefore tells a restarted ingest precisely what not to send again.
 *
 * <p>A tombstone (null value) for an id removes it, so an operator can ask for one article to
 * be sent again. The in-memory set holds 16-character ids: about a hundred bytes each, so
 * millions of articles fit in a modest heap.
 */
public final class IngestLedger implements AutoCloseable {

    /** Longest time to read the ledger to its end before giving up on a start. */
    static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(IngestLedger.class);

    private final Set<String> published = new HashSet<>();
    /** {@code null} for a ledger that lives only in memory (tests, dry runs). */
    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration loadTimeout;
    private final LongSupplier nanoTime;

    private IngestLedger(Consumer<byte[], byte[]> consumer, String topic, Duration loadTimeout, LongSupplier nanoTime) {
        this.consumer = consumer;
        this.topic = topic;
        this.loadTimeout = loadTimeout;
        this.nanoTime = nanoTime;
    }

    /** A ledger with no memory beyond this process: everything counts as new. */
    public static IngestLedger inMemory() {
        return new IngestLedger(null, Topics.INGEST_LEDGER.name(), DEFAULT_LOAD_TIMEOUT, System::nanoTime);
    }

    /**
     * Connects to the cluster and reads {@code labor.ingest-ledger.v1} to its end.
     *
     * @param client Kafka client properties passed through unchanged (SASL/SSL and the like)
     */
    public static IngestLedger load(String bootstrapServers, Map<String, String> client) {
        return load(new KafkaConsumer<>(consumerProperties(bootstrapServers, client),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), Topics.INGEST_LEDGER.name(), DEFAULT_LOAD_TIMEOUT);
    }

    /**
     * Reads {@code topic} to its end through {@code consumer}, which the ledger then owns and
     * closes. The consumer must read committed records only, or an aborted article would count
     * as sent and be lost.
     */
    public static IngestLedger load(Consumer<byte[], byte[]> consumer, String topic, Duration loadTimeout) {
        IngestLedger ledger = new IngestLedger(consumer, topic, loadTimeout, System::nanoTime);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                // Creating it here would give it the broker's defaults, not compaction; the
                // topic bootstrap owns creation, so say clearly what is missing.
                throw new IllegalStateException("The ingest ledger topic " + topic + " does not exist");
            }
            // assign, not subscribe: every instance must see every partition, and no group
            // offsets are wanted since each start reads from the beginning.
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            ledger.catchUp();
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        return ledger;
    }

    /** Consumer settings for reading the ledger; client properties flow through unchanged. */
    public static Properties consumerProperties(String bootstrapServers, Map<String, String> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "laborpulse-ingest-ledger");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    /**
     * Reads whatever was committed to the ledger since the last read, up to the current end.
     * The publisher calls this after {@code initTransactions()}: that call waits for any
     * transaction a previous incarnation left half-committed, whose records only then become
     * readable. Without this second look they would be missed and sent twice.
     */
    public void catchUp() {
        if (consumer == null) {
            return;
        }
        Set<TopicPartition> partitions = consumer.assignment();
        // With read_committed, end offsets are the last stable offsets: reaching them means
        // every committed record that existed when we asked has been seen.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = nanoTime.getAsLong() + loadTimeout.toNanos();
        long records = 0;
        while (!reached(end)) {
            if (nanoTime.getAsLong() - deadline > 0) {
                throw new IllegalStateException("Reading the ingest ledger " + topic + " did not reach its end within "
                        + loadTimeout.toSeconds() + " s (at " + positions(partitions) + ", end " + end + ")");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                apply(record);
                records++;
            }
        }
        log.debug("Ingest ledger {}: read {} records, {} ids known", topic, records, size());
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Map<TopicPartition, Long> positions(Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> at = new java.util.HashMap<>();
        partitions.forEach(p -> at.put(p, consumer.position(p)));
        return at;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            remove(id);
        } else {
            add(id);
        }
    }

    public synchronized boolean contains(String id) {
        return published.contains(id);
    }

    /** Ids known to be published. */
    public synchronized int size() {
        return published.size();
    }

    synchronized void add(String id) {
        published.add(id);
    }

    synchronized void remove(String id) {
        published.remove(id);
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
