package io.laborpulse.launcher;

import io.laborpulse.ingest.webhook.WebhookSettings;
import io.laborpulse.topology.SeasonalPoissonModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Every setting of the {@code laborpulse} program, typed, documented and validated in one
 * place. Values come from, in rising precedence: defaults (which run standalone mode), a
 * properties file, environment variables ({@code LABORPULSE_BOOTSTRAP_SERVERS} for
 * {@code bootstrap.servers}), and command-line flags.
 *
 * <p>Kafka client settings pass through unchanged: {@code kafka.}-prefixed keys in the file,
 * {@code LABORPULSE_KAFKA_*} variables, or {@code --kafka-property}, so SASL/SSL works the way
 * the cluster's operators already write it.
 */
public final class LaborPulseConfig extends AbstractConfig {

    public static final String ENV_PREFIX = "LABORPULSE_";
    public static final String CLIENT_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC =
            "Kafka cluster to use. Empty: start an embedded single-node KRaft broker.";

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC =
            "Confluent-compatible schema registry to use. Empty: serve the embedded registry.";

    public static final String DATA_DIR_CONFIG = "data.dir";
    private static final String DATA_DIR_DOC =
            "Folder for the embedded broker's logs, the Streams state and log files; kept across restarts.";

    public static final String KAFKA_PORT_CONFIG = "embedded.kafka.port";
    private static final String KAFKA_PORT_DOC = "Port of the embedded broker's client listener.";

    public static final String CONTROLLER_PORT_CONFIG = "embedded.controller.port";
    private static final String CONTROLLER_PORT_DOC = "Port of the embedded broker's KRaft controller listener.";

    public static final String REGISTRY_PORT_CONFIG = "embedded.registry.port";
    private static final String REGISTRY_PORT_DOC = "Port of the embedded schema registry.";

    public static final String HTTP_HOST_CONFIG = "http.host";
    private static final String HTTP_HOST_DOC =
            "Address the HTTP server (health, metrics) and the embedded registry bind to. Loopback by default.";

    public static final String HTTP_PORT_CONFIG = "http.port";
    private static final String HTTP_PORT_DOC = "Port of the HTTP server with /health and /metrics.";

    public static final String APPLICATION_ID_CONFIG = "application.id";
    private static final String APPLICATION_ID_DOC =
            "Kafka Streams application id: consumer group, prefix of internal topics and state folder.";

    public static final String REPLICATION_FACTOR_CONFIG = "replication.factor";
    private static final String REPLICATION_FACTOR_DOC =
            "Replication factor of the topics the program creates; -1 uses the broker's default.";

    public static final String SAMPLE_FEED_CONFIG = "sample.feed";
    private static final String SAMPLE_FEED_DOC =
            "Replay the bundled multilingual sample feed at start (articles already sent are skipped).";

    public static final String SUMMARY_INTERVAL_CONFIG = "summary.interval.ms";
    private static final String SUMMARY_INTERVAL_DOC =
            "How often the live terminal summary is refreshed; 0 turns it off.";

    public static final String GRACE_CONFIG = "activity.grace.ms";
    private static final String GRACE_DOC =
            "How long after a window ends late news is still counted in it.";

    public static final String SPIKE_THRESHOLD_CONFIG = "spike.threshold";
    private static final String SPIKE_THRESHOLD_DOC =
            "Spike score (-log10 of the Poisson tail probability of the hour's count) from which an alert fires.";

    public static final String SPIKE_MIN_COUNT_CONFIG = "spike.min.count";
    private static final String SPIKE_MIN_COUNT_DOC = "Fewest events in an hour that can be a spike.";

    public static final String SPIKE_WARMUP_CONFIG = "spike.warmup.hours";
    private static final String SPIKE_WARMUP_DOC = "Hours of history a region needs before its spikes alert.";

    public static final String WEBHOOK_ENABLED_CONFIG = "webhook.enabled";
    private static final String WEBHOOK_ENABLED_DOC =
            "Accept articles by HTTP POST on /api/v1/articles of the HTTP server.";

    public static final String WEBHOOK_TOKEN_CONFIG = "webhook.token";
    private static final String WEBHOOK_TOKEN_DOC =
            "Bearer token the webhook requires (Authorization: Bearer <token>); empty accepts any caller.";

    public static final String WEBHOOK_MAX_BODY_CONFIG = "webhook.max.body.bytes";
    private static final String WEBHOOK_MAX_BODY_DOC = "Largest webhook request body; larger ones get 413.";

