package io.laborpulse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.schemas.avro.Article;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One JSON object to one {@link Article}:
 * {@code {"id"?, "source"?, "url"?, "title"?, "text", "lang"?, "country"?, "published"?}}.
 * Bad input is a value ({@link Parsed#error()}) naming the field, never an exception.
 */
public final class ArticleJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either an article or the reason there is none. */
    public record Parsed(Article article, String error) {
        static Parsed ok(Article article) {
            return new Parsed(article, null);
        }

        static Parsed failed(String error) {
            return new Parsed(null, error);
        }

        public boolean isOk() {
            return article != null;
        }
    }

    private ArticleJson() {
    }

    /**
     * @param defaultSource source name when the object names none
     * @param ingestedAt    time the ingest accepted the line
     */
    public static Parsed parse(String line, String defaultSource, Instant ingestedAt) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Parsed.failed("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Parsed.failed("expected a JSON object");
        }
        String text = text(node, "text");
        if (text == null || text.isBlank()) {
            return Parsed.failed("field 'text' is required and must be a non-empty string");
        }
        Instant published;
        try {
            published = instant(text(node, "published"));
        } catch (DateTimeParseException e) {
            return Parsed.failed("field 'published' is not an ISO-8601 instant or date: " + text(node, "published"));
        }
        String url = text(node, "url");
        String title = text(node, "title");
        String id = text(node, "id");
        String source = text(node, "source");
        return Parsed.ok(Article.newBuilder()
                .setId(id == null || id.isBlank() ? ArticleIds.idFor(url, title, text) : id)
                .setSource(source == null || source.isBlank() ? defaultSource : source)
                .setUrl(url == null ? null : ArticleIds.canonicalUrl(url))
                .setTitle(title)
                .setText(text)
                .setLang(text(node, "lang"))
                .setCountryHint(text(node, "country"))
                .setPublished(published)
                .setIngestedAt(ingestedAt)
                .build());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }
}
