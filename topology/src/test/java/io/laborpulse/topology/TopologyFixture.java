package io.laborpulse.topology;

import io.laborpulse.extract.LaborExtractor;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.topology.errors.DeadLetterMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology on a {@link TopologyTestDriver}, with the {@link ScriptedExtractor} reading
 * articles and the real engine normalising reported events; the driver's wall clock starts at
 * {@link #START} so specs can move it.
 */
final class TopologyFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2025-12-01T09:00:00Z");
    private static final LaborExtractor ENGINE = LaborExtractor.loadDefault();

    final LaborTopics topics = LaborTopics.create(new InMemorySchemaRegistryClient());
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologySettings settings;
    final Topology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<String, Article> articles;
    final TestInputTopic<byte[], byte[]> rawArticles;
    final TestInputTopic<String, ReportedEvent> reportedEvents;
    final TestOutputTopic<String, LaborEvent> events;
    final TestOutputTopic<String, RegionActivity> activity;
    final TestOutputTopic<String, RegionActivity> activityFinal;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    TopologyFixture(Path stateDir) {
        this(stateDir, TopologySettings.defaults());
    }

    TopologyFixture(Path stateDir, TopologySettings settings) {
        this.settings = settings;
        Properties props = StreamsSettings.streamsProperties("topology-spec", "unused:9092", stateDir,
                topics.deadLetters(), (short) 1, Map.of(), new DeadLetterMetrics(registry));
        topology = LaborTopology.build(topics,
                new ArticleEnricher(new ScriptedExtractor(), settings.maxTextChars()), new ReportedEventNormalizer(ENGINE),
                EventDedup.Settings.defaults(), SeasonalPoissonModel.defaults(), settings, new PipelineMetrics(registry));
        driver = new TopologyTestDriver(topology, props, START);
        articles = driver.createInputTopic(topics.articles().name(),
                topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
        rawArticles = driver.createInputTopic(topics.articles().name(), new ByteArraySerializer(), new ByteArraySerializer());
        reportedEvents = driver.createInputTopic(topics.reportedEvents().name(),
                topics.reportedEvents().keySerde().serializer(), topics.reportedEvents().valueSerde().serializer());
        events = driver.createOutputTopic(topics.events().name(),
                topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
        activity = driver.createOutputTopic(topics.activity().name(),
                topics.activity().keySerde().deserializer(), topics.activity().valueSerde().deserializer());
        activityFinal = driver.createOutputTopic(topics.activityFinal().name(),
                topics.activityFinal().keySerde().deserializer(), topics.activityFinal().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Publishes an article whose {@link ScriptedExtractor} script is {@code text}, published (and piped) at {@code at}. */
    void publish(String id, String text, Instant at) {
        articles.pipeInput(id, articleOf(id, text, at), at);
    }

    static Article articleOf(String id, String text, Instant published) {
        return Article.newBuilder()
                .setId(id)
                .setSource("test-feed")
                .setText(text)
                .setPublished(published)
                .setIngestedAt(published.plusSeconds(60))
                .build();
    }

    double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
