package io.laborpulse.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.laborpulse.ingest.ReportedEventJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the columns of a tracker's or a form's export become a reported event: which column holds
 * each of the fields {@link ReportedEventJson} reads, the date pattern, and the source name.
 * Kept in a JSON file beside the export, for example:
 *
 * <pre>{@code
 * {"source": "strike-tracker", "delimiter": ";", "dateFormat": "dd/MM/yyyy",
 *  "columns": {"id": "Event ID", "date": "Date", "country": "Country", "region": "Province",
 *              "place": "Town", "type": "Action", "participants": "Workers", "url": "Link"}}
 * }</pre>
 *
 * Unmapped fields are read from a column of their own name, so a file already in the canonical
 * shape needs no mapping at all. Pure once loaded: {@link #apply} turns one row into the
 * canonical JSON object, and leaves what it cannot convert as it was, for the reader to refuse
 * with the field named.
 *
 * @param source     the source name of every row (a row's own {@code source} column wins)
 * @param columns    canonical field name to column name
 * @param dateFormat a {@link DateTimeFormatter} pattern for the date column; {@code null} for ISO-8601
 * @param delimiter  the CSV column separator
 */
public record EventFileMapping(String source, Map<String, String> columns, String dateFormat, char delimiter) {

    /** The fields a mapping may name. */
    public static final List<String> FIELDS = List.of(ReportedEventJson.ID, ReportedEventJson.SOURCE, ReportedEventJson.TYPE,
            ReportedEventJson.COUNTRY, ReportedEventJson.REGION, ReportedEventJson.PLACE, ReportedEventJson.DATE,
            ReportedEventJson.PARTICIPANTS, ReportedEventJson.DESCRIPTION, ReportedEventJson.URL);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Thousands separators people type into a count: 1,200 / 1 200 / 1.200 / 1'200. */
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}([,. '\u00a0\u202f][0-9]{3})+");

    public EventFileMapping {
        columns = Map.copyOf(columns);
        for (String field : columns.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "' in the column mapping; fields are " + FIELDS);
            }
        }
        if (dateFormat != null) {
            formatter(dateFormat); // refuse a bad pattern when loading, not per row
        }
    }

    /** Canonical column names, ISO dates, comma-separated; {@code source} is the file's name. */
    public static EventFileMapping identity(String source) {
        return new EventFileMapping(source, Map.of(), null, ',');
    }

    /** Reads a mapping file; its {@code source} defaults to {@code defaultSource}. */
    public static EventFileMapping load(Path file, String defaultSource) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the column mapping " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The column mapping " + file + " must be a JSON object");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        root.path("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), e.getValue().asText()));
        String delimiter = root.path("delimiter").asText(",");
        if (delimiter.length() != 1 && !delimiter.equals("\\t")) {
            throw new IllegalArgumentException("The column mapping's delimiter must be one character, got '" + delimiter + "'");
        }
        try {
            return new EventFileMapping(root.path("source").asText(defaultSource), columns,
                    root.hasNonNull("dateFormat") ? root.get("dateFormat").asText() : null,
                    delimiter.equals("\\t") ? '\t' : delimiter.charAt(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The column mapping " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The column a field is read from. */
    public String column(String field) {
        return columns.getOrDefault(field, field);
    }

    /** One row (column name to value) as the canonical JSON object {@link ReportedEventJson} reads. */
    public ObjectNode apply(Map<String, String> row) {
        Objects.requireNonNull(row, "row");
        ObjectNode out = JSON.createObjectNode();
        for (String field : FIELDS) {
            String value = row.get(column(field));
            if (value == null || value.isBlank()) {
                continue;
            }
            String trimmed = value.strip();
            if (field.equals(ReportedEventJson.DATE)) {
                trimmed = isoDate(trimmed);
            } else if (field.equals(ReportedEventJson.PARTICIPANTS) && GROUPED.matcher(trimmed).matches()) {
                trimmed = trimmed.replaceAll("[^0-9]", "");
            }
            out.put(field, trimmed);
        }
        if (!out.has(ReportedEventJson.SOURCE)) {
            out.put(ReportedEventJson.SOURCE, source);
        }
        return out;
    }

    /** Strict, so 31/11 is refused rather than read as 30/11; {@code yyyy} means the current era. */
    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private String isoDate(String value) {
        if (dateFormat == null) {
            return value;
        }
        try {
            return LocalDate.parse(value, formatter(dateFormat)).toString();
        } catch (DateTimeParseException e) {
            return value; // refused by the reader, with the field named
        }
    }
}