    public static final String FEEDS_FILE_CONFIG = "feeds.file";
    private static final String FEEDS_FILE_DOC =
            "JSON file of RSS/Atom feeds to poll (name, url, lang, country, pollInterval); empty polls none.";

    public static final String EVENTS_PATH_CONFIG = "events.path";
    private static final String EVENTS_PATH_DOC =
            "CSV or JSON-lines file, or folder of them, of structured events to publish at start; empty publishes none.";

    public static final String EVENTS_MAPPING_CONFIG = "events.mapping";
    private static final String EVENTS_MAPPING_DOC =
            "JSON column mapping for events.path (source, delimiter, dateFormat, columns); empty: columns named after the fields.";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.STRING, "", Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, "", Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(DATA_DIR_CONFIG, Type.STRING, "data", Importance.HIGH, DATA_DIR_DOC)
            .define(KAFKA_PORT_CONFIG, Type.INT, 9092, Range.between(0, 65535), Importance.MEDIUM, KAFKA_PORT_DOC)
            .define(CONTROLLER_PORT_CONFIG, Type.INT, 9093, Range.between(0, 65535), Importance.LOW, CONTROLLER_PORT_DOC)
            .define(REGISTRY_PORT_CONFIG, Type.INT, 8081, Range.between(0, 65535), Importance.MEDIUM, REGISTRY_PORT_DOC)
            .define(HTTP_HOST_CONFIG, Type.STRING, "127.0.0.1", Importance.MEDIUM, HTTP_HOST_DOC)
            .define(HTTP_PORT_CONFIG, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, HTTP_PORT_DOC)
            .define(APPLICATION_ID_CONFIG, Type.STRING, "laborpulse-topology", Importance.MEDIUM, APPLICATION_ID_DOC)
            .define(REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) -1, Importance.MEDIUM, REPLICATION_FACTOR_DOC)
            .define(SAMPLE_FEED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, SAMPLE_FEED_DOC)
            .define(SUMMARY_INTERVAL_CONFIG, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW, SUMMARY_INTERVAL_DOC)
            .define(GRACE_CONFIG, Type.LONG, Duration.ofHours(48).toMillis(), Range.atLeast(0), Importance.LOW, GRACE_DOC)
            .define(SPIKE_THRESHOLD_CONFIG, Type.DOUBLE, 3.0, Range.atLeast(0.1), Importance.LOW, SPIKE_THRESHOLD_DOC)
            .define(SPIKE_MIN_COUNT_CONFIG, Type.LONG, 5L, Range.atLeast(1), Importance.LOW, SPIKE_MIN_COUNT_DOC)
            .define(SPIKE_WARMUP_CONFIG, Type.LONG, 14 * 24L, Range.atLeast(0), Importance.LOW, SPIKE_WARMUP_DOC)
            .define(WEBHOOK_ENABLED_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM, WEBHOOK_ENABLED_DOC)
            .define(WEBHOOK_TOKEN_CONFIG, Type.PASSWORD, "", Importance.MEDIUM, WEBHOOK_TOKEN_DOC)
            .define(WEBHOOK_MAX_BODY_CONFIG, Type.INT, 5 * 1024 * 1024, Range.atLeast(1), Importance.LOW, WEBHOOK_MAX_BODY_DOC)
            .define(FEEDS_FILE_CONFIG, Type.STRING, "", Importance.MEDIUM, FEEDS_FILE_DOC)
            .define(EVENTS_PATH_CONFIG, Type.STRING, "", Importance.MEDIUM, EVENTS_PATH_DOC)
            .define(EVENTS_MAPPING_CONFIG, Type.STRING, "", Importance.LOW, EVENTS_MAPPING_DOC);

    /** Read by the {@code laborpulse} script, not by the program. */
    private static final String SCRIPT_JAVA_OPTS = "java.opts";

    private final Map<String, String> clientProperties;
    private final java.util.Set<String> unknownKeys;

    public LaborPulseConfig(Map<String, String> values) {
        super(DEFINITION, withoutClientKeys(values), false);
        this.clientProperties = clientKeys(values);
        java.util.Set<String> unknown = new java.util.TreeSet<>(withoutClientKeys(values).keySet());
        unknown.removeAll(DEFINITION.names());
        unknown.remove(SCRIPT_JAVA_OPTS);
        this.unknownKeys = java.util.Collections.unmodifiableSet(unknown);
    }

    /** Settings given that no definition knows: most often a typo, worth a warning. */
    public java.util.Set<String> unknownKeys() {
        return unknownKeys;
    }

    /** Layers file, environment and flags in rising precedence. */
    public static LaborPulseConfig resolve(
            Map<String, String> file, Map<String, String> environment, Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>(file);
        merged.putAll(fromEnvironment(environment));
        merged.putAll(flags);
        return new LaborPulseConfig(merged);
    }

    /** {@code LABORPULSE_SCHEMA_REGISTRY_URL} becomes {@code schema.registry.url}; other variables are ignored. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value);
            }
        });
        return values;
    }

    public static String describe() {
        return DEFINITION.toRst();
    }

    public boolean embeddedKafka() {
        return getString(BOOTSTRAP_SERVERS_CONFIG).isBlank();
    }

    public boolean embeddedRegistry() {
        return getString(SCHEMA_REGISTRY_URL_CONFIG).isBlank();
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS_CONFIG);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL_CONFIG);
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR_CONFIG)).toAbsolutePath();
    }

    public int kafkaPort() {
        return getInt(KAFKA_PORT_CONFIG);
    }

    public int controllerPort() {
        return getInt(CONTROLLER_PORT_CONFIG);
    }

    public int registryPort() {
        return getInt(REGISTRY_PORT_CONFIG);
    }

    public String httpHost() {
        return getString(HTTP_HOST_CONFIG);
    }

    public int httpPort() {
        return getInt(HTTP_PORT_CONFIG);
    }

    public String applicationId() {
        return getString(APPLICATION_ID_CONFIG);
    }

    public short replicationFactor() {
        return getShort(REPLICATION_FACTOR_CONFIG);
    }

    public boolean sampleFeed() {
        return getBoolean(SAMPLE_FEED_CONFIG);
    }

    public Duration summaryInterval() {
        return Duration.ofMillis(getLong(SUMMARY_INTERVAL_CONFIG));
    }

    /** The spike detector with the configured thresholds. */
    public SeasonalPoissonModel spikeModel() {
        return new SeasonalPoissonModel(getDouble(SPIKE_THRESHOLD_CONFIG), getLong(SPIKE_MIN_COUNT_CONFIG),
                Duration.ofHours(getLong(SPIKE_WARMUP_CONFIG)));
    }

    public boolean webhookEnabled() {
        return getBoolean(WEBHOOK_ENABLED_CONFIG);
    }

    /** The webhook's limits and token. */
    public WebhookSettings webhook() {
        WebhookSettings defaults = WebhookSettings.defaults(getPassword(WEBHOOK_TOKEN_CONFIG).value());
        return new WebhookSettings(getInt(WEBHOOK_MAX_BODY_CONFIG), defaults.maxItems(), defaults.queueCapacity(),
                defaults.ackTimeout(), defaults.bearerToken());
    }

    /** The feeds file, or empty when no feeds are configured. */
    public java.util.Optional<Path> feedsFile() {
        return optionalPath(FEEDS_FILE_CONFIG);
    }

    /** The structured event file or folder to publish at start, or empty. */
    public java.util.Optional<Path> eventsPath() {
        return optionalPath(EVENTS_PATH_CONFIG);
    }

    /** The column mapping for {@link #eventsPath()}, or empty for canonical columns. */
    public java.util.Optional<Path> eventsMapping() {
        return optionalPath(EVENTS_MAPPING_CONFIG);
    }

    private java.util.Optional<Path> optionalPath(String key) {
        String value = getString(key);
        return value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(value.strip()));
    }

    public Duration grace() {
        return Duration.ofMillis(getLong(GRACE_CONFIG));
    }

    /** Kafka client properties to pass through unchanged (security and other overrides). */
    public Map<String, String> clientProperties() {
        return clientProperties;
    }

    private static Map<String, String> withoutClientKeys(Map<String, String> values) {
        Map<String, String> own = new HashMap<>(values);
        own.keySet().removeIf(key -> key.startsWith(CLIENT_PREFIX));
        return own;
    }

    private static Map<String, String> clientKeys(Map<String, String> values) {
        Map<String, String> client = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(CLIENT_PREFIX)) {
                client.put(key.substring(CLIENT_PREFIX.length()), value);
            }
        });
        return Map.copyOf(client);
    }
}
