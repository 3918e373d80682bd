package io.laborpulse.topology;

import io.laborpulse.extract.Document;
import io.laborpulse.extract.ExtractedEvent;
import io.laborpulse.extract.Extraction;
import io.laborpulse.extract.Extractor;
import io.laborpulse.schemas.avro.Actor;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.Sector;
import io.laborpulse.schemas.avro.TimeSource;
import io.laborpulse.topology.errors.DeadLetterReason;
import io.laborpulse.topology.errors.RecordRejected;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one article into its labour events: the seam between the pure extraction engine and
 * the Avro contracts. No Kafka here; the topology calls {@link #enrich} once per article.
 */
public final class ArticleEnricher {

    private final Extractor extractor;
    private final int maxTextChars;

    public ArticleEnricher(Extractor extractor, int maxTextChars) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.maxTextChars = maxTextChars;
    }

    /**
     * The article's events; none when it is not labour news.
     *
     * @throws RecordRejected when the article lacks an id or text, is over the size limit, or the
     *                        engine fails on it: the topology dead-letters it with that reason
     */
    public List<LaborEvent> enrich(Article article) {
        if (article.getId() == null || article.getId().isBlank()) {
            throw new RecordRejected(DeadLetterReason.INVALID_RECORD, "Article has a blank id");
        }
        if (article.getText() == null || article.getText().isBlank()) {
            throw new RecordRejected(DeadLetterReason.INVALID_RECORD, "Article " + article.getId() + " has no text");
        }
        int length = article.getText().length() + (article.getTitle() == null ? 0 : article.getTitle().length());
        if (length > maxTextChars) {
            throw new RecordRejected(DeadLetterReason.TOO_LARGE, "Article " + article.getId() + " has " + length
                    + " characters of title and text; the limit is " + maxTextChars);
        }
        Extraction extraction;
        try {
            extraction = extract(article);
        } catch (RuntimeException e) {
            throw new RecordRejected(DeadLetterReason.ENRICHMENT_FAILED,
                    "Extraction failed on article " + article.getId() + ": " + e, e);
        }
        List<LaborEvent> events = new ArrayList<>(extraction.events().size());
        int index = 0;
        for (ExtractedEvent extracted : extraction.events()) {
            events.add(toLaborEvent(article, extraction.lang(), extracted, index++));
        }
        return events;
    }

    private Extraction extract(Article article) {
        return extractor.extract(new Document(
                article.getId(),
                article.getTitle(),
                article.getText(),
                article.getUrl(),
                article.getPublished(),
                article.getLang(),
                article.getCountryHint()));
    }

    private static LaborEvent toLaborEvent(Article article, String lang, ExtractedEvent e, int index) {
        EventTime time = EventTime.of(e.eventDate(), article.getPublished(), article.getIngestedAt());
        return LaborEvent.newBuilder()
                .setId(article.getId() + "#" + index)
                .setEventType(EventType.valueOf(e.type().name()))
                .setSecondaryTypes(e.secondaryTypes().stream().map(t -> EventType.valueOf(t.name())).toList())
                .setRegion(e.region())
                .setRegionName(e.regionName())
                .setCountry(e.country())
                .setPlace(e.place())
                .setPrecision(Precision.valueOf(e.precision().name()))
                .setParticipants(e.participants())
                .setActors(e.actors().stream().map(a -> Actor.valueOf(a.name())).toList())
                .setSector(e.sector() == null ? null : Sector.valueOf(e.sector().name()))
                .setEventTime(time.instant())
                .setTimeSource(time.source())
                .setIngestedAt(article.getIngestedAt())
                .setConfidence(e.confidence())
                .setEvidence(e.evidence())
                .setSourceIds(List.of(article.getId()))
                .setSourceUrls(article.getUrl() == null ? List.of() : List.of(article.getUrl()))
                .setSources(List.of(article.getSource()))
                .setLang(lang)
                .build();
    }

    /**
     * Event time and the clock it came from: the event's own date where the text gives one,
     * else the publication time, else the ingest time. A date equal to the publication day
     * keeps the publication instant, which is the more precise reading of the same fact.
     */
    record EventTime(Instant instant, TimeSource source) {

        static EventTime of(LocalDate eventDate, Instant published, Instant ingested) {
            if (eventDate != null) {
                boolean samedayAsPublished = published != null
                        && eventDate.equals(LocalDate.ofInstant(published, ZoneOffset.UTC));
                Instant instant = samedayAsPublished ? published : eventDate.atStartOfDay(ZoneOffset.UTC).toInstant();
                return new EventTime(instant, TimeSource.EVENT_DATE);
            }
            if (published != null) {
                return new EventTime(published, TimeSource.PUBLISHED);
            }
            return new EventTime(ingested, TimeSource.INGESTED);
        }
    }
}
