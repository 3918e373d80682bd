package io.laborpulse.ingest;

import static io.laborpulse.ingest.JsonFields.blankToNull;

import io.laborpulse.schemas.avro.ReportedEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One JSON object to one {@link ReportedEvent}: a structured record from a tracker, a dataset
 * or a form, as it was reported. Pure, like {@link ArticleJson}: a bad object comes back as a
 * {@link ParsedLine.Problem} naming the field.
 *
 * <p>Fields: {@code type} (required: the source's own label, mapped to the taxonomy by the
 * topology), at least one of {@code country}, {@code region} and {@code place} (codes or
 * names), and optionally {@code id}, {@code source}, {@code date} (ISO date, or an instant whose
 * date is taken), {@code participants} (a whole number, as a number or digits),
 * {@code description} and {@code url}. Other fields are ignored.
 *
 * <p>Without an id, the id is a hash of what the record says (source, date, places, type,
 * participants, url), so the same row sent twice is recognised as one.
 */
public final class ReportedEventJson {

    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String TYPE = "type";
    public static final String COUNTRY = "country";
    public static final String REGION = "region";
    public static final String PLACE = "place";
    public static final String DATE = "date";
    public static final String PARTICIPANTS = "participants";
    public static final String DESCRIPTION = "description";
    public static final String URL = "url";

    private ReportedEventJson() {
    }

    /**
     * @param json          one object
     * @param line          its 1-based line (or row, or array item) number, named in errors
     * @param defaultSource source name when the object names none
     * @param ingestedAt    when the ingest accepted it: the record's {@code reportedAt}
     */
    public static ParsedLine<ReportedEvent> parse(String json, long line, String defaultSource, Instant ingestedAt) {
        Objects.requireNonNull(defaultSource, "defaultSource");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        ParsedLine<JsonFields> object = JsonFields.read(json, line);
        if (!object.isValid()) {
            return ParsedLine.invalid(object.problem());
        }
        JsonFields fields = object.value();
        String id = blankToNull(fields.string(ID));
        String source = blankToNull(fields.string(SOURCE));
        String type = blankToNull(fields.string(TYPE));
        String country = blankToNull(fields.string(COUNTRY));
        String region = blankToNull(fields.string(REGION));
        String place = blankToNull(fields.string(PLACE));
        String date = blankToNull(fields.string(DATE));
        Long participants = fields.count(PARTICIPANTS);
        String description = blankToNull(fields.string(DESCRIPTION));
        String url = blankToNull(fields.string(URL));
        if (fields.problem() != null) {
            return ParsedLine.invalid(fields.problem());
        }
        if (type == null) {
            return ParsedLine.invalid(ParsedLine.Kind.MISSING_FIELD, line, TYPE, "is required: the event type as the source names it (strike, protest, …)");
        }
        if (country == null && region == null && place == null) {
            return ParsedLine.invalid(ParsedLine.Kind.MISSING_FIELD, line, PLACE,
                    "is missing: the event needs a place; give at least one of 'country', 'region' or 'place'");
        }
        LocalDate eventDate;
        try {
            eventDate = date(date);
        } catch (DateTimeException e) {
            return ParsedLine.invalid(ParsedLine.Kind.INVALID_FIELD, line, DATE,
                    "is not an ISO-8601 date (2025-12-01) or instant: \"" + date + "\"");
        }
        String sourceName = source == null ? defaultSource : source;
        String canonicalUrl = url == null ? null : ArticleIds.canonicalUrl(url);
        return ParsedLine.valid(ReportedEvent.newBuilder()
                .setId(id != null ? id : contentId(sourceName, eventDate, country, region, place, type, participants, canonicalUrl))
                .setSource(sourceName)
                .setEventType(type)
                .setCountry(country)
                .setRegion(region)
                .setPlace(place)
                .setEventDate(eventDate)
                .setParticipants(participants)
                .setDescription(description)
                .setUrl(canonicalUrl)
                .setReportedAt(ingestedAt)
                .build());
    }

    /** The key that marks a reported event as sent in the ingest ledger: ids are unique per source only. */
    public static String ledgerKey(ReportedEvent event) {
        return "event:" + event.getSource() + ":" + event.getId();
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        return value.length() == "2025-12-01".length() ? LocalDate.parse(value) : OffsetDateTime.parse(value).toLocalDate();
    }

    private static String contentId(String source, LocalDate date, String country, String region, String place, String type,
            Long participants, String url) {
        String basis = String.join("\u001f", source, String.valueOf(date), String.valueOf(country), String.valueOf(region),
                String.valueOf(place), type, String.valueOf(participants), String.valueOf(url));
        return ArticleIds.sha256Hex(basis).substring(0, ArticleIds.ID_HEX_DIGITS);
    }
}
