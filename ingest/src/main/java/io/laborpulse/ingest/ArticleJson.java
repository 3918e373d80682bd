package io.laborpulse.ingest;

import static io.laborpulse.ingest.JsonFields.blankToNull;

import io.laborpulse.schemas.avro.Article;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * One JSON-lines object to one {@link Article}. Pure: no I/O, no clock (the caller says when
 * the line was ingested), and bad input comes back as a {@link ParsedLine.Problem} naming the line and the
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

    private ArticleJson() {
    }

    /**
     * @param json          one line of input
     * @param line          its 1-based line number, named in errors (0 when unknown)
     * @param defaultSource source name when the object names none (typically the input's name)
     * @param ingestedAt    when the ingest accepted the line
     */
    public static ParsedLine<Article> parse(String json, long line, String defaultSource, Instant ingestedAt) {
        Objects.requireNonNull(defaultSource, "defaultSource");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        ParsedLine<JsonFields> object = JsonFields.read(json, line);
        if (!object.isValid()) {
            return ParsedLine.invalid(object.problem());
        }
        JsonFields fields = object.value();
        String text = fields.string(TEXT);
        String id = fields.string(ID);
        String source = fields.string(SOURCE);
        String url = fields.string(URL);
        String title = fields.string(TITLE);
        String lang = fields.string(LANG);
        String country = fields.string(COUNTRY);
        String published = fields.string(PUBLISHED);
        if (fields.problem() != null) {
            return ParsedLine.invalid(fields.problem());
        }
        if (text == null || text.isBlank()) {
            return ParsedLine.invalid(ParsedLine.Kind.MISSING_FIELD, line, TEXT, "is required and must be a non-blank string");
        }
        Instant publishedAt;
        try {
            publishedAt = JsonFields.instant(published);
        } catch (DateTimeException e) {
            return ParsedLine.invalid(ParsedLine.Kind.INVALID_FIELD, line, PUBLISHED,
                    "is not an ISO-8601 instant or date: \"" + published + "\"");
        }
        return ParsedLine.valid(Article.newBuilder()
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
}
