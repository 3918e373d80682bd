package io.laborpulse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Typed reads of one JSON object's fields that keep the first type problem, so one message
 * names one field. Shared by the readers of articles and of reported events.
 */
final class JsonFields {

    // Trailing tokens would otherwise be ignored and "{...} garbage" would pass as valid.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode node;
    private final long line;
    private ParsedLine.Problem problem;

    private JsonFields(JsonNode node, long line) {
        this.node = node;
        this.line = line;
    }

    /** The fields of the object on {@code json}, or the problem that it is not one. */
    static ParsedLine<JsonFields> read(String json, long line) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return ParsedLine.invalid(ParsedLine.Kind.MALFORMED_JSON, line, null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return ParsedLine.invalid(ParsedLine.Kind.MALFORMED_JSON, line, null, "empty line");
        }
        if (!node.isObject()) {
            return ParsedLine.invalid(ParsedLine.Kind.NOT_AN_OBJECT, line, null,
                    "expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return ParsedLine.valid(new JsonFields(node, line));
    }

    /** The first type problem met so far, or {@code null}. */
    ParsedLine.Problem problem() {
        return problem;
    }

    /** A string field; null when absent or JSON null. */
    String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            note(field, "must be a string, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        return value.textValue();
    }

    /** A whole, non-negative number, given as a JSON number or a string of digits; null when absent. */
    Long count(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            return null;
        }
        if (value.canConvertToExactIntegral() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        if (value.isTextual() && value.textValue().strip().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.textValue().strip());
        }
        note(field, "must be a whole number of at least 0, found " + value);
        return null;
    }

    private void note(String field, String reason) {
        if (problem == null) {
            problem = new ParsedLine.Problem(ParsedLine.Kind.INVALID_FIELD, line, field, reason);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * An ISO-8601 instant ({@code Z} or an offset), or a bare date read as midnight UTC; a
     * time without any zone is refused rather than guessed, since the wrong guess shifts the
     * event by hours.
     *
     * @throws DateTimeException when the value is neither
     */
    static Instant instant(String value) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            return null;
        }
        if (trimmed.length() == "2025-12-01".length()) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(trimmed).toInstant();
    }
}
