package io.laborpulse.ingest;

import io.laborpulse.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes JSON lines as records of one {@link IngestFormat} (articles to
 * {@code labor.articles.v1}, reported events to {@code labor.reported-events.v1}), each exactly
 * once across restarts and replays.
 *
 * <p>One {@link #publish} call is one Kafka transaction holding, for every new record, the
 * record (key: its id) and its {@link IngestLedger} record; and for every line that cannot be
 * read, a dead-letter record with the original bytes and headers naming the error. Either
 * all of it commits or none of it does. Records already in the ledger are skipped.
 *
 * <p>A dead letter is also written to the ledger, under {@value #DEAD_LETTER_KEY_PREFIX} and a
 * hash of its input name and bytes, so replaying a file does not dead-letter its bad lines a
 * second time; the repeat counts as {@code skipped_duplicate}.
 *
 * <p>If the transaction fails, it is aborted, the batch's ids are forgotten again, and the
 * error is thrown: nothing is half-published, and the next run sends the batch afresh.
 * The publisher owns the producer and the ledger it is given and closes both.
 */
public final class IngestPublisher<T> implements AutoCloseable {

    public static final String HEADER_SOURCE = "laborpulse.source";
    public static final String HEADER_INGESTED_AT = "laborpulse.ingested-at";
    public static final String HEADER_ERROR_CLASS = "laborpulse.error.class";
    public static final String HEADER_ERROR_MESSAGE = "laborpulse.error.message";
    public static final String HEADER_ERROR_FIELD = "laborpulse.error.field";
    public static final String HEADER_LINE = "laborpulse.line";

    /** Metric: {@code laborpulse_ingest_records_total{source,outcome}} once exported to Prometheus. */
    public static final String RECORDS_METRIC = "laborpulse_ingest_records";
    public static final String OUTCOME_SENT = "sent";
    public static final String OUTCOME_SKIPPED = "skipped_duplicate";
    public static final String OUTCOME_DEAD_LETTER = "dead_letter";

    static final String DEAD_LETTER_KEY_PREFIX = "deadletter:";

    private static final Logger log = LoggerFactory.getLogger(IngestPublisher.class);

    private final IngestFormat<T> format;
    private final Producer<byte[], byte[]> producer;
    private final Serializer<T> serializer;
    private final IngestLedger ledger;
    private final Clock clock;
    private final MeterRegistry metrics;

    /**
     * Counts of one publish call or one replay.
     *
     * @param read         non-blank lines read
     * @param sent         records committed to the format's topic
     * @param skipped      lines whose record (or dead letter) was already published
     * @param deadLettered lines committed to the dead-letter topic
     */
    public record Summary(long read, long sent, long skipped, long deadLettered) {
        public static Summary none() {
            return new Summary(0, 0, 0, 0);
        }

        public Summary plus(Summary other) {
            return new Summary(read + other.read, sent + other.sent, skipped + other.skipped,
                    deadLettered + other.deadLettered);
        }
    }

    /**
     * One line of input, as bytes, so that a line which is not even UTF-8 can still be
     * dead-lettered exactly as it came.
     *
     * @param source name of the input (file name, feed, resource name); the default record source,
     *               the dead-letter {@code laborpulse.source} and the metric's {@code source}
     * @param number 1-based line number in that input
     */
    public record Line(String source, long number, byte[] bytes) {
        public Line {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(bytes, "bytes");
        }

        public static Line of(String source, long number, String text) {
            return new Line(source, number, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Initialises the producer's transactions, which fences any earlier instance with the same
     * transactional id and settles what it left open, and then brings the ledger up to date.
     *
     * @param format     what is published, e.g. {@link IngestFormat#ARTICLES}
     * @param producer   a transactional producer, see {@link IngestProducers#transactional}
     * @param serializer record values, e.g. the project's Confluent-format Avro serializer
     */
    public IngestPublisher(IngestFormat<T> format, Producer<byte[], byte[]> producer, Serializer<T> serializer,
            IngestLedger ledger, Clock clock, MeterRegistry metrics) {
        this.format = Objects.requireNonNull(format, "format");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        producer.initTransactions();
        ledger.catchUp();
    }

    /**
     * A publisher on a real cluster: a transactional producer named after {@code instance} (see
     * {@link IngestProducers#transactionalId}), Confluent-format Avro values registered in
     * {@code registry}, and the cluster's ledger, read to its end.
     *
     * @param client Kafka client properties passed through unchanged (SASL/SSL and the like)
     */
    public static <R extends SpecificRecord> IngestPublisher<R> connect(IngestFormat<R> format, String instance,
            String bootstrapServers, Map<String, String> client, SchemaRegistryClient registry, MeterRegistry metrics) {
        IngestLedger ledger = IngestLedger.load(bootstrapServers, client);
        try {
            return new IngestPublisher<>(format,
                    new KafkaProducer<>(IngestProducers.transactional(bootstrapServers, IngestProducers.transactionalId(instance), client),
                            new ByteArraySerializer(), new ByteArraySerializer()),
                    new ConfluentAvroSerializer<R>(registry, false), ledger, Clock.systemUTC(), metrics);
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /** Publishes {@code batch} in one transaction; throws, having published nothing, if it fails. */
    public Summary publish(List<Line> batch) {
        if (batch.isEmpty()) {
            return Summary.none();
        }
        Instant ingestedAt = clock.instant();
        List<String> claimed = new ArrayList<>();
        Outcomes outcomes = new Outcomes();
        producer.beginTransaction();
        try {
            for (Line line : batch) {
                publishLine(line, ingestedAt, claimed, outcomes);
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            // Any failure, a serializer's included, leaves the transaction open. Forget the
            // batch first: whether or not the abort gets through, none of it is committed, so
            // a retry must send all of it again.
            claimed.forEach(ledger::remove);
            abortQuietly(e);
            throw e;
        }
        // Counted only after the commit, so the metric never shows what was rolled back.
        outcomes.record(metrics);
        return new Summary(batch.size(), outcomes.count(OUTCOME_SENT), outcomes.count(OUTCOME_SKIPPED),
                outcomes.count(OUTCOME_DEAD_LETTER));
    }

    private void publishLine(Line line, Instant ingestedAt, List<String> claimed, Outcomes outcomes) {
        ParsedLine<T> parsed = decode(line)
                .map(text -> format.reader().read(text, line.number(), line.source(), ingestedAt))
                .orElseGet(() -> ParsedLine.invalid(ParsedLine.Kind.INVALID_ENCODING, line.number(), null,
                        "not valid UTF-8"));
        if (!parsed.isValid()) {
            String key = deadLetterKey(line);
            if (claim(key, claimed)) {
                log.warn("Dead-lettering a line of {}: {}", line.source(), parsed.error());
                producer.send(deadLetter(line, parsed.problem()));
                producer.send(ledgerRecord(key, ingestedAt));
                outcomes.add(line.source(), OUTCOME_DEAD_LETTER);
            } else {
                outcomes.add(line.source(), OUTCOME_SKIPPED);
            }
            return;
        }
        T record = parsed.value();
        String ledgerKey = format.ledgerKey().apply(record);
        if (!claim(ledgerKey, claimed)) {
            outcomes.add(line.source(), OUTCOME_SKIPPED);
            return;
        }
        String topic = format.topic();
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_SOURCE, utf8(format.source().apply(record)));
        headers.add(HEADER_INGESTED_AT, utf8(ingestedAt.toString()));
        // The record timestamp is the ingest time, not the publication time: the topic's
        // time-based retention would delete a backfill of old news as soon as it was written.
        producer.send(new ProducerRecord<>(topic, null, ingestedAt.toEpochMilli(), utf8(format.key().apply(record)),
                serializer.serialize(topic, headers, record), headers));
        producer.send(ledgerRecord(ledgerKey, ingestedAt));
        outcomes.add(line.source(), OUTCOME_SENT);
    }

    /** Marks {@code id} as published in this batch; false when it already was. */
    private boolean claim(String id, List<String> claimed) {
        if (ledger.contains(id)) {
            return false;
        }
        ledger.add(id);
        claimed.add(id);
        return true;
    }

    /** Same input name and same bytes, same key: the line number may shift when a file is edited. */
    static String deadLetterKey(Line line) {
        byte[] name = utf8(line.source());
        byte[] basis = new byte[name.length + 1 + line.bytes().length];
        System.arraycopy(name, 0, basis, 0, name.length);
        System.arraycopy(line.bytes(), 0, basis, name.length + 1, line.bytes().length);
        return DEAD_LETTER_KEY_PREFIX + ArticleIds.sha256Hex(basis).substring(0, ArticleIds.ID_HEX_DIGITS);
    }

    private static Optional<String> decode(Line line) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line.bytes()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static ProducerRecord<byte[], byte[]> ledgerRecord(String id, Instant ingestedAt) {
        return new ProducerRecord<>(Topics.INGEST_LEDGER.name(), utf8(id), utf8(ingestedAt.toString()));
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(Line line, ParsedLine.Problem problem) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_ERROR_CLASS, utf8(problem.kind().name()));
        headers.add(HEADER_ERROR_MESSAGE, utf8(problem.message()));
        if (problem.field() != null) {
            headers.add(HEADER_ERROR_FIELD, utf8(problem.field()));
        }
        headers.add(HEADER_SOURCE, utf8(line.source()));
        headers.add(HEADER_LINE, utf8(Long.toString(line.number())));
        // Null key: a line has no key of its own, and the catalogue keys dead letters by the
        // original record's key.
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), (Integer) null, (byte[]) null, line.bytes(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void abortQuietly(RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            // A fenced or fatally failed producer cannot abort; the broker aborts for it.
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            ledger.close();
        }
    }

    /** Per-batch counts by input and outcome, turned into counters only once committed. */
    private static final class Outcomes {
        private final Map<String, Map<String, Long>> bySource = new LinkedHashMap<>();

        void add(String source, String outcome) {
            bySource.computeIfAbsent(source, s -> new HashMap<>()).merge(outcome, 1L, Long::sum);
        }

        long count(String outcome) {
            return bySource.values().stream().mapToLong(counts -> counts.getOrDefault(outcome, 0L)).sum();
        }

        void record(MeterRegistry metrics) {
            for (Map.Entry<String, Map<String, Long>> entry : bySource.entrySet()) {
                String source = entry.getKey();
                Map<String, Long> counts = entry.getValue();
                // Every outcome is registered, even at zero, so dashboards see the series
                // before the first dead letter rather than an absent one.
                for (String outcome : List.of(OUTCOME_SENT, OUTCOME_SKIPPED, OUTCOME_DEAD_LETTER)) {
                    Counter.builder(RECORDS_METRIC)
                            .description("Ingested lines by input and outcome")
                            .tag("source", source)
                            .tag("outcome", outcome)
                            .register(metrics)
                            .increment(counts.getOrDefault(outcome, 0L));
                }
            }
        }
    }
}
