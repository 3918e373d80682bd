package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.registry.HttpSchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerde;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone process as a user runs it: a real embedded KRaft broker, the embedded
 * registry, the topology and the sample feed; results read back as any downstream consumer
 * would, through the public serde and a read_committed consumer.
 */
@Tag("integration")
@Timeout(240)
class StandaloneIT {

    /** Events of the bundled sample feed per region key, as its items are written. */
    static final Map<String, Long> SAMPLE_FEED_EVENTS_BY_REGION = SampleFeedExpectations.EVENTS_BY_REGION;

    @TempDir
    Path dataDir;

    @Test
    void shouldCountTheSampleFeedPerRegionAndNotTwiceAfterARestart() throws Exception {
        Map<String, Long> firstRun;
        long eventsAfterFirstRun;
        try (Standalone standalone = Standalone.start(config(), System.out)) {
            assertHealthy(standalone);
            firstRun = awaitActivity(standalone, SAMPLE_FEED_EVENTS_BY_REGION);
            List<LaborEvent> events = readAll(standalone, Topics.EVENTS.name(), LaborEvent.class);
            eventsAfterFirstRun = events.size();
            assertQueryApiAnswersFromLiveState(standalone, events.get(0));
            assertThat(scrape(standalone)).contains("laborpulse_events_total", "kafka_stream");
            assertUnreadableArticleIsDeadLettered(standalone);
        }
        assertThat(firstRun).isEqualTo(SAMPLE_FEED_EVENTS_BY_REGION);
        assertThat(eventsAfterFirstRun).isEqualTo(total(SAMPLE_FEED_EVENTS_BY_REGION));

        try (Standalone restarted = Standalone.start(config(), System.out)) {
            assertHealthy(restarted);
            await().atMost(Duration.ofSeconds(60)).until(() -> restarted.sampleFeedDone());
            awaitTopologyCaughtUp(restarted);
            assertThat(readAll(restarted, Topics.EVENTS.name(), LaborEvent.class)).hasSize((int) eventsAfterFirstRun);
            assertThat(activityTotals(readAll(restarted, Topics.ACTIVITY.name(), RegionActivity.class)))
                    .isEqualTo(SAMPLE_FEED_EVENTS_BY_REGION);
            assertWebhookArticleIsCounted(restarted);
        }
    }

