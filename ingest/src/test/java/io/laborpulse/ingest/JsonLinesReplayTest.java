package io.laborpulse.ingest;

import io.laborpulse.schemas.avro.Article;
import static io.laborpulse.ingest.Fixtures.AVRO;
import static io.laborpulse.ingest.Fixtures.CAIRO;
import static io.laborpulse.ingest.Fixtures.GANSU;
import static io.laborpulse.ingest.Fixtures.ISFAHAN;
import static io.laborpulse.ingest.Fixtures.MONDAY_0900;
import static io.laborpulse.ingest.Fixtures.NO_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.ingest.Fixtures.TestClock;
import io.laborpulse.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReplayTest {

    private static final JsonLinesReplay.Sleeper MUST_NOT_WAIT = duration -> {
        throw new AssertionError("waited " + duration + " when it should not have");
    };

    private final TestClock clock = new TestClock(MONDAY_0900);
    private MockProducer<byte[], byte[]> producer;
    private IngestPublisher<Article> publisher;

    @BeforeEach
    void setUp() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        publisher = new IngestPublisher<>(IngestFormat.ARTICLES, producer, AVRO, IngestLedger.inMemory(), clock, new SimpleMeterRegistry());
    }

    private JsonLinesReplay fastest() {
        return new JsonLinesReplay(publisher, clock, JsonLinesReplay.AS_FAST_AS_POSSIBLE, MUST_NOT_WAIT);
    }

    @Test
    void shouldSendEveryItemOfTheBundledSampleFeed() throws IOException {
        long items;
        try (var in = JsonLinesReplay.class.getResourceAsStream(JsonLinesReplay.SAMPLE_FEED)) {
            items = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        }

        IngestPublisher.Summary summary = fastest().replaySampleFeed();

        assertThat(items).isPositive();
        assertThat(summary).isEqualTo(new IngestPublisher.Summary(items, items, 0, 0));
        assertThat(articles()).hasSize((int) items);
    }

    @Test
    void shouldSendNothingTwiceWhenTheSameFeedIsReplayedAgain() {
        IngestPublisher.Summary first = fastest().replaySampleFeed();

        IngestPublisher.Summary second = fastest().replaySampleFeed();

        assertThat(second).isEqualTo(new IngestPublisher.Summary(first.read(), 0, first.read(), 0));
        assertThat(articles()).hasSize((int) first.sent());
    }

    @Test
    void shouldCountBlankLinesAsNothingButKeepLineNumbers() {
        IngestPublisher.Summary summary = fastest().replay("mixed", new StringReader(ISFAHAN + "\n\n  \n" + NO_TEXT + "\n"));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 1, 0, 1));
        assertThat(header(deadLetters().get(0), IngestPublisher.HEADER_LINE)).isEqualTo("4");
    }

    @Test
    void shouldCommitInTransactionsOfTheBatchSize() {
        int lines = 2 * JsonLinesReplay.BATCH_SIZE + 1;
        String feed = IntStream.range(0, lines)
                .mapToObj(i -> "{\"id\":\"zh-" + i + "\",\"text\":\"工会活动 " + i + "\"}")
                .collect(Collectors.joining("\n"));

        IngestPublisher.Summary summary = fastest().replay("big", new StringReader(feed));

        assertThat(summary.sent()).isEqualTo(lines);
        assertThat(producer.commitCount()).isEqualTo(3);
    }

    @Test
    void shouldReplayEveryJsonlFileOfAFolderInNameOrder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("2-gansu.jsonl"), GANSU + "\n");
        Files.writeString(folder.resolve("1-isfahan.jsonl"), ISFAHAN + "\n");
        Files.writeString(folder.resolve("notes.txt"), CAIRO + "\n");

        IngestPublisher.Summary summary = fastest().replay(folder);

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 2, 0, 0));
        assertThat(articles()).extracting(r -> utf8(r.key())).containsExactly("fa-1", "zh-1");
    }

    @Test
    void shouldNameEachFileAsTheSourceOfItsLines(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("ilna-2025-12.jsonl"), NO_TEXT + "\n");

        fastest().replay(file);

        assertThat(header(deadLetters().get(0), IngestPublisher.HEADER_SOURCE)).isEqualTo("ilna-2025-12");
    }

    @Test
    void shouldReadWindowsLineEndingsAndAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (ISFAHAN + "\r\n" + GANSU + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] feed = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, feed, 0, bom.length);
        System.arraycopy(body, 0, feed, bom.length, body.length);

        IngestPublisher.Summary summary = fastest().replay("windows", new ByteArrayInputStream(feed));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 2, 0, 0));
    }

    @Test
    void shouldDeadLetterALineThatIsNotUtf8AndGoOn() {
        byte[] bad = "{\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = (GANSU + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] feed = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, feed, 0, bad.length);
        System.arraycopy(good, 0, feed, bad.length, good.length);

        IngestPublisher.Summary summary = fastest().replay("latin1", new ByteArrayInputStream(feed));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 1, 0, 1));
        assertThat(deadLetters().get(0).value()).isEqualTo("{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shouldKeepTheSpacingOfPublishedTimesDividedByTheSpeed() {
        // Published 08:05, 08:06 and 08:07: a minute apart, so one second apart at speed 60.
        List<Duration> waits = new ArrayList<>();
        JsonLinesReplay paced = new JsonLinesReplay(publisher, clock, 60, duration -> {
            waits.add(duration);
            clock.advance(duration);
        });

        paced.replay("paced", new StringReader(String.join("\n", ISFAHAN, GANSU, CAIRO)));

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void shouldCommitWhatIsDueBeforeWaitingForTheNextLine() {
        List<Integer> committedBeforeEachWait = new ArrayList<>();
        JsonLinesReplay paced = new JsonLinesReplay(publisher, clock, 60, duration -> {
            committedBeforeEachWait.add(articles().size());
            clock.advance(duration);
        });

        paced.replay("paced", new StringReader(String.join("\n", ISFAHAN, GANSU, CAIRO)));

        assertThat(committedBeforeEachWait).containsExactly(1, 2);
    }

    @Test
    void shouldNotWaitForALineWithoutAPublishedTime() {
        JsonLinesReplay paced = new JsonLinesReplay(publisher, clock, 1, MUST_NOT_WAIT);

        IngestPublisher.Summary summary = paced.replay("undated",
                new StringReader(ISFAHAN + "\n{\"id\":\"zh-2\",\"text\":\"无日期的工会新闻\"}\n" + NO_TEXT));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(3, 2, 0, 1));
    }

    @Test
    void shouldRefuseANegativeSpeed() {
        assertThatThrownBy(() -> new JsonLinesReplay(publisher, clock, -1, MUST_NOT_WAIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSayWhichResourceIsMissing() {
        assertThatThrownBy(() -> fastest().replayResource("/io/laborpulse/ingest/absent.jsonl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent.jsonl");
    }

    private List<ProducerRecord<byte[], byte[]>> articles() {
        return producer.history().stream().filter(r -> r.topic().equals(Topics.ARTICLES.name())).toList();
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetters() {
        return producer.history().stream().filter(r -> r.topic().equals(Topics.DEAD_LETTERS.name())).toList();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return utf8(record.headers().lastHeader(name).value());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
