package io.laborpulse.ingest;

import static io.laborpulse.ingest.Fixtures.AVRO;
import static io.laborpulse.ingest.Fixtures.NO_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.laborpulse.ingest.feeds.FeedPoller;
import io.laborpulse.ingest.feeds.FeedSpec;
import io.laborpulse.schemas.TopicDefinition;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Restart safety on a real in-process KRaft broker: whatever happens between runs of a replay
 * or of the feed poller, each article is on {@code labor.articles.v1} exactly once for a {@code read_committed} reader.
 *
 * <p>The publisher writes to the catalogue's fixed topic names, so each test gets a broker of
 * its own (about three seconds) rather than topics of its own.
 */
@Tag("integration")
@Timeout(120)
class ReplayRestartIT {

    private static final Map<String, String> NO_CLIENT_SETTINGS = Map.of();

    private KafkaClusterTestKit cluster;
    private String transactionalId;
    private String feed;
    private long feedArticles;

    @BeforeEach
    void startBroker(TestInfo test) throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker cannot hold the default three replicas of the internal topics,
                // and transactions need the transaction state log.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(topic(Topics.ARTICLES), topic(Topics.DEAD_LETTERS), topic(Topics.INGEST_LEDGER)))
                    .all().get();
        }
        transactionalId = IngestProducers.transactionalId(test.getTestMethod().orElseThrow().getName());
        try (InputStream in = JsonLinesReplay.class.getResourceAsStream(JsonLinesReplay.SAMPLE_FEED)) {
            String sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            feedArticles = sample.lines().filter(line -> !line.isBlank()).count();
            feed = sample.strip() + "\n" + NO_TEXT + "\n";
        }
    }

    @AfterEach
    void stopBroker() throws Exception {
        cluster.close();
    }

    @Test
    void shouldHoldEachArticleExactlyOnceAfterAReplayAndARestart() {
        IngestPublisher.Summary first = replayFeed();

        // A restart: new producer, new ledger read back from the topic, same feed.
        IngestPublisher.Summary second = replayFeed();

        assertThat(first).isEqualTo(new IngestPublisher.Summary(feedArticles + 1, feedArticles, 0, 1));
        assertThat(second).isEqualTo(new IngestPublisher.Summary(feedArticles + 1, 0, feedArticles + 1, 0));
        assertEachSampleArticleExactlyOnce();
        assertThat(readCommitted(Topics.DEAD_LETTERS.name())).extracting(r -> utf8(r.value())).containsExactly(NO_TEXT);
    }

    @Test
    void shouldNotRepublishFeedItemsAfterARestartOfThePoller() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] atom;
        try (InputStream in = FeedPoller.class.getResourceAsStream("/io/laborpulse/ingest/feeds/atom-persian.xml")) {
            atom = in.readAllBytes();
        }
        server.createContext("/atom.xml", exchange -> {
            exchange.sendResponseHeaders(200, atom.length); // no validators: every poll gets the whole feed
            exchange.getResponseBody().write(atom);
            exchange.close();
        });
        server.start();
        try {
            FeedSpec spec = new FeedSpec("kargar", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/atom.xml"),
                    "fa", "IR", null);
            long firstRun = pollOnceWithAFreshPoller(spec);

            // A restart: new producer, new ledger read back from the topic, same feed.
            long secondRun = pollOnceWithAFreshPoller(spec);

            assertThat(firstRun).isEqualTo(2);
            assertThat(secondRun).isZero();
            Map<String, Long> perKey = readCommitted(Topics.ARTICLES.name()).stream()
                    .collect(Collectors.groupingBy(r -> utf8(r.key()), Collectors.counting()));
            assertThat(perKey).hasSize(2).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        } finally {
            server.stop(0);
        }
    }

    private long pollOnceWithAFreshPoller(FeedSpec spec) {
        String bootstrap = cluster.bootstrapServers();
        try (FeedPoller poller = new FeedPoller(List.of(spec), () -> new IngestPublisher<>(IngestFormat.ARTICLES,
                new KafkaProducer<>(IngestProducers.transactional(bootstrap, transactionalId, NO_CLIENT_SETTINGS),
                        new ByteArraySerializer(), new ByteArraySerializer()),
                AVRO, IngestLedger.load(bootstrap, NO_CLIENT_SETTINGS), Clock.systemUTC(), new SimpleMeterRegistry()),
                FeedPoller.defaultHttpClient(), Clock.systemUTC(), new SimpleMeterRegistry())) {
            FeedPoller.FeedStatus status = poller.poll(spec.name());
            assertThat(status.lastResult()).as(String.valueOf(status.lastError())).isEqualTo(FeedPoller.Result.OK);
            return status.newItems();
        }
    }

    @Test
    void shouldSendAgainWhatACrashedInstanceLeftUncommitted() {
        Map<String, Article> sample = sampleArticles();
        KafkaProducer<byte[], byte[]> crashed = new KafkaProducer<>(
                IngestProducers.transactional(cluster.bootstrapServers(), transactionalId, NO_CLIENT_SETTINGS));
        try {
            // It got as far as sending three articles and their ledger records, then died
            // before committing: its transaction is still open on the broker.
            crashed.initTransactions();
            crashed.beginTransaction();
            sample.keySet().stream().sorted().limit(3).forEach(id -> {
                crashed.send(new ProducerRecord<>(Topics.ARTICLES.name(), utf8(id), utf8("never committed")));
                crashed.send(new ProducerRecord<>(Topics.INGEST_LEDGER.name(), utf8(id), utf8("never committed")));
            });
            crashed.flush();

            IngestPublisher.Summary afterCrash = replayFeed();

            assertThat(afterCrash.sent()).isEqualTo(feedArticles);
            assertEachSampleArticleExactlyOnce();
        } finally {
            // Fenced by the restarted instance by now; closing must not take the test down.
            crashed.close(Duration.ZERO);
        }
    }

    private IngestPublisher.Summary replayFeed() {
        String bootstrap = cluster.bootstrapServers();
        try (IngestPublisher<Article> publisher = new IngestPublisher<>(IngestFormat.ARTICLES, 
                new KafkaProducer<>(IngestProducers.transactional(bootstrap, transactionalId, NO_CLIENT_SETTINGS),
                        new ByteArraySerializer(), new ByteArraySerializer()),
                AVRO, IngestLedger.load(bootstrap, NO_CLIENT_SETTINGS), Clock.systemUTC(), new SimpleMeterRegistry())) {
            return new JsonLinesReplay(publisher, Clock.systemUTC()).replay("sample-feed", new StringReader(feed));
        }
    }

    private void assertEachSampleArticleExactlyOnce() {
        List<ConsumerRecord<byte[], byte[]>> records = readCommitted(Topics.ARTICLES.name());
        Map<String, Long> perKey = records.stream().collect(Collectors.groupingBy(r -> utf8(r.key()), Collectors.counting()));
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(sampleArticles().keySet());
        assertThat(perKey.values()).containsOnly(1L);
        assertThat(records).allSatisfy(r -> assertThat(Fixtures.decode(r.value()).getId()).isEqualTo(utf8(r.key())));
    }

    /** Every committed record of {@code topic}, read up to its end as of the call. */
    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // Bounded by the class's @Timeout; the condition, not a sleep, ends the loop.
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private Map<String, Article> sampleArticles() {
        Map<String, Article> articles = new HashMap<>();
        feed.lines().map(line -> ArticleJson.parse(line, 0, "sample-feed", java.time.Instant.EPOCH))
                .flatMap(parsed -> Optional.ofNullable(parsed.value()).stream())
                .forEach(article -> articles.put(article.getId(), article));
        return articles;
    }

    private static NewTopic topic(TopicDefinition definition) {
        return new NewTopic(definition.name(), Optional.of(definition.partitions()), Optional.of((short) 1))
                .configs(definition.configs());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