    /**
     * Every configured source in one run: a feed polled from a local server, an event file with
     * a column mapping, and a reported event POSTed to the webhook, each ending as an event in
     * its region; the feed's status is served and its polls are on /metrics.
     */
    @Test
    void shouldIngestConfiguredFeedsEventFilesAndPostedReportedEvents() throws Exception {
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>http://127.0.0.1/</link><description>d</description><item>"
                + "<title>اعتصاب کارگران پتروشیمی در عسلویه</title><link>/news/8</link>"
                + "<pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate>"
                + "<description><![CDATA[<p>کارگران پیمانی پتروشیمی در عسلویه دست از کار کشیدند.</p>]]></description>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/rss.xml", exchange -> {
            exchange.sendResponseHeaders(200, rss.length);
            exchange.getResponseBody().write(rss);
            exchange.close();
        });
        feedServer.start();
        Path feeds = Files.writeString(dataDir.resolve("feeds.json"), "{\"feeds\": [{\"name\": \"it-feed\", \"url\": "
                + "\"http://127.0.0.1:" + feedServer.getAddress().getPort() + "/rss.xml\", \"lang\": \"fa\", \"country\": \"IR\"}]}");
        Path events = Files.writeString(dataDir.resolve("tracker.csv"),
                "Ref;Day;Land;Town;Action;Workers\nT-9;01/12/2025;EG;Mahalla;strike;3000\n");
        Path mapping = Files.writeString(dataDir.resolve("tracker.mapping.json"), "{\"source\": \"tracker\", \"delimiter\": \";\", "
                + "\"dateFormat\": \"dd/MM/yyyy\", \"columns\": {\"id\": \"Ref\", \"date\": \"Day\", \"country\": \"Land\", "
                + "\"place\": \"Town\", \"type\": \"Action\", \"participants\": \"Workers\"}}");
        Map<String, String> values = configValues();
        values.put(LaborPulseConfig.SAMPLE_FEED_CONFIG, "false");
        values.put(LaborPulseConfig.FEEDS_FILE_CONFIG, feeds.toString());
        values.put(LaborPulseConfig.EVENTS_PATH_CONFIG, events.toString());
        values.put(LaborPulseConfig.EVENTS_MAPPING_CONFIG, mapping.toString());
        try (Standalone standalone = Standalone.start(new LaborPulseConfig(values), System.out)) {
            assertHealthy(standalone);
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + standalone.httpPort() + "/api/v1/reported-events"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"f-1\",\"source\":\"form\",\"type\":\"protest\","
                            + "\"country\":\"IR\",\"place\":\"Ahvaz\",\"date\":\"2025-12-01\",\"participants\":120}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<LaborEvent> all = readAll(standalone, Topics.EVENTS.name(), LaborEvent.class);
                assertThat(all).anySatisfy(e -> {
                    assertThat(e.getSources()).containsExactly("it-feed");
                    assertThat(e.getRegion()).isEqualTo("IR-18");
                });
                assertThat(all).anySatisfy(e -> {
                    assertThat(e.getId()).isEqualTo("tracker:T-9");
                    assertThat(e.getRegion()).isEqualTo("EG-GH");
                    assertThat(e.getParticipants()).isEqualTo(3000L);
                });
                assertThat(all).anySatisfy(e -> {
                    assertThat(e.getId()).isEqualTo("form:f-1");
                    assertThat(e.getRegion()).isEqualTo("IR-06");
                });
            });
            assertThat(standalone.eventFiles().get()).isEqualTo(new IngestPublisher.Summary(1, 1, 0, 0));
            assertThat(get(standalone, "/api/v1/feeds").body()).contains("\"name\":\"it-feed\"", "\"lastResult\":\"OK\"",
                    "\"newItems\":1");
            assertThat(scrape(standalone)).contains("laborpulse_feed_polls_total{feed=\"it-feed\",result=\"ok\"} 1.0",
                    "laborpulse_ingest_records_total{outcome=\"sent\",source=\"it-feed\"} 1.0");
        } finally {
            feedServer.stop(0);
        }
    }

    /** An article POSTed to the webhook is accepted once Kafka has it, and read into an event. */
    private static void assertWebhookArticleIsCounted(Standalone standalone) throws Exception {
        String article = "{\"id\":\"webhook-it-1\",\"source\":\"it\",\"title\":\"تجمع کارگران در اراک\","
                + "\"text\":\"کارگران یک کارخانه در اراک مقابل فرمانداری تجمع کردند.\",\"published\":\"2025-12-01T09:00:00Z\"}";
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.httpPort() + "/api/v1/articles"))
                .POST(HttpRequest.BodyPublishers.ofString(article)).build();
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readAll(standalone, Topics.EVENTS.name(), LaborEvent.class))
                .anySatisfy(e -> {
                    assertThat(e.getSourceIds()).containsExactly("webhook-it-1");
                    assertThat(e.getRegion()).isEqualTo("IR-00");
                }));
    }

    /** The REST API reads the same state: the event by id, and its region's day. */
    private static void assertQueryApiAnswersFromLiveState(Standalone standalone, LaborEvent event) throws Exception {
        String id = java.net.URLEncoder.encode(event.getId(), StandardCharsets.UTF_8);
        HttpResponse<String> byId = get(standalone, "/api/v1/events/" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("\"id\":\"" + event.getId() + "\"");
        String region = event.getRegion() != null ? event.getRegion() : event.getCountry();
        Instant day = event.getEventTime();
        HttpResponse<String> activity = get(standalone, "/api/v1/regions/" + region + "/activity?granularity=day&from="
                + day.minus(Duration.ofDays(1)) + "&to=" + day);
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(activity.body()).contains("\"region\":\"" + region + "\"", "\"granularity\":\"DAY\"", "\"total\":");
        assertThat(get(standalone, "/api/v1/top?granularity=hour&limit=0").statusCode()).isEqualTo(400);
    }

    /** Kafka Streams' own dead-letter queue (KIP-1034) keeps the original bytes and names the error. */
    private static void assertUnreadableArticleIsDeadLettered(Standalone standalone) throws Exception {
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, standalone.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), "poison".getBytes(StandardCharsets.UTF_8), garbage)).get();
        }
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dead.clear();
            dead.addAll(readRaw(standalone, Topics.DEAD_LETTERS.name()));
            return !dead.isEmpty();
        });
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertThat(record.value()).isEqualTo(garbage);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(new String(record.headers().lastHeader("__streams.errors.topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.ARTICLES.name());
        assertThat(new String(record.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                .contains("magic byte");
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(Standalone standalone, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, standalone.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }

    private LaborPulseConfig config() {
        return new LaborPulseConfig(configValues());
    }

    private Map<String, String> configValues() {
        Map<String, String> values = new HashMap<>();
        values.put(LaborPulseConfig.DATA_DIR_CONFIG, dataDir.toString());
        values.put(LaborPulseConfig.KAFKA_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.CONTROLLER_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.REGISTRY_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.HTTP_PORT_CONFIG, "0");
        values.put(LaborPulseConfig.SUMMARY_INTERVAL_CONFIG, "0");
        return values;
    }

    private static void assertHealthy(Standalone standalone) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(standalone, "/health").statusCode()).isEqualTo(200));
    }

    private static Map<String, Long> awaitActivity(Standalone standalone, Map<String, Long> expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(activityTotals(readAll(standalone, Topics.ACTIVITY.name(), RegionActivity.class))).isEqualTo(expected));
        return activityTotals(readAll(standalone, Topics.ACTIVITY.name(), RegionActivity.class));
    }

    /** Sums the latest count of every (region, window): what a downstream dashboard would show. */
    static Map<String, Long> activityTotals(List<RegionActivity> updates) {
        Map<String, RegionActivity> latest = new HashMap<>();
        for (RegionActivity update : updates) {
            if (update.getGranularity() != Granularity.HOUR) {
                continue; // each event also updates its day: count the hours only
            }
            latest.put(update.getRegion() + "@" + update.getWindowStart(), update);
        }
        Map<String, Long> totals = new TreeMap<>();
        latest.values().forEach(a -> totals.merge(a.getRegion(), a.getTotal(), Long::sum));
        return totals;
    }

    private static void awaitTopologyCaughtUp(Standalone standalone) {
        await().atMost(Duration.ofSeconds(60)).until(() -> standalone.topologyLag() == 0);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> readAll(
            Standalone standalone, String topic, Class<T> type) {
        Deserializer<T> values = ConfluentAvroSerde.forValues(
                new HttpSchemaRegistryClient(standalone.schemaRegistryUrl()), type).deserializer();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, standalone.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.value());
                }
            }
        }
        return records;
    }

    private static String scrape(Standalone standalone) throws Exception {
        return get(standalone, "/metrics").body();
    }

    private static HttpResponse<String> get(Standalone standalone, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + standalone.httpPort() + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
