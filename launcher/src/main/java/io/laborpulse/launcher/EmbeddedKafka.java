package io.laborpulse.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) from the official
 * Kafka jars, running in this JVM. Its log directory is formatted once and kept, so topics,
 * offsets and transactions survive a restart.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code logDir} on first use and starts the broker.
     *
     * @param host           host name the broker advertises to clients
     * @param port           client listener port
     * @param controllerPort KRaft controller listener port
     */
    public static EmbeddedKafka start(Path logDir, String host, int port, int controllerPort) {
        Properties props = brokerProperties(logDir, host, port, controllerPort);
        formatOnce(logDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = host + ":" + port;
        log.info("Embedded Kafka broker listening on {} with data in {}", bootstrap, logDir);
        return new EmbeddedKafka(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    static Properties brokerProperties(Path logDir, String host, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // A single broker can hold only one replica of the internal topics; with Kafka's
        // defaults of 3, consumer groups and transactions (exactly-once) would wait forever.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created by the program with their catalogue settings, never by accident.
        props.put("auto.create.topics.enable", "false");
        // Kafka's 128 MiB cleaner buffer would dominate the heap of a laptop demo.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        return props;
    }

    private static void formatOnce(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path config = logDir.resolveSibling(logDir.getFileName() + "-server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "Embedded Labor Pulse broker, written for formatting the log directory");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
                    "--standalone", "--ignore-formatted"};
            int status;
            try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                status = StorageTool.execute(args, print);
            }
            if (status != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
            log.info("Formatted a new Kafka log directory in {}", logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Formatting the Kafka log directory " + logDir + " failed", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker stopped");
    }
}
