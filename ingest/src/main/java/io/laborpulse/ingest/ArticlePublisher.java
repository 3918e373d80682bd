package io.laborpulse.ingest;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes JSON-lines articles to {@code labor.articles.v1} exactly once across restarts.
 *
 * <p>Each batch is one Kafka transaction holding the articles (key: article id), a ledger
 * record per article, and a dead-letter record (original line, reason headers) per line that
 * could not be read. Articles already in the {@link IngestLedger} are skipped. If a transaction
 * fails, it is aborted, the batch's ids leave the ledger again and the error is thrown: nothing
 * is half-published and the caller may retry the batch.
 */
public final class ArticlePublisher implements AutoCloseable {

    public static final String HEADER_SOURCE = "laborpulse.source";
    public static final String HEADER_INGESTED_AT = "laborpulse.ingested-at";
    public static final String HEADER_ERROR_CLASS = "laborpulse.error.class";
    public static final String HEADER_ERROR_MESSAGE = "laborpulse.error.message";
    public static final String HEADER_LINE = "laborpulse.line";
    static final String INVALID_ARTICLE = "InvalidArticle";

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final Serializer<Article> articles;
    private final IngestLedger ledger;
    private final Clock clock;
    private final MeterRegistry metrics;

    /** Counts of one publish call. */
    public record Summary(long read, long sent, long skipped, long deadLettered) {
        Summary plus(Summary other) {
            return new Summary(read + other.read, sent + other.sent, skipped + other.skipped, deadLettered + other.deadLettered);
        }

        public static Summary none() {
            return new Summary(0, 0, 0, 0);
        }
    }

    /** A line of input and where it came from, for dead-letter headers. */
    public record Line(String source, long number, String text) {
    }

    /** The producer must be transactional; this constructor initialises its transactions. */
    public ArticlePublisher(Producer<byte[], byte[]> producer, Serializer<Article> articles, IngestLedger ledger,
            Clock clock, MeterRegistry metrics) {
        this.producer = producer;
        this.articles = articles;
        this.ledger = ledger;
        this.clock = clock;
        this.metrics = metrics;
        producer.initTransactions();
    }

    public Summary publish(List<Line> batch) {
        List<String> added = new ArrayList<>();
        long sent = 0;
        long skipped = 0;
        long dead = 0;
        producer.beginTransaction();
        try {
            for (Line line : batch) {
                ArticleJson.Parsed parsed = ArticleJson.parse(line.text(), line.source(), clock.instant());
                if (!parsed.isOk()) {
                    producer.send(deadLetter(line, parsed.error()));
                    dead++;
                    continue;
                }
                Article article = parsed.article();
                if (ledger.contains(article.getId())) {
                    skipped++;
                    continue;
                }
                byte[] key = article.getId().getBytes(StandardCharsets.UTF_8);
                RecordHeaders headers = new RecordHeaders();
                headers.add(HEADER_SOURCE, article.getSource().getBytes(StandardCharsets.UTF_8));
                headers.add(HEADER_INGESTED_AT, article.getIngestedAt().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null, key,
                        articles.serialize(Topics.ARTICLES.name(), article), headers));
                producer.send(new ProducerRecord<>(Topics.INGEST_LEDGER.name(), key,
                        article.getIngestedAt().toString().getBytes(StandardCharsets.UTF_8)));
                ledger.add(article.getId());
                added.add(article.getId());
                sent++;
            }
            producer.commitTransaction();
        } catch (KafkaException | IllegalStateException e) {
            added.forEach(ledger::remove);
            abortQuietly();
            throw e;
        }
        count("sent", sent);
        count("skipped_duplicate", skipped);
        count("dead_letter", dead);
        return new Summary(batch.size(), sent, skipped, dead);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(Line line, String reason) {
        log.warn("Dead-lettering line {} of {}: {}", line.number(), line.source(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_ERROR_CLASS, INVALID_ARTICLE.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_ERROR_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_SOURCE, line.source().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_LINE, Long.toString(line.number()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, (byte[]) null,
                line.text().getBytes(StandardCharsets.UTF_8), headers);
    }

    private void count(String outcome, long amount) {
        if (amount > 0) {
            Counter.builder("laborpulse_ingest_records")
                    .description("Records handled by the ingest, by source channel and outcome")
                    .tag("channel", "jsonl")
                    .tag("outcome", outcome)
                    .register(metrics)
                    .increment(amount);
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Aborting the ingest transaction failed too: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
