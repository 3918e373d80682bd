package io.laborpulse.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code laborpulse standalone}: the whole pipeline in one process, until Ctrl-C. */
@Command(
        name = "standalone",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        header = "Run the whole pipeline on this machine until Ctrl-C.",
        description = {
            "Starts, in this process: an embedded Kafka broker (unless --bootstrap-servers is given), an embedded "
                    + "schema registry (unless --schema-registry is given), the Kafka Streams topology, the ingest "
                    + "replaying the bundled sample feed, the HTTP server with /health and /metrics, and a live summary.",
            "Stop it with Ctrl-C; a restart continues from the data folder without counting anything twice.",
            "Every option can also be set in the --config file (key=value) or as an environment variable: the key "
                    + "upper-cased, '.' as '_', prefixed LABORPULSE_ (e.g. LABORPULSE_BOOTSTRAP_SERVERS). Flags win "
                    + "over the environment, which wins over the file.",
            ""
        })
final class StandaloneCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (keys as listed below).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Use this Kafka cluster instead of the embedded broker. Key: bootstrap.servers.")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL",
            description = "Use this Confluent-compatible schema registry instead of the embedded one. Key: schema.registry.url.")
    String schemaRegistry;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Broker data, Streams state and logs (default: ./data). Key: data.dir.")
    String dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP server port (default: 8080). Key: http.port.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS",
            description = "Address the HTTP server and embedded registry bind to (default: 127.0.0.1). Key: http.host.")
    String httpHost;

    @Option(names = "--kafka-port", paramLabel = "PORT",
            description = "Embedded broker client port (default: 9092). Key: embedded.kafka.port.")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT",
            description = "Embedded broker KRaft controller port (default: 9093). Key: embedded.controller.port.")
    Integer controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT",
            description = "Embedded schema registry port (default: 8081). Key: embedded.registry.port.")
    Integer registryPort;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application id (default: laborpulse-topology). Key: application.id.")
    String applicationId;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of created topics; -1 = broker default. Key: replication.factor.")
    Short replicationFactor;

    @Option(names = "--no-sample-feed", negatable = false,
            description = "Do not replay the bundled sample feed. Key: sample.feed=false.")
    boolean noSampleFeed;

    @Option(names = "--summary-interval", paramLabel = "MILLIS",
            description = "Refresh of the terminal summary in ms, 0 = off (default: 5000). Key: summary.interval.ms.")
    Long summaryInterval;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "Kafka client property passed through unchanged, e.g. security.protocol=SASL_SSL. "
                    + "Repeatable. Key: kafka.<key>.")
    Map<String, String> kafkaProperties = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        LaborPulseConfig config = LaborPulseConfig.resolve(readFile(configFile), System.getenv(), flags());
        if (!config.unknownKeys().isEmpty()) {
            System.err.println("Warning: ignoring unknown setting(s) " + config.unknownKeys()
                    + "; see 'laborpulse standalone --help' for the known keys.");
        }
        Files.createDirectories(config.dataDir());
        Logging.toFile(config.dataDir().resolve("logs"));

        CountDownLatch stopped = new CountDownLatch(1);
        Standalone standalone = Standalone.start(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(System.lineSeparator() + "Stopping Labor Pulse…");
            standalone.close();
            stopped.countDown();
        }, "laborpulse-shutdown"));
        stopped.await();
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        putIfSet(flags, LaborPulseConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        putIfSet(flags, LaborPulseConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistry);
        putIfSet(flags, LaborPulseConfig.DATA_DIR_CONFIG, dataDir);
        putIfSet(flags, LaborPulseConfig.HTTP_PORT_CONFIG, httpPort);
        putIfSet(flags, LaborPulseConfig.HTTP_HOST_CONFIG, httpHost);
        putIfSet(flags, LaborPulseConfig.KAFKA_PORT_CONFIG, kafkaPort);
        putIfSet(flags, LaborPulseConfig.CONTROLLER_PORT_CONFIG, controllerPort);
        putIfSet(flags, LaborPulseConfig.REGISTRY_PORT_CONFIG, registryPort);
        putIfSet(flags, LaborPulseConfig.APPLICATION_ID_CONFIG, applicationId);
        putIfSet(flags, LaborPulseConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        putIfSet(flags, LaborPulseConfig.SUMMARY_INTERVAL_CONFIG, summaryInterval);
        if (noSampleFeed) {
            flags.put(LaborPulseConfig.SAMPLE_FEED_CONFIG, "false");
        }
        kafkaProperties.forEach((key, value) -> flags.put(LaborPulseConfig.CLIENT_PREFIX + key, value));
        return flags;
    }

    private static void putIfSet(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }

    static Map<String, String> readFile(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        props.forEach((key, value) -> values.put(key.toString(), value.toString()));
        return values;
    }
}
