package io.laborpulse.launcher;

import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.JsonLinesReplay;
import io.laborpulse.ingest.events.EventFileMapping;
import io.laborpulse.ingest.events.EventFileReader;
import io.laborpulse.ingest.feeds.FeedPoller;
import io.laborpulse.ingest.feeds.FeedSpec;
import io.laborpulse.ingest.feeds.FeedStatusHandler;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.registry.HttpSchemaRegistryClient;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.laborpulse.topology.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code laborpulse ingest feeds|events|replay}: each ingest source on its own, against any
 * Kafka cluster and schema registry. The same sources run inside {@code standalone} through
 * its configuration.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Publish articles or reported events from one source to a Kafka cluster.",
        description = {
            "Each subcommand publishes exactly once across restarts: what is sent is remembered in the compacted "
                    + "topic labor.ingest-ledger.v1, in the same transaction as the record itself.",
            ""
        },
        subcommands = {IngestCommand.Feeds.class, IngestCommand.Events.class, IngestCommand.Replay.class})
final class IngestCommand {

    /** Where to publish: the cluster, its registry and pass-through client settings. */
    static final class Cluster {
        @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings, as for standalone.")
        Path configFile;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
                description = "Kafka cluster to publish to (or LABORPULSE_BOOTSTRAP_SERVERS). Required.")
        String bootstrapServers;

        @Option(names = "--schema-registry", paramLabel = "URL",
                description = "Confluent-compatible schema registry (or LABORPULSE_SCHEMA_REGISTRY_URL). Required.")
        String schemaRegistry;

