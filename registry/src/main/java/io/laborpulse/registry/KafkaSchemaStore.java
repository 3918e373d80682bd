package io.laborpulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps the registry's entries in a compacted, single-partition Kafka topic, as Confluent's
 * registry keeps its {@code _schemas}: the key names the fact (a subject's version, or a
 * compatibility setting) so compaction keeps the latest of each, the value holds it as JSON.
 *
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"labor.events.v1-value","version":1}
 * value {"subject":"labor.events.v1-value","version":1,"id":3,"schema":"{…}"}
 * key   {"keytype":"CONFIG","subject":null}
 * value {"compatibilityLevel":"BACKWARD"}
 * </pre>
 *
 * <p>One writer at a time: ids are assigned by the process that holds the registry, so two
 * registries writing to one topic at once could assign the same id. Standalone mode runs one.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final Properties clientProps;
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Creates the topic when it is missing (one partition, compacted).
     *
     * @param client            Kafka client properties (bootstrap servers, security), used unchanged
     * @param replicationFactor replication of the topic if it is created; -1 for the broker default
     */
    public KafkaSchemaStore(String topic, Map<String, String> client, short replicationFactor) {
        this.topic = topic;
        this.clientProps = new Properties();
        clientProps.putAll(client);
        ensureTopic(replicationFactor);
        Properties producerProps = new Properties();
        producerProps.putAll(clientProps);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "laborpulse-schema-registry");
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    }

    @Override
    public List<RegistryEntry> load() {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "laborpulse-schema-registry-loader");
        List<RegistryEntry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading the schema store " + topic + " did not reach offset " + end
                            + " within " + LOAD_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record.value()).ifPresent(entries::add);
                }
            }
        }
        return entries;
    }

    @Override
    public void append(RegistryEntry entry) {
        ObjectNode key = json.createObjectNode();
        ObjectNode value = json.createObjectNode();
        if (entry instanceof RegistryEntry.SchemaVersion v) {
            key.put("keytype", "SCHEMA").put("subject", v.subject()).put("version", v.version());
            value.put("subject", v.subject()).put("version", v.version()).put("id", v.id()).put("schema", v.schema());
        } else if (entry instanceof RegistryEntry.Config c) {
            key.put("keytype", "CONFIG").put("subject", c.subject());
            value.put("subject", c.subject()).put("compatibilityLevel", c.level().name());
        }
        try {
            producer.send(new ProducerRecord<>(topic, 0, key.toString(), value.toString()))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to the schema store " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot write to the schema store " + topic + ": " + e.getMessage(), e);
        }
    }

    private Optional<RegistryEntry> decode(String value) {
        if (value == null) {
            return Optional.empty(); // a tombstone: the fact was deleted
        }
        try {
            JsonNode node = json.readTree(value);
            if (node.has("schema")) {
                return Optional.of(new RegistryEntry.SchemaVersion(node.path("subject").asText(),
                        node.path("version").asInt(), node.path("id").asInt(), node.path("schema").asText()));
            }
            String subject = node.path("subject").isNull() || node.path("subject").isMissingNode() ? null : node.path("subject").asText();
            return Optional.of(new RegistryEntry.Config(subject, CompatibilityLevel.valueOf(node.path("compatibilityLevel").asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable entry in the schema store " + topic + ": " + value, e);
        }
    }

    private void ensureTopic(short replicationFactor) {
        Properties props = new Properties();
        props.putAll(clientProps);
        try (Admin admin = Admin.create(props)) {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            Optional<Short> replicas = replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor);
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), replicas)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the schema store topic " + topic + ": " + e.getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the schema store topic " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

}
