package io.laborpulse.ingest;

import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.ReportedEvent;
import java.time.Instant;
import java.util.function.Function;

/**
 * What an {@link IngestPublisher} publishes: how a line is read, which topic it goes to, its
 * record key and the key that marks it as sent in the {@link IngestLedger}.
 *
 * @param name      for logs and errors ("article", "reported event")
 * @param topic     where valid records go
 * @param reader    one JSON object to a record, or the problem with it
 * @param key       the record key on {@code topic}
 * @param source    the source a record names, for the {@code laborpulse.source} header
 * @param ledgerKey unique across every format sharing the ledger
 */
public record IngestFormat<T>(String name, String topic, Reader<T> reader, Function<T, String> key,
        Function<T, String> source, Function<T, String> ledgerKey) {

    /** Reads one JSON object; see {@link ArticleJson#parse} for the contract. */
    @FunctionalInterface
    public interface Reader<T> {
        ParsedLine<T> read(String json, long line, String defaultSource, Instant ingestedAt);
    }

    /** Articles to {@code labor.articles.v1}, keyed and remembered by article id. */
    public static final IngestFormat<Article> ARTICLES = new IngestFormat<>("article", Topics.ARTICLES.name(),
            ArticleJson::parse, Article::getId, Article::getSource, Article::getId);

    /** Structured events to {@code labor.reported-events.v1}, keyed by event id, remembered per source. */
    public static final IngestFormat<ReportedEvent> REPORTED_EVENTS = new IngestFormat<>("reported event",
            Topics.REPORTED_EVENTS.name(), ReportedEventJson::parse, ReportedEvent::getId, ReportedEvent::getSource,
            ReportedEventJson::ledgerKey);
}
