package io.laborpulse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.schemas.avro.Article;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * One JSON-lines object to one {@link Article}. Pure: no I/O, no clock (the caller says when
 * the line was ingested), and bad input comes back as a {@link Problem} naming the line and the
 * field, never as an exception, so the caller can dead-letter it and go on.
 *
 * <p>Accepted fields: {@code text} (required, non-blank), {@code id}, {@code source},
 * {@code url}, {@code title}, {@code lang}, {@code country}, {@code published} (an ISO-8601
 * instant such as {@code 2025-12-01T08:05:00Z} or {@code 2025-12-01T11:35:00+03:30}, or a date
 * {@code 2025-12-01}, read as midnight UTC). Other fields are ignored, so richer feeds need no
 * change here. Every field present must be a JSON string (or null, which means absent).
 */
public final class ArticleJson {

    public static final String TEXT = "text";
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String URL = "url";
    public static final String TITLE = "title";
    public static final String LANG = "lang";
    public static final String COUNTRY = "country";
    public static final String PUBLISHED = "published";

    // Trailing tokens would otherwise be ignored and "{...} garbage" would pass as valid.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Why a line is not an article; {@link #kind} becomes the dead-letter error class. */
    public enum Kind {
        /** The bytes are not UTF-8 (checked by the caller, which holds the bytes). */
        INVALID_ENCODING,
        MALFORMED_JSON,
        NOT_AN_OBJECT,
        MISSING_FIELD,
        INVALID_FIELD
    }

    /**
     * What is wrong with one line.
     *
     * @param line   1-based line number in its input, or 0 when unknown
     * @param field  the offending field, or {@code null} when the line as a whole is wrong
     */
    public record Problem(Kind kind, long line, String field, String reason) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /** For logs and the dead-letter header, e.g. {@code line 7, field 'text': is required}. */
        public String message() {
            String where = line > 0 ? "line " + line : "line ?";
            return field == null ? where + ": " + reason : where + ", field '" + field + "': " + reason;
        }
    }

    /** Exactly one of {@code article} and {@code problem} is set. */
    public record Parsed(Article article, Problem problem) {
        public Parsed {
            if ((article == null) == (problem == null)) {
                throw new IllegalArgumentException("exactly one of article and problem must be set");
            }
        }

        static Parsed valid(Article article) {
            return new Parsed(article, null);
        }

        static Parsed invalid(Kind kind, long line, String field, String reason) {
            return new Parsed(null, new Problem(kind, line, field, reason));
        }

        public boolean isValid() {
            return article != null;
        }

        /** The problem's message, or {@code null} for a valid line. */
        public String error() {
            return problem == null ? null : problem.message();
        }
    }

    private ArticleJson() {
    }

    /**
     * @param json          one line of input
     * @param line          its 1-based line number, named in errors (0 when unknown)
     * @param defaultSource source name when the object names none (typically the input's name)
     * @param ingestedAt    when the ingest accepted the line
     */
    public static Parsed parse(String json, long line, String defaultSource, Instant ingestedAt) {
        Objects.requireNonNull(defaultSource, "defaultSource");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Parsed.invalid(Kind.MALFORMED_JSON, line, null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return Parsed.invalid(Kind.MALFORMED_JSON, line, null, "empty line");
        }
        if (!node.isObject()) {
            return Parsed.invalid(Kind.NOT_AN_OBJECT, line, null,
                    "expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        Fields fields = new Fields(node, line);
        String text = fields.string(TEXT);
        String id = fields.string(ID);
        String source = fields.string(SOURCE);
        String url = fields.string(URL);
        String title = fields.string(TITLE);
        String lang = fields.string(LANG);
        String country = fields.string(COUNTRY);
        String published = fields.string(PUBLISHED);
        if (fields.problem != null) {
            return new Parsed(null, fields.problem);
        }
        if (text == null || text.isBlank()) {
            return Parsed.invalid(Kind.MISSING_FIELD, line, TEXT, "is required and must be a non-blank string");
        }
        Instant publishedAt;
        try {
            publishedAt = instant(published);
        } catch (DateTimeException e) {
            return Parsed.invalid(Kind.INVALID_FIELD, line, PUBLISHED,
                    "is not an ISO-8601 instant or date: \"" + published + "\"");
        }
        return Parsed.valid(Article.newBuilder()
                .setId(ArticleIds.resolve(id, url, title, text))
                .setSource(blankToNull(source) == null ? defaultSource : source.strip())
                .setUrl(blankToNull(url) == null ? null : ArticleIds.canonicalUrl(url))
                .setTitle(blankToNull(title))
                .setText(text)
                .setLang(blankToNull(lang))
                .setCountryHint(blankToNull(country))
                .setPublished(publishedAt)
                .setIngestedAt(ingestedAt)
                .build());
    }

    /** Reads string fields and keeps the first type problem, so one message names one field. */
    private static final class Fields {
        private final JsonNode node;
        private final long line;
        private Problem problem;

        Fields(JsonNode node, long line) {
            this.node = node;
            this.line = line;
        }

        String string(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                if (problem == null) {
                    problem = new Problem(Kind.INVALID_FIELD, line, field, "must be a string, found "
                            + value.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                return null;
            }
            return value.textValue();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String value) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            return null;
        }
        // A bare date is common in feeds; midnight UTC is the documented reading of it.
        if (trimmed.length() == "2025-12-01".length()) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        // OffsetDateTime takes both "Z" and "+03:30"; a time without any zone is refused
        // rather than guessed, since the wrong guess shifts the event by hours.
        return OffsetDateTime.parse(trimmed).toInstant();
    }
}
