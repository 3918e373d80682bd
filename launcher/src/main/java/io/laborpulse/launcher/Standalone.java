package io.laborpulse.launcher;

import io.laborpulse.extract.LaborExtractor;
import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.feeds.FeedPoller;
import io.laborpulse.ingest.feeds.FeedSpec;
import io.laborpulse.ingest.feeds.FeedStatusHandler;
import io.laborpulse.ingest.webhook.IngestWebhook;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.registry.HttpSchemaRegistryClient;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerde;
import io.laborpulse.topology.ArticleEnricher;
import io.laborpulse.topology.EventDedup;
import io.laborpulse.topology.LaborTopics;
import io.laborpulse.topology.LaborTopology;
import io.laborpulse.topology.OpsServer;
import io.laborpulse.topology.PipelineMetrics;
import io.laborpulse.topology.ReportedEventNormalizer;
import io.laborpulse.topology.StreamsSettings;
import io.laborpulse.topology.TopologySettings;
import io.laborpulse.topology.errors.DeadLetterMetrics;
import io.laborpulse.topology.query.QueryApi;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: broker and registry (embedded unless an existing
 * cluster is named), the topology, the ingest of the sample feed, the HTTP server and the
 * live summary. Parts start in dependency order and close in reverse.
 */
public final class Standalone implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Standalone.class);
    private static final String LOCALHOST = "localhost";

    private final Deque<Part> parts = new ArrayDeque<>();
    private String bootstrapServers;
    private String registryUrl;
    private KafkaStreams streams;
    private OpsServer ops;
    private LiveSummary summary;
    private CompletableFuture<IngestPublisher.Summary> sampleFeed = CompletableFuture.completedFuture(null);
    private CompletableFuture<IngestPublisher.Summary> eventFiles = CompletableFuture.completedFuture(null);
    private Map<String, String> clientProperties = Map.of();
    private String applicationId;

    /** A started part and how to stop it. */
    private record Part(String name, AutoCloseable closer) {
    }

    private Standalone() {
    }

    public static Standalone start(LaborPulseConfig config, PrintStream terminal) throws Exception {
        Standalone standalone = new Standalone();
        try {
            standalone.startParts(config, terminal);
            return standalone;
        } catch (Exception | Error e) {
            standalone.close();
            throw e;
        }
    }

    private void startParts(LaborPulseConfig config, PrintStream terminal) throws Exception {
        Path dataDir = config.dataDir();
        Map<String, String> client = config.clientProperties();
        clientProperties = client;
        applicationId = config.applicationId();
        short replication = config.replicationFactor();

        if (config.embeddedKafka()) {
            EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), LOCALHOST,
                    portOrFree(config.kafkaPort()), portOrFree(config.controllerPort()));
            add("embedded Kafka broker", kafka);
            bootstrapServers = kafka.bootstrapServers();
            replication = 1;
        } else {
            bootstrapServers = config.bootstrapServers();
        }

        try (Admin admin = Admin.create(adminProperties(client))) {
            TopicBootstrap.ensure(admin, Topics.ALL, replication);
        }

        if (config.embeddedRegistry()) {
            registryUrl = EmbeddedRegistry.start(this, bootstrapServers, client, replication,
                    config.httpHost(), config.registryPort());
        } else {
            registryUrl = config.schemaRegistryUrl();
        }
        SchemaRegistryClient registry = new HttpSchemaRegistryClient(registryUrl);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        add("metrics registry", metrics::close);

        // Bound before Kafka Streams starts: its address is what other instances forward queries to.
        ops = new OpsServer(config.httpHost(), config.httpPort(), metrics, this::health);
        add("HTTP server", ops);
        HostInfo self = new HostInfo(advertised(config.httpHost()), ops.port());

        LaborTopics topics = LaborTopics.create(registry);
        TopologySettings settings = TopologySettings.withGrace(config.grace());
        Map<String, String> streamsClient = new HashMap<>(client);
        streamsClient.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        Properties streamsProps = StreamsSettings.streamsProperties(config.applicationId(), bootstrapServers,
                dataDir.resolve("streams"), Topics.DEAD_LETTERS.name(), replication, streamsClient, new DeadLetterMetrics(metrics));
        LaborExtractor engine = LaborExtractor.loadDefault();
        streams = new KafkaStreams(
                LaborTopology.build(topics, new ArticleEnricher(engine, settings.maxTextChars()),
                        new ReportedEventNormalizer(engine), EventDedup.Settings.defaults(), config.spikeModel(), settings,
                        new PipelineMetrics(metrics)),
                streamsProps);
        streams.setUncaughtExceptionHandler(failure -> {
            log.error("The topology stopped on an unexpected error; see the log for details", failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        add("Kafka Streams metrics", streamsMetrics);
        streams.start();
        add("Kafka Streams topology", () -> streams.close(Duration.ofSeconds(30)));

        new QueryApi(streams, self).mount(ops);
        if (config.webhookEnabled()) {
            for (IngestWebhook<?> webhook : List.of(
                    IngestWebhook.articles(() -> IngestPublisher.connect(IngestFormat.ARTICLES, "webhook",
                            bootstrapServers, client, registry, metrics), config.webhook(), Clock.systemUTC(), metrics),
                    IngestWebhook.reportedEvents(() -> IngestPublisher.connect(IngestFormat.REPORTED_EVENTS, "webhook-events",
                            bootstrapServers, client, registry, metrics), config.webhook(), Clock.systemUTC(), metrics))) {
                add("webhook " + webhook.path(), webhook);
                ops.route(webhook.path(), webhook);
            }
        }
        BackgroundIngest.Target ingestTarget = new BackgroundIngest.Target(bootstrapServers, client, registry, metrics);
        if (config.feedsFile().isPresent()) {
            FeedPoller poller = new FeedPoller(FeedSpec.load(config.feedsFile().get()),
                    () -> IngestPublisher.connect(IngestFormat.ARTICLES, "feeds", bootstrapServers, client, registry, metrics),
                    FeedPoller.defaultHttpClient(), Clock.systemUTC(), metrics);
            add("feed poller", poller);
            ops.route(FeedStatusHandler.PATH, new FeedStatusHandler(poller));
            poller.start();
        }
        ops.start();
        if (config.eventsPath().isPresent()) {
            eventFiles = BackgroundIngest.eventFiles(this, config.eventsPath().get(), config.eventsMapping(), ingestTarget);
        }

        if (config.sampleFeed()) {
            sampleFeed = BackgroundIngest.sampleFeed(this, ingestTarget);
        }

        summary = new LiveSummary(bootstrapServers, client,
                ConfluentAvroSerde.forValues(registry, LaborEvent.class).deserializer());
        Thread summaryThread = new Thread(summary, "laborpulse-summary");
        summaryThread.setDaemon(true);
        summaryThread.start();
        add("live summary", () -> {
            summary.close();
            summaryThread.join(5_000);
        });

        terminal.println(banner(config));
        if (!config.summaryInterval().isZero()) {
            startRendering(terminal, config.summaryInterval());
        }
    }

    private void startRendering(PrintStream terminal, Duration interval) {
        boolean interactive = System.console() != null;
        ScheduledExecutorService renderer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "laborpulse-summary-render");
            thread.setDaemon(true);
            return thread;
        });
        renderer.scheduleAtFixedRate(() -> {
            String board = summary.board().render(Instant.now(), ZoneId.systemDefault());
            // On a terminal, redraw in place; in a log or a pipe, append one block per refresh.
            terminal.print(interactive ? "\033[H\033[2J" + bannerLine() + board : board + System.lineSeparator());
            terminal.flush();
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        add("summary renderer", renderer::shutdownNow);
    }

    private String banner(LaborPulseConfig config) {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "Labor Pulse is running. Ctrl-C stops it.",
                "  Kafka           " + bootstrapServers + (config.embeddedKafka() ? "  (embedded, data in " + config.dataDir() + ")" : ""),
                "  Schema registry " + registryUrl + (config.embeddedRegistry() ? "  (embedded)" : ""),
                "  Health          " + httpBase() + "/health",
                "  Metrics         " + httpBase() + "/metrics",
                "  Queries         " + httpBase() + "/api/v1/top?granularity=hour"));
        if (config.webhookEnabled()) {
            lines.add("  Webhook         POST " + httpBase() + IngestWebhook.ARTICLES_PATH + " and " + IngestWebhook.REPORTED_EVENTS_PATH);
        }
        config.feedsFile().ifPresent(file -> lines.add("  Feeds           " + file + ", status on " + httpBase() + FeedStatusHandler.PATH));
        lines.add("  Log             " + config.dataDir().resolve("logs").resolve("laborpulse.log"));
        lines.add("");
        return String.join(System.lineSeparator(), lines);
    }

    private String bannerLine() {
        return "Kafka " + bootstrapServers + " · registry " + registryUrl + " · " + httpBase() + "/metrics · Ctrl-C stops"
                + System.lineSeparator();
    }

    private String httpBase() {
        return "http://" + LOCALHOST + ":" + ops.port();
    }

    /** The host other instances reach this one at: the bind address, or this machine's name when bound to all. */
    private static String advertised(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    OpsServer.Health health() {
        return OpsServer.Health.of(streams.state());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return registryUrl;
    }

    public int httpPort() {
        return ops.port();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Whether the sample feed has been replayed (or was not asked for). */
    public boolean sampleFeedDone() {
        return sampleFeed.isDone();
    }

    /** What publishing the configured event files came to, once done. */
    public CompletableFuture<IngestPublisher.Summary> eventFiles() {
        return eventFiles;
    }

    /**
     * Records on the topology's input topics that it has not committed yet: 0 once it has
     * processed everything there is.
     */
    public long topologyLag() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(adminProperties(clientProperties))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : List.of(Topics.ARTICLES.name(), Topics.EVENTS.name())) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    /** Registers a started part so that {@link #close} stops it, in reverse order of start. */
    void add(String name, AutoCloseable closer) {
        parts.push(new Part(name, closer));
    }

    private Properties adminProperties(Map<String, String> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** Port 0 asks for any free port; the broker must advertise a real one, so pick it now. */
    private static int portOrFree(int port) throws IOException {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closer().close();
                log.info("Stopped {}", part.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted while stopping {}", part.name());
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.name(), e.toString());
                log.debug("Stopping {} failed", part.name(), e);
            }
        }
    }
}
