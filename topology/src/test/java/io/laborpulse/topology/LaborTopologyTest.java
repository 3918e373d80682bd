package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.schemas.avro.TimeSource;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first topology, one behaviour per test: articles to events to hourly regional activity. */
class LaborTopologyTest {

    private static final Instant MONDAY_0900 = Instant.parse("2025-12-01T09:00:00Z");
    private static final Instant MONDAY_0915 = MONDAY_0900.plus(Duration.ofMinutes(15));
    private static final Instant MONDAY_1010 = MONDAY_0900.plus(Duration.ofMinutes(70));

    @TempDir
    Path stateDir;

    private final LaborTopics topics = LaborTopics.create(new InMemorySchemaRegistryClient());
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, LaborEvent> events;
    private TestOutputTopic<String, RegionActivity> activity;

    @BeforeEach
    void startDriver() {
        Topology topology = LaborTopology.build(topics, new ArticleEnricher(new ScriptedExtractor()),
                TopologySettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry()));
        Properties props = StreamsSettings.streamsProperties("topology-spec", "unused:9092", stateDir,
                topics.deadLetters(), (short) 1, Map.of());
        driver = new TopologyTestDriver(topology, props);
        articles = driver.createInputTopic(topics.articles().name(),
                topics.articles().keySerde().serializer(), topics.articles().valueSerde().serializer());
        events = driver.createOutputTopic(topics.events().name(),
                topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
        activity = driver.createOutputTopic(topics.activity().name(),
                topics.activity().keySerde().deserializer(), topics.activity().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldKeyEachEventByItsRegion() {
        articles.pipeInput("a1", article("a1", "تجمع کارگران در اصفهان\n@IR-10 PROTEST 120", MONDAY_0900), MONDAY_0900);

        KeyValue<String, LaborEvent> event = events.readKeyValue();
        assertThat(event.key).isEqualTo("IR-10");
        assertThat(event.value.getId()).isEqualTo("a1#0");
        assertThat(event.value.getEventType()).isEqualTo(EventType.PROTEST);
        assertThat(event.value.getParticipants()).isEqualTo(120L);
        assertThat(event.value.getEventTime()).isEqualTo(MONDAY_0900);
        assertThat(event.value.getTimeSource()).isEqualTo(TimeSource.PUBLISHED);
        assertThat(event.value.getSourceIds()).containsExactly("a1");
        assertThat(event.value.getSources()).containsExactly("test-feed");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitOneEventPerPlaceOfARoundUp() {
        articles.pipeInput("r1", article("r1", "甘肃各级工会暖冬行动\n@CN-GS WELFARE_SERVICE 700\n@CN-GS EMPLOYMENT_SERVICE 500\n@CN-QH WELFARE_SERVICE",
                MONDAY_0900), MONDAY_0900);

        assertThat(events.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CN-GS", "r1#0"),
                        org.assertj.core.groups.Tuple.tuple("CN-GS", "r1#1"),
                        org.assertj.core.groups.Tuple.tuple("CN-QH", "r1#2"));
    }

    @Test
    void shouldEmitNothingForAnArticleWithoutLabourEvents() {
        articles.pipeInput("n1", article("n1", "Weather: sunny in Tehran", MONDAY_0900), MONDAY_0900);

        assertThat(events.isEmpty()).isTrue();
        assertThat(activity.isEmpty()).isTrue();
    }

    @Test
    void shouldUseTheEventsOwnDateOverThePublicationTime() {
        articles.pipeInput("d1", article("d1", "@CN-GS WELFARE_SERVICE 102 2025-11-28", MONDAY_0900), MONDAY_0900);

        LaborEvent event = events.readValue();
        assertThat(event.getEventTime()).isEqualTo(Instant.parse("2025-11-28T00:00:00Z"));
        assertThat(event.getTimeSource()).isEqualTo(TimeSource.EVENT_DATE);
        RegionActivity counted = activity.readValue();
        assertThat(counted.getWindowStart()).isEqualTo(Instant.parse("2025-11-28T00:00:00Z"));
    }

    @Test
    void shouldCountEventsParticipantsAndSourcesPerRegionAndHour() {
        articles.pipeInput("a1", article("a1", "@IR-10 PROTEST 120", MONDAY_0900), MONDAY_0900);
        articles.pipeInput("a2", article("a2", "@IR-10 STRIKE 30", MONDAY_0915), MONDAY_0915);
        articles.pipeInput("a3", article("a3", "@IR-10 PROTEST", MONDAY_1010), MONDAY_1010);

        List<KeyValue<String, RegionActivity>> updates = activity.readKeyValuesToList();
        assertThat(updates).hasSize(3);
        RegionActivity nineOClock = updates.get(1).value;
        assertThat(updates.get(1).key).isEqualTo("IR-10");
        assertThat(nineOClock.getWindowStart()).isEqualTo(MONDAY_0900);
        assertThat(nineOClock.getWindowEnd()).isEqualTo(MONDAY_0900.plus(TopologySettings.HOURLY_WINDOW));
        assertThat(nineOClock.getTotal()).isEqualTo(2);
        assertThat(nineOClock.getByType()).containsExactlyInAnyOrderEntriesOf(Map.of("PROTEST", 1L, "STRIKE", 1L));
        assertThat(nineOClock.getParticipants()).isEqualTo(150);
        assertThat(nineOClock.getSources()).containsExactly("test-feed");
        assertThat(nineOClock.getDistinctSources()).isEqualTo(1);
        RegionActivity tenOClock = updates.get(2).value;
        assertThat(tenOClock.getWindowStart()).isEqualTo(MONDAY_0900.plus(TopologySettings.HOURLY_WINDOW));
        assertThat(tenOClock.getTotal()).isEqualTo(1);
        assertThat(activity.isEmpty()).isTrue();
    }

    /**
     * The dead-letter record itself is produced by Kafka Streams' record collector, which the
     * test driver does not run for deserialisation failures; {@code StandaloneIT} reads it from
     * a real broker. Here: the record is counted as dropped and the stream carries on.
     */
    @Test
    void shouldSkipAnUnreadableArticleCountItAndCarryOn() {
        TestInputTopic<byte[], byte[]> rawArticles = driver.createInputTopic(topics.articles().name(),
                new ByteArraySerializer(), new ByteArraySerializer());

        rawArticles.pipeInput("bad".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8), MONDAY_0900);
        articles.pipeInput("a1", article("a1", "@IR-10 PROTEST", MONDAY_0900), MONDAY_0900);

        assertThat(droppedRecords()).isEqualTo(1.0);
        assertThat(events.readValue().getId()).isEqualTo("a1#0");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldNameEveryProcessorStoreAndInternalTopic() {
        String description = LaborTopology.build(topics, new ArticleEnricher(new ScriptedExtractor()),
                TopologySettings.defaults(), new PipelineMetrics(new SimpleMeterRegistry())).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(LaborTopology.HOURLY_ACTIVITY_STORE);
    }

    private double droppedRecords() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static Article article(String id, String text, Instant published) {
        return Article.newBuilder()
                .setId(id)
                .setSource("test-feed")
                .setText(text)
                .setPublished(published)
                .setIngestedAt(published.plusSeconds(60))
                .build();
    }
}
