package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String ISFAHAN = "{\"id\":\"fa-1\",\"text\":\"تجمع کارگران در اصفهان\"}";
    private static final String GANSU = "{\"id\":\"zh-1\",\"text\":\"甘肃省总工会开展送温暖活动\"}";

    /** Plain Avro binary: enough to tell records apart without a registry. */
    private static final Serializer<Article> AVRO = (topic, article) -> {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(Article.class).write(article, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private MockProducer<byte[], byte[]> producer;
    private IngestLedger ledger;
    private SimpleMeterRegistry metrics;
    private ArticlePublisher publisher;

    @BeforeEach
    void setUp() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        ledger = IngestLedger.empty();
        metrics = new SimpleMeterRegistry();
        publisher = new ArticlePublisher(producer, AVRO, ledger, CLOCK, metrics);
    }

    @Test
    void shouldWriteEachArticleWithItsLedgerRecordInOneTransaction() {
        ArticlePublisher.Summary summary = publisher.publish(lines(ISFAHAN, GANSU));

        assertThat(summary).isEqualTo(new ArticlePublisher.Summary(2, 2, 0, 0));
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly(
                Topics.ARTICLES.name(), Topics.INGEST_LEDGER.name(), Topics.ARTICLES.name(), Topics.INGEST_LEDGER.name());
        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("fa-1");
        assertThat(new String(first.headers().lastHeader(ArticlePublisher.HEADER_SOURCE).value(), StandardCharsets.UTF_8))
                .isEqualTo("test-file");
        assertThat(ledger.contains("fa-1")).isTrue();
    }

    @Test
    void shouldSkipWhatWasAlreadyPublished() {
        publisher.publish(lines(ISFAHAN));
        producer.clear();

        ArticlePublisher.Summary again = publisher.publish(lines(ISFAHAN, GANSU));

        assertThat(again).isEqualTo(new ArticlePublisher.Summary(2, 1, 1, 0));
        assertThat(producer.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("zh-1", "zh-1");
        assertThat(metrics.get("laborpulse_ingest_records").tag("outcome", "skipped_duplicate").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterABadLineWithItsReasonAndKeepGoing() {
        ArticlePublisher.Summary summary = publisher.publish(lines("{\"title\":\"بدون متن\"}", GANSU));

        assertThat(summary).isEqualTo(new ArticlePublisher.Summary(2, 1, 0, 1));
        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"بدون متن\"}");
        assertThat(header(dead, ArticlePublisher.HEADER_ERROR_MESSAGE)).contains("'text'");
        assertThat(header(dead, ArticlePublisher.HEADER_LINE)).isEqualTo("1");
        assertThat(metrics.get("laborpulse_ingest_records").tag("outcome", "dead_letter").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldAbortAndForgetTheBatchWhenTheTransactionFails() {
        producer.commitTransactionException = new KafkaException("broker gone");

        assertThatThrownBy(() -> publisher.publish(lines(ISFAHAN))).isInstanceOf(KafkaException.class);

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(ledger.contains("fa-1")).as("a retry must publish it again").isFalse();
    }

    private static List<ArticlePublisher.Line> lines(String... texts) {
        List<ArticlePublisher.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(new ArticlePublisher.Line("test-file", i + 1, texts[i]));
        }
        return lines;
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
