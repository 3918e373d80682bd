package io.laborpulse.topology;

import io.laborpulse.extract.LaborExtractor;
import io.laborpulse.extract.Place;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.avro.TimeSource;
import io.laborpulse.topology.errors.DeadLetterReason;
import io.laborpulse.topology.errors.RecordRejected;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a structured event record from a tracker or a form into a {@link LaborEvent} with the
 * same engine that reads articles: place names (or codes) to ISO 3166-2 regions, the source's
 * type label to the taxonomy. Pure; a label the taxonomy has no type for reads as OTHER.
 */
public final class ReportedEventNormalizer {

    private static final int EVIDENCE_LENGTH = 200;

    private final LaborExtractor engine;

    public ReportedEventNormalizer(LaborExtractor engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** @throws RecordRejected when the record has no id, source or type label */
    public LaborEvent normalize(ReportedEvent reported) {
        require(reported.getId(), "id", reported);
        require(reported.getSource(), "source", reported);
        require(reported.getEventType(), "eventType", reported);
        Optional<io.laborpulse.extract.EventType> type = engine.typeOf(reported.getEventType());
        String country = reported.getCountry() == null ? null : reported.getCountry().strip();
        String names = Stream.of(reported.getPlace(), reported.getRegion(), country)
                .filter(n -> n != null && !n.isBlank())
                .collect(Collectors.joining(", "));
        String hint = country != null && country.length() == 2 ? country : null;
        Place place = engine.resolvePlace(names, hint).orElse(null);
        Instant eventTime;
        TimeSource timeSource;
        if (reported.getEventDate() != null) {
            eventTime = reported.getEventDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            timeSource = TimeSource.EVENT_DATE;
        } else {
            eventTime = reported.getReportedAt();
            timeSource = TimeSource.INGESTED;
        }
        double confidence = (type.isPresent() ? 0.6 : 0.3) + (place != null ? 0.4 : 0.0);
        return LaborEvent.newBuilder()
                .setId(reported.getSource() + ":" + reported.getId())
                .setEventType(type.map(t -> EventType.valueOf(t.name())).orElse(EventType.OTHER))
                .setRegion(place == null ? null : place.region())
                .setRegionName(place == null ? null : place.name())
                .setCountry(place == null ? null : place.country())
                .setPlace(reported.getPlace() != null ? reported.getPlace() : reported.getRegion())
                .setPrecision(place == null ? Precision.UNKNOWN : Precision.valueOf(place.precision().name()))
                .setParticipants(reported.getParticipants())
                .setEventTime(eventTime)
                .setTimeSource(timeSource)
                .setIngestedAt(reported.getReportedAt())
                .setConfidence(Math.round(confidence * 100) / 100.0)
                .setEvidence(evidence(reported))
                .setSourceIds(List.of(reported.getId()))
                .setSourceUrls(reported.getUrl() == null ? List.of() : List.of(reported.getUrl()))
                .setSources(List.of(reported.getSource()))
                .build();
    }

    private static String evidence(ReportedEvent reported) {
        String text = reported.getDescription() != null ? reported.getDescription() : reported.getEventType();
        return text.length() <= EVIDENCE_LENGTH ? text : text.substring(0, EVIDENCE_LENGTH - 1) + "…";
    }

    private static void require(String value, String field, ReportedEvent reported) {
        if (value == null || value.isBlank()) {
            throw new RecordRejected(DeadLetterReason.INVALID_RECORD,
                    "Reported event " + reported.getId() + " from " + reported.getSource() + " has a blank " + field);
        }
    }

}
