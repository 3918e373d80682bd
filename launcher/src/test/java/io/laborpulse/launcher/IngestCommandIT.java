package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.laborpulse.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code laborpulse ingest} as a user runs it against a cluster it did not start: the broker and
 * registry of a standalone process (topology off the hot path), each subcommand once, and
 * each run a second time to show it sends nothing twice.
 */
@Tag("integration")
@Timeout(180)
class IngestCommandIT {

    @TempDir
    Path dir;

    @Test
    void shouldPublishEachSourceOnceAcrossRuns() throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put(LaborPulseConfig.DATA_DIR_CONFIG, dir.resolve("data").toString());
        values.put(LaborPulseConfig.KAFKA_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.CONTROLLER_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.REGISTRY_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.HTTP_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.SUMMARY_INTERVAL_CONFIG, "0");
        values.put(LaborPulseConfig.SAMPLE_FEED_CONFIG, "false");
        byte[] atom = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<id>urn:x</id><updated>2025-12-01T06:30:00Z</updated><entry><title>讨薪</title><link href=\"http://x.example/1\"/>"
                + "<id>urn:1</id><updated>2025-12-01T06:00:00Z</updated><summary>陇南市120名农民工讨回工资。</summary></entry></feed>")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/atom", exchange -> {
            exchange.sendResponseHeaders(200, atom.length);
            exchange.getResponseBody().write(atom);
            exchange.close();
        });
        feedServer.start();
        try (Standalone cluster = Standalone.start(new LaborPulseConfig(values), System.out)) {
            String[] target = {"--bootstrap-servers", cluster.bootstrapServers(), "--schema-registry", cluster.schemaRegistryUrl()};
            Path articles = Files.writeString(dir.resolve("articles.jsonl"),
                    "{\"id\":\"cli-1\",\"text\":\"Workers struck in Gazipur.\"}\n{\"id\":\"cli-2\",\"text\":\"  \"}\n");
            Path events = Files.writeString(dir.resolve("events.jsonl"),
                    "{\"id\":\"e-1\",\"type\":\"strike\",\"country\":\"BD\",\"place\":\"Gazipur\",\"date\":\"2025-12-01\"}\n");
            Path feeds = Files.writeString(dir.resolve("feeds.json"), "{\"feeds\":[{\"name\":\"cli-feed\",\"url\":\"http://127.0.0.1:"
                    + feedServer.getAddress().getPort() + "/atom\",\"lang\":\"zh\"}]}");

            for (int run = 1; run <= 2; run++) {
                Result replay = run("ingest", "replay", articles.toString(), target[0], target[1], target[2], target[3]);
                Result published = run("ingest", "events", events.toString(), target[0], target[1], target[2], target[3]);
                Result polled = run("ingest", "feeds", "--feeds", feeds.toString(), "--once", target[0], target[1], target[2], target[3]);
                if (run == 1) {
                    assertThat(replay.exitCode()).as("a dead letter is reported in the exit code").isEqualTo(2);
                    assertThat(replay.out()).contains("2 lines read: 1 articles sent, 0 already sent before, 1 dead-lettered");
                    assertThat(published.out()).contains("1 events sent");
                    assertThat(polled.out()).contains("cli-feed", "OK", "1 items", "1 new");
                } else {
                    assertThat(replay.out()).contains("0 articles sent, 2 already sent before");
                    assertThat(published.out()).contains("0 events sent, 1 already sent before");
                    assertThat(polled.out()).contains("0 new");
                }
                assertThat(published.exitCode()).isZero();
                assertThat(polled.exitCode()).isZero();
            }
            assertThat(keys(cluster, Topics.ARTICLES.name())).containsExactlyInAnyOrder("cli-1", idOf("http://x.example/1"));
            assertThat(keys(cluster, Topics.REPORTED_EVENTS.name())).containsExactly("e-1");
        } finally {
            feedServer.stop(0);
        }
    }

    @Test
    void shouldRefuseToRunWithoutNamingTheCluster() {
        Result result = run("ingest", "replay", dir.resolve("none.jsonl").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--bootstrap-servers");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine command = new CommandLine(new Main());
            command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            command.setExecutionExceptionHandler((failure, line, parsed) -> {
                line.getErr().println("Error: " + failure.getMessage());
                return 1;
            });
            int code = command.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
        }
    }

    private static String idOf(String url) {
        return io.laborpulse.ingest.ArticleIds.idFor(url, null, null);
    }

    private static List<String> keys(Standalone cluster, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            java.util.ArrayList<String> keys = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
            }
            return keys;
        }
    }
}
