package io.laborpulse.launcher;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.LaborEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pipeline's topics from the beginning, as any downstream consumer would (committed
 * records only, through the public serde), and keeps a {@link SummaryBoard} current. It has
 * no consumer group: every start recounts what is stored, so a restart shows the same totals.
 */
final class LiveSummary implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveSummary.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<LaborEvent> events;
    private final SummaryBoard board = new SummaryBoard();
    private volatile boolean running = true;

    LiveSummary(String bootstrapServers, Map<String, String> clientProperties, Deserializer<LaborEvent> events) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "laborpulse-summary");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.events = events;
    }

    SummaryBoard board() {
        return board;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ARTICLES.name(), Topics.EVENTS.name(), Topics.DEAD_LETTERS.name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        if (topic.equals(Topics.ARTICLES.name())) {
            board.articleSeen();
        } else if (topic.equals(Topics.DEAD_LETTERS.name())) {
            board.deadLetterSeen();
        } else {
            try {
                LaborEvent event = events.deserialize(topic, record.value());
                String key = record.key() == null ? "?" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
                board.eventSeen(key, event);
            } catch (SerializationException e) {
                log.warn("Summary cannot read event at {}-{}@{}: {}", topic, record.partition(), record.offset(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
