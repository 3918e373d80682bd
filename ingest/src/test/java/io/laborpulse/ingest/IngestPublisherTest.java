package io.laborpulse.ingest;

import static io.laborpulse.ingest.Fixtures.AVRO;
import static io.laborpulse.ingest.Fixtures.GANSU;
import static io.laborpulse.ingest.Fixtures.ISFAHAN;
import static io.laborpulse.ingest.Fixtures.MONDAY_0900;
import static io.laborpulse.ingest.Fixtures.NO_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestPublisherTest {

    private static final String INPUT = "test-file";

    private MockProducer<byte[], byte[]> producer;
    private IngestLedger ledger;
    private SimpleMeterRegistry metrics;
    private IngestPublisher<Article> publisher;

    @BeforeEach
    void setUp() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        ledger = IngestLedger.inMemory();
        metrics = new SimpleMeterRegistry();
        publisher = publisherWith(AVRO);
    }

    private IngestPublisher<Article> publisherWith(Serializer<Article> serializer) {
        return new IngestPublisher<>(IngestFormat.ARTICLES, producer, serializer, ledger, Clock.fixed(MONDAY_0900, ZoneOffset.UTC), metrics);
    }

    @Test
    void shouldInitialiseTransactionsWhenCreated() {
        assertThat(producer.transactionInitialized()).isTrue();
    }

    @Test
    void shouldCommitEachArticleTogetherWithItsLedgerRecord() {
        IngestPublisher.Summary summary = publisher.publish(lines(ISFAHAN, GANSU));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 2, 0, 0));
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).extracting(ProducerRecord::topic, r -> utf8(r.key())).containsExactly(
                tuple(Topics.ARTICLES.name(), "fa-1"),
                tuple(Topics.INGEST_LEDGER.name(), "fa-1"),
                tuple(Topics.ARTICLES.name(), "zh-1"),
                tuple(Topics.INGEST_LEDGER.name(), "zh-1"));
        assertThat(ledger.contains("fa-1")).isTrue();
    }

    @Test
    void shouldWriteTheSerializedArticleWithSourceAndIngestTimeHeaders() {
        publisher.publish(lines(ISFAHAN));

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        Article article = Fixtures.decode(record.value());
        assertThat(article.getText()).isEqualTo("تجمع کارگران فولاد در اصفهان");
        assertThat(article.getIngestedAt()).isEqualTo(MONDAY_0900);
        assertThat(header(record, IngestPublisher.HEADER_SOURCE)).isEqualTo("ilna");
        assertThat(header(record, IngestPublisher.HEADER_INGESTED_AT)).isEqualTo("2025-12-01T09:00:00Z");
        assertThat(record.timestamp()).isEqualTo(MONDAY_0900.toEpochMilli());
    }

    @Test
    void shouldRecordTheIngestTimeAsTheLedgerValue() {
        publisher.publish(lines(ISFAHAN));

        assertThat(utf8(producer.history().get(1).value())).isEqualTo("2025-12-01T09:00:00Z");
    }

    @Test
    void shouldSkipAnArticleThatWasAlreadyPublished() {
        publisher.publish(lines(ISFAHAN));
        producer.clear();

        IngestPublisher.Summary again = publisher.publish(lines(ISFAHAN, GANSU));

        assertThat(again).isEqualTo(new IngestPublisher.Summary(2, 1, 1, 0));
        assertThat(producer.history()).extracting(r -> utf8(r.key())).containsExactly("zh-1", "zh-1");
    }

    @Test
    void shouldSendARepeatWithinOneBatchOnlyOnce() {
        IngestPublisher.Summary summary = publisher.publish(lines(GANSU, GANSU));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 1, 1, 0));
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(Topics.ARTICLES.name())).hasSize(1);
    }

    @Test
    void shouldDeadLetterTheOriginalLineWithHeadersNamingTheError() {
        IngestPublisher.Summary summary = publisher.publish(lines(GANSU, NO_TEXT));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(2, 1, 0, 1));
        ProducerRecord<byte[], byte[]> dead = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.DEAD_LETTERS.name())).findFirst().orElseThrow();
        assertThat(dead.key()).isNull();
        assertThat(utf8(dead.value())).isEqualTo(NO_TEXT);
        assertThat(header(dead, IngestPublisher.HEADER_ERROR_CLASS)).isEqualTo("MISSING_FIELD");
        assertThat(header(dead, IngestPublisher.HEADER_ERROR_MESSAGE))
                .isEqualTo("line 2, field 'text': is required and must be a non-blank string");
        assertThat(header(dead, IngestPublisher.HEADER_ERROR_FIELD)).isEqualTo("text");
        assertThat(header(dead, IngestPublisher.HEADER_SOURCE)).isEqualTo(INPUT);
        assertThat(header(dead, IngestPublisher.HEADER_LINE)).isEqualTo("2");
    }

    @Test
    void shouldDeadLetterBytesThatAreNotUtf8ExactlyAsTheyCame() {
        byte[] latin1 = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        publisher.publish(List.of(new IngestPublisher.Line(INPUT, 1, latin1)));

        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(dead.value()).isEqualTo(latin1);
        assertThat(header(dead, IngestPublisher.HEADER_ERROR_CLASS)).isEqualTo("INVALID_ENCODING");
    }

    @Test
    void shouldNotDeadLetterTheSameLineOfTheSameInputTwice() {
        publisher.publish(lines(NO_TEXT));
        producer.clear();

        IngestPublisher.Summary again = publisher.publish(lines(NO_TEXT));

        assertThat(again).isEqualTo(new IngestPublisher.Summary(1, 0, 1, 0));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAbortAndForgetTheBatchWhenTheCommitFails() {
        producer.commitTransactionException = new KafkaException("broker gone");

        assertThatThrownBy(() -> publisher.publish(lines(ISFAHAN, NO_TEXT))).isInstanceOf(KafkaException.class);

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
        assertThat(ledger.size()).as("a retry must publish all of it again").isZero();
    }

    @Test
    void shouldAbortTheWholeBatchWhenAnArticleCannotBeSerialized() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        publisher = publisherWith((topic, article) -> {
            if (article.getId().equals("zh-1")) {
                throw new SerializationException("registry unreachable");
            }
            return AVRO.serialize(topic, article);
        });

        assertThatThrownBy(() -> publisher.publish(lines(ISFAHAN, GANSU))).isInstanceOf(SerializationException.class);

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
        assertThat(ledger.contains("fa-1")).isFalse();
    }

    @Test
    void shouldCountEachOutcomeByInput() {
        publisher.publish(lines(ISFAHAN, ISFAHAN, NO_TEXT, GANSU));

        assertThat(count("sent")).isEqualTo(2.0);
        assertThat(count("skipped_duplicate")).isEqualTo(1.0);
        assertThat(count("dead_letter")).isEqualTo(1.0);
    }

    @Test
    void shouldNotCountABatchThatWasRolledBack() {
        producer.commitTransactionException = new KafkaException("broker gone");

        assertThatThrownBy(() -> publisher.publish(lines(ISFAHAN))).isInstanceOf(KafkaException.class);

        assertThat(metrics.find(IngestPublisher.RECORDS_METRIC).counters()).isEmpty();
    }

    @Test
    void shouldCloseTheProducerWhenClosed() {
        publisher.close();

        assertThat(producer.closed()).isTrue();
    }

    private double count(String outcome) {
        return metrics.get(IngestPublisher.RECORDS_METRIC).tag("source", INPUT).tag("outcome", outcome).counter().count();
    }

    private static List<IngestPublisher.Line> lines(String... texts) {
        List<IngestPublisher.Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(IngestPublisher.Line.of(INPUT, i + 1, texts[i]));
        }
        return lines;
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return utf8(record.headers().lastHeader(name).value());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
