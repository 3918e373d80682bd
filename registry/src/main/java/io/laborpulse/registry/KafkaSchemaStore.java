package io.laborpulse.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's entries in a compacted, single-partition Kafka topic, the way
 * Confluent's registry keeps {@code _schemas}. Key and value are UTF-8 JSON strings; the key
 * names the fact so compaction keeps the latest of each, the value holds the whole fact:
 *
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"labor.events.v1-value","version":1}
 * value {"subject":"labor.events.v1-value","version":1,"id":3,"schema":"{…}"}
 * key   {"keytype":"CONFIG","subject":null}               (the global level)
 * value {"subject":null,"compatibilityLevel":"BACKWARD"}
 * </pre>
 *
 * Null values (tombstones) are skipped on load. On construction the topic is created when
 * missing (one partition, {@code cleanup.policy=compact}); an existing topic with more than one
 * partition is refused, since order across partitions is what ids rely on.
 *
 * <p>Each {@link #append} is produced with {@code acks=all} and idempotence, and waited for.
 * One writer at a time: ids are assigned by the process holding the registry, so two
 * registries writing to one topic at once could give one id to two schemas. Standalone mode
 * runs exactly one.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final String CLIENT_ID = "laborpulse-schema-registry";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    /** How long to wait before asking again about a topic the broker does not know yet. */
    private static final Duration METADATA_RETRY = Duration.ofMillis(100);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    // A send settles (acknowledged or failed) within the delivery timeout; waiting a little
    // longer means a failed append is a failed send, not one still in flight behind our back.
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WRITE_WAIT = DELIVERY_TIMEOUT.plusSeconds(5);

    private final String topic;
    private final TopicPartition partition;
    private final Properties clientProps;
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Connects, creates or checks the topic, and opens the producer. The entries are read by
     * {@link #load()}, which {@link SchemaRegistry} calls when built over this store.
     *
     * @param bootstrapServers  the cluster to use; overrides any {@code bootstrap.servers} in
     *                          {@code clientProperties}
     * @param clientProperties  common client settings passed to the admin client, producer and
     *                          consumer (SASL/SSL and the like); copied, never modified. The store
     *                          sets acks, idempotence, its timeouts and client ids itself.
     * @param topic             the store topic, {@code _schemas} in the product
     * @param replicationFactor replication of the topic if it is created; -1 for the broker default
     * @throws IllegalStateException when the topic cannot be created or has several partitions
     */
    public KafkaSchemaStore(String bootstrapServers, Properties clientProperties, String topic, short replicationFactor) {
        this(topic, withBootstrap(clientProperties, bootstrapServers), replicationFactor);
    }

    /**
     * As {@link #KafkaSchemaStore(String, Properties, String, short)}, with
     * {@code bootstrap.servers} inside {@code client}.
     */
    public KafkaSchemaStore(String topic, Map<String, String> client, short replicationFactor) {
        this(topic, copy(client), replicationFactor);
    }

    private KafkaSchemaStore(String topic, Properties clientProps, short replicationFactor) {
        if (clientProps.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "").isBlank()) {
            throw new IllegalArgumentException("The schema store needs bootstrap.servers");
        }
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.clientProps = clientProps;
        ensureTopic(replicationFactor);
        Properties producerProps = copy(clientProps);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT.toMillis()));
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-writer");
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    }

    /** The store topic. */
    public String topic() {
        return topic;
    }

    /**
     * Reads the topic from the beginning to the end offset seen when the call starts. Sends still
     * in flight are settled first, so an entry whose append failed late is seen here.
     *
     * @throws IllegalStateException when the end is not reached in time or a record is unreadable
     */
    @Override
    public List<RegistryEntry> load() {
        producer.flush();
        Properties props = copy(clientProps);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID + "-reader");
        // assign() needs no group; a group.id passed in for other clients must not join one here.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<RegistryEntry> entries = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), LOAD_TIMEOUT).get(partition);
            long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
            while (consumer.position(partition, LOAD_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading the schema store " + topic + " did not reach offset " + end
                            + " within " + LOAD_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record).ifPresent(entries::add);
                }
            }
            log.info("Schema store {} read to offset {}: {} entries", topic, end, entries.size());
        }
        return entries;
    }

    /**
     * Produces the entry and waits for the acknowledgement of all in-sync replicas.
     *
     * @throws IllegalStateException when the write fails or is not acknowledged in time
     */
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
                    .get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to the schema store " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write to the schema store " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No acknowledgement from the schema store " + topic + " within "
                    + WRITE_WAIT.toSeconds() + " s", e);
        }
    }

    /** Closes the producer; the topic keeps the entries. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private Optional<RegistryEntry> decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(record.value());
            String subject = node.path("subject").isTextual() ? node.get("subject").asText() : null;
            if (node.has("schema")) {
                if (subject == null || !node.path("id").canConvertToInt() || !node.path("version").canConvertToInt()) {
                    throw new IllegalArgumentException("a schema entry needs subject, version and id");
                }
                return Optional.of(new RegistryEntry.SchemaVersion(subject, node.get("version").asInt(),
                        node.get("id").asInt(), node.get("schema").asText()));
            }
            return Optional.of(new RegistryEntry.Config(subject, CompatibilityLevel.valueOf(node.path("compatibilityLevel").asText())));
        } catch (Exception e) {
            // Failing the start beats skipping: a lost entry would let its id be handed out again.
            throw new IllegalStateException("Unreadable entry in the schema store " + topic + " at offset "
                    + record.offset() + ": " + record.value(), e);
        }
    }

    private void ensureTopic(short replicationFactor) {
        try (Admin admin = Admin.create(copy(clientProps))) {
            if (!admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                create(admin, replicationFactor);
            }
            check(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the schema store topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot prepare the schema store topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private void create(Admin admin, short replicationFactor) throws InterruptedException, ExecutionException, TimeoutException {
        Optional<Short> replicas = replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor);
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), replicas)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created the schema store topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void check(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = onceKnown(() -> admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic));
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("The schema store topic " + topic + " has " + description.partitions().size()
                    + " partitions; it needs exactly 1");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry policy = onceKnown(() -> {
            Future<Map<ConfigResource, Config>> configs = admin.describeConfigs(List.of(resource)).all();
            return configs.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
        });
        if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            // Not fatal while the retention lasts, but a deleting policy will lose schemas.
            log.warn("The schema store topic {} has cleanup.policy={}; it should be compact", topic,
                    policy == null ? null : policy.value());
        }
    }

    /** An admin call on the store topic. */
    private interface TopicCall<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    /**
     * The call's answer, asked again while the broker answering does not know the topic yet: a
     * topic just created is known to the controller first and to the other brokers' metadata a
     * moment later ("This server does not host this topic-partition").
     */
    private static <T> T onceKnown(TopicCall<T> call) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(METADATA_RETRY.toMillis());
            }
        }
    }

    private static Properties withBootstrap(Properties clientProperties, String bootstrapServers) {
        Properties props = new Properties();
        if (clientProperties != null) {
            props.putAll(clientProperties);
        }
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    private static Properties copy(Map<?, ?> source) {
        Properties props = new Properties();
        props.putAll(source);
        return props;
    }
}
