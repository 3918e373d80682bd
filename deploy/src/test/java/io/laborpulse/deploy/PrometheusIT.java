package io.laborpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scraping a real standalone run of the distribution, with
 * the project's rules: every recording rule and every dashboard panel's query returns data. Four
 * weeks of event history are backfilled into Prometheus' store first (with promtool), so the
 * seasonal baseline has past weeks to read.
 */
@Timeout(420)
class PrometheusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAUNCHER = Promtool.DEPLOY.resolveSibling("launcher").resolve("target").resolve("laborpulse.jar");
    private static final Pattern RECORD = Pattern.compile("- record: (\\S+)");
    /** Dashboard variables and Grafana's interval macros, as a user with "All" selected would see them. */
    private static final Map<String, String> MACROS = Map.of(
            "${country:regex}", ".*", "$country", ".*", "$region", ".*", "$type", ".*",
            "$__rate_interval", "1m", "$__range", "1h", "$__interval", "1m");

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();
    private HttpServer feedServer;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (feedServer != null) {
            feedServer.stop(0);
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy(); // SIGTERM: both stop cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void shouldReturnDataForEveryRecordingRuleAndDashboardPanel() throws Exception {
        int httpPort = freePort();
        int kafkaPort = freePort();
        startStandalone(httpPort, kafkaPort);
        feedBadAndGoodRecords(httpPort, kafkaPort);
        int prometheusPort = freePort();
        startPrometheus(httpPort, prometheusPort);

        List<String> queries = new ArrayList<>(recordingRules());
        queries.addAll(dashboardQueries());
        assertThat(queries).hasSizeGreaterThan(20);
        Map<String, Boolean> answered = new LinkedHashMap<>();
        queries.forEach(q -> answered.put(q, false));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String query : queries) {
                if (!answered.get(query)) {
                    answered.put(query, hasData(prometheusPort, query));
                }
            }
            assertThat(answered.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList())
                    .as("queries without data").isEmpty();
        });
    }

    private void startStandalone(int httpPort, int kafkaPort) throws Exception {
        assertThat(LAUNCHER).as("the distribution, built by the launcher module").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.laborpulse.schemas.avro", "-Xmx1g",
                "-jar", LAUNCHER.toString(), "standalone",
                "--data-dir=" + work.resolve("data"), "--http-port=" + httpPort, "--kafka-port=" + kafkaPort,
                "--controller-port=" + freePort(), "--registry-port=" + freePort(), "--summary-interval=0")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("standalone.log").toFile());
        // Windows close an hour after their end, so a short run has closed windows to report.
        builder.environment().put("LABORPULSE_ACTIVITY_GRACE_MS", Long.toString(Duration.ofHours(1).toMillis()));
        builder.environment().put("LABORPULSE_FEEDS_FILE", feedsFile().toString());
        processes.add(builder.start());
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().untilAsserted(() ->
                assertThat(get(URI.create("http://127.0.0.1:" + httpPort + "/health")).statusCode()).isEqualTo(200));
    }

    /** One RSS feed on a local server, polled every 30 s, so the feed-health panels have data. */
    private Path feedsFile() throws IOException {
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>http://127.0.0.1/</link><description>d</description><item><title>تجمع کارگران در اراک</title>"
                + "<link>/1</link><description>کارگران یک کارخانه در اراک تجمع کردند.</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/rss.xml", exchange -> {
            exchange.sendResponseHeaders(200, rss.length);
            exchange.getResponseBody().write(rss);
            exchange.close();
        });
        feedServer.start();
        return Files.writeString(work.resolve("feeds.json"), "{\"feeds\": [{\"name\": \"prometheus-it\", \"url\": \"http://127.0.0.1:"
                + feedServer.getAddress().getPort() + "/rss.xml\", \"lang\": \"fa\", \"pollInterval\": \"PT30S\"}]}");
    }

    /** A record the topology must dead-letter, and an article through the webhook. */
    private void feedBadAndGoodRecords(int httpPort, int kafkaPort) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("labor.articles.v1", "poison".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        String article = "{\"id\":\"prometheus-it\",\"source\":\"it\",\"text\":\"کارگران یک کارخانه در اراک مقابل فرمانداری تجمع کردند.\"}";
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/articles"))
                .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private void startPrometheus(int target, int port) throws Exception {
        Path tsdb = work.resolve("tsdb");
        Files.createDirectories(tsdb);
        Path history = work.resolve("history.om");
        Files.writeString(history, eventHistory(Instant.now()), StandardCharsets.UTF_8);
        Promtool.Result backfill = Promtool.run("tsdb", "create-blocks-from", "openmetrics", history.toString(), tsdb.toString());
        assertThat(backfill.exitCode()).as(backfill.output()).isZero();

        Path rules = work.resolve("rules");
        Files.createDirectories(rules);
        List<String> ruleFiles = new ArrayList<>();
        for (Path file : PrometheusRulesTest.ruleFiles()) {
            // Same rules, evaluated every 2 s instead of every 30 s or minute, to keep the test short.
            String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^(\\s+)interval: \\S+$", "$1interval: 2s");
            Path copy = rules.resolve(file.getFileName());
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            ruleFiles.add("  - " + copy);
        }
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:", "  scrape_interval: 2s", "  evaluation_interval: 2s",
                "rule_files:", String.join("\n", ruleFiles),
                "scrape_configs:", "  - job_name: laborpulse", "    static_configs:",
                "      - targets: [\"127.0.0.1:" + target + "\"]", ""), StandardCharsets.UTF_8);
        Process prometheus = new ProcessBuilder(Promtool.binary("prometheus").toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + tsdb, "--storage.tsdb.retention.time=90d",
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        processes.add(prometheus);
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().untilAsserted(() ->
                assertThat(get(URI.create("http://127.0.0.1:" + port + "/-/ready")).statusCode()).isEqualTo(200));
    }

    /**
     * Four weeks and a day of a steady six events an hour for one region, in OpenMetrics, ending
     * an hour ago: history the live process could not have.
     */
    static String eventHistory(Instant now) {
        StringBuilder out = new StringBuilder("# HELP laborpulse_events Labour events extracted, by region key and event type\n"
                + "# TYPE laborpulse_events counter\n");
        long end = now.minus(Duration.ofHours(1)).getEpochSecond();
        long start = end - Duration.ofDays(29).toSeconds();
        long count = 0;
        for (long t = start; t <= end; t += 600) {
            out.append("laborpulse_events_total{job=\"laborpulse\",instance=\"history\",region=\"IR-10\",type=\"PROTEST\"} ")
                    .append(count++).append(' ').append(t).append('\n');
        }
        return out.append("# EOF\n").toString();
    }

    private static List<String> recordingRules() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path file : PrometheusRulesTest.ruleFiles()) {
            Matcher m = RECORD.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Every panel query of every dashboard, with variables and macros filled in. */
    private static List<String> dashboardQueries() throws IOException {
        TreeSet<String> queries = new TreeSet<>();
        Path dashboards = Promtool.DEPLOY.resolve("grafana").resolve("dashboards");
        try (var files = Files.list(dashboards)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : JSON.readTree(file.toFile()).get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        String expr = target.get("expr").asText();
                        for (Map.Entry<String, String> macro : MACROS.entrySet()) {
                            expr = expr.replace(macro.getKey(), macro.getValue());
                        }
                        queries.add(expr);
                    }
                }
            }
        }
        return new ArrayList<>(queries);
    }

    private boolean hasData(int port, String query) throws Exception {
        HttpResponse<String> response = get(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + query + ": " + response.body());
        }
        return body.path("data").path("result").size() > 0;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