        @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
                description = "Kafka client property passed through unchanged, e.g. security.protocol=SASL_SSL. Repeatable.")
        Map<String, String> kafkaProperties = new HashMap<>();

        private LaborPulseConfig config;

        LaborPulseConfig config() throws Exception {
            if (config == null) {
                Map<String, String> flags = new HashMap<>();
                if (bootstrapServers != null) {
                    flags.put(LaborPulseConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                }
                if (schemaRegistry != null) {
                    flags.put(LaborPulseConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistry);
                }
                kafkaProperties.forEach((key, value) -> flags.put(LaborPulseConfig.CLIENT_PREFIX + key, value));
                config = LaborPulseConfig.resolve(StandaloneCommand.readFile(configFile), System.getenv(), flags);
                if (config.embeddedKafka()) {
                    throw new IllegalArgumentException("Name the Kafka cluster to publish to: --bootstrap-servers HOST:PORT "
                            + "(or LABORPULSE_BOOTSTRAP_SERVERS); 'laborpulse standalone' runs an embedded one.");
                }
                if (config.embeddedRegistry()) {
                    throw new IllegalArgumentException("Name the schema registry: --schema-registry URL "
                            + "(or LABORPULSE_SCHEMA_REGISTRY_URL).");
                }
            }
            return config;
        }

        <T extends org.apache.avro.specific.SpecificRecord> IngestPublisher<T> publisher(IngestFormat<T> format, String instance,
                PrometheusMeterRegistry metrics) throws Exception {
            LaborPulseConfig settings = config();
            SchemaRegistryClient registry = new HttpSchemaRegistryClient(settings.schemaRegistryUrl());
            return IngestPublisher.connect(format, instance, settings.bootstrapServers(), settings.clientProperties(), registry, metrics);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            header = "Replay JSON-lines articles from a file or a folder of *.jsonl files.",
            description = {"Each line: {\"text\", \"id\"?, \"source\"?, \"url\"?, \"title\"?, \"lang\"?, \"country\"?, "
                    + "\"published\"?}. Progress lines (records, rate, ETA) are logged every 5 s.", ""})
    static final class Replay implements Callable<Integer> {
        @Mixin
        Cluster cluster;

        @Parameters(paramLabel = "FILE|DIR", description = "A .jsonl file, or a folder whose *.jsonl files are replayed in name order.")
        Path input;

        @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "0",
                description = "0 (default): as fast as the broker takes them; N: keep the spacing of 'published' times, N times faster.")
        double speed;

        @Option(names = "--instance", paramLabel = "NAME", defaultValue = "replay",
                description = "Stable name of this ingest instance (its transactional id); runs at the same time need different ones.")
        String instance;

        @Override
        public Integer call() throws Exception {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (IngestPublisher<Article> publisher = cluster.publisher(IngestFormat.ARTICLES, instance, metrics)) {
                IngestPublisher.Summary summary = new JsonLinesReplay(publisher, Clock.systemUTC(), speed,
                        JsonLinesReplay.Sleeper.SYSTEM).replay(input);
                report(summary, "articles");
                return summary.deadLettered() > 0 ? 2 : 0;
            }
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            header = "Publish structured events (CSV or JSON lines) to labor.reported-events.v1.",
            description = {"Columns are mapped to the fields id, source, type, country, region, place, date, participants, "
                    + "description and url by a --mapping file; without one, columns are named after the fields and dates are ISO-8601.",
                    "Rows that cannot be read go to labor.deadletter.v1 with the file, line and field named.", ""})
    static final class Events implements Callable<Integer> {
        @Mixin
        Cluster cluster;

        @Parameters(paramLabel = "FILE|DIR", description = "A .csv or .jsonl file, or a folder of them (read in name order).")
        Path input;

        @Option(names = "--mapping", paramLabel = "FILE", description = "JSON column mapping: source, delimiter, dateFormat, columns.")
        Path mapping;

        @Option(names = "--instance", paramLabel = "NAME", defaultValue = "events",
                description = "Stable name of this ingest instance (its transactional id).")
        String instance;

        @Override
        public Integer call() throws Exception {
            EventFileMapping columns = mapping == null ? EventFileMapping.identity(instance) : EventFileMapping.load(mapping, instance);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (IngestPublisher<ReportedEvent> publisher = cluster.publisher(IngestFormat.REPORTED_EVENTS, instance, metrics)) {
                IngestPublisher.Summary summary = EventFileReader.publishAll(input, columns,
                        new JsonLinesReplay(publisher, Clock.systemUTC()));
                report(summary, "events");
                return summary.deadLettered() > 0 ? 2 : 0;
            }
        }
    }

    @Command(name = "feeds", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            header = "Poll RSS and Atom feeds and publish their new items, until Ctrl-C.",
            description = {"The feeds file: {\"feeds\": [{\"name\", \"url\", \"lang\"?, \"country\"?, \"pollInterval\"? "
                    + "(ISO-8601, default PT15M)}]}.", ""})
    static final class Feeds implements Callable<Integer> {
        @Mixin
        Cluster cluster;

        @Option(names = "--feeds", paramLabel = "FILE", required = true, description = "The feeds file (JSON).")
        Path feedsFile;

        @Option(names = "--once", description = "Poll every feed once, print their status and exit.")
        boolean once;

        @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "-1",
                description = "Serve /metrics and /api/v1/feeds on this port while polling (default: off).")
        int httpPort;

        @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address for --http-port.")
        String httpHost;

        @Option(names = "--instance", paramLabel = "NAME", defaultValue = "feeds",
                description = "Stable name of this ingest instance (its transactional id).")
        String instance;

        @Override
        public Integer call() throws Exception {
            List<FeedSpec> specs = FeedSpec.load(feedsFile);
            cluster.config(); // refuse a missing cluster before polling anything
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            FeedPoller poller = new FeedPoller(specs, () -> {
                try {
                    return cluster.publisher(IngestFormat.ARTICLES, instance, metrics);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, FeedPoller.defaultHttpClient(), Clock.systemUTC(), metrics);
            if (once) {
                try (poller) {
                    List<FeedPoller.FeedStatus> statuses = poller.pollAll();
                    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                    statuses.forEach(s -> out.printf(Locale.ROOT, "%-24s %-13s %4d items %4d new  %s%n", s.name(), s.lastResult(),
                            s.items(), s.newItems(), s.lastError() == null ? "" : s.lastError()));
                    return statuses.stream().anyMatch(s -> s.lastResult() == FeedPoller.Result.ERROR) ? 2 : 0;
                }
            }
            OpsServer ops = null;
            if (httpPort >= 0) {
                ops = new OpsServer(httpHost, httpPort, metrics, () -> new OpsServer.Health(true, true, "POLLING"));
                ops.route(FeedStatusHandler.PATH, new FeedStatusHandler(poller));
                ops.start();
                System.out.println("Feed status on http://" + httpHost + ":" + ops.port() + FeedStatusHandler.PATH);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            OpsServer server = ops;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                poller.close();
                if (server != null) {
                    server.close();
                }
                stopped.countDown();
            }, "laborpulse-ingest-shutdown"));
            poller.start();
            stopped.await();
            return 0;
        }
    }

    private static void report(IngestPublisher.Summary summary, String what) {
        System.out.printf(Locale.ROOT, "%d lines read: %d %s sent, %d already sent before, %d dead-lettered%n",
                summary.read(), summary.sent(), what, summary.skipped(), summary.deadLettered());
    }
}
