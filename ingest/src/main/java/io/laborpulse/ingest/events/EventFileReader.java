package io.laborpulse.ingest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.JsonLinesReplay;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads structured event files, CSV with a header row or JSON lines, into lines of canonical
 * reported-event JSON for an {@link IngestPublisher} of {@code REPORTED_EVENTS}, through an
 * {@link EventFileMapping}. A row that cannot even be read as a row (a JSON line that is not
 * JSON, a CSV record broken by a stray quote) is passed on as it came, so the publisher
 * dead-letters it with its line number instead of the file stopping there.
 */
public final class EventFileReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
            .build();

    private EventFileReader() {
    }

    /**
     * Publishes every event file of {@code fileOrFolder} through {@code replay} (whose publisher
     * must be one of {@code REPORTED_EVENTS}), file by file, with its batching and progress lines.
     */
    public static IngestPublisher.Summary publishAll(Path fileOrFolder, EventFileMapping mapping, JsonLinesReplay replay) {
        IngestPublisher.Summary total = IngestPublisher.Summary.none();
        List<Path> files = filesOf(fileOrFolder);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No .csv or .jsonl event files in " + fileOrFolder);
        }
        for (Path file : files) {
            total = total.plus(replay.replay(file.toString(), read(file, mapping).iterator()));
        }
        return total;
    }

    /** The {@code .csv} and {@code .jsonl} files of a folder in name order, or the one file given. */
    public static List<Path> filesOf(Path fileOrFolder) {
        if (Files.isRegularFile(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        if (!Files.isDirectory(fileOrFolder)) {
            throw new IllegalArgumentException("No such file or folder: " + fileOrFolder);
        }
        try (Stream<Path> children = Files.list(fileOrFolder)) {
            return children.filter(Files::isRegularFile).filter(EventFileReader::isEventFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + fileOrFolder, e);
        }
    }

    private static boolean isEventFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".jsonl");
    }

    /**
     * Every row of {@code file} as a line named after the file, numbered by the line it starts on:
     * CSV when the name ends in {@code .csv}, JSON lines otherwise. The file is read whole: the
     * exports of trackers and forms are thousands of rows, not millions.
     */
    public static List<IngestPublisher.Line> read(Path file, EventFileMapping mapping) {
        String name = file.getFileName().toString();
        try {
            return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(name, file, mapping) : readJsonLines(name, file, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<IngestPublisher.Line> readJsonLines(String name, Path file, EventFileMapping mapping) throws IOException {
        List<IngestPublisher.Line> lines = new ArrayList<>();
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank()) {
                continue;
            }
            lines.add(new IngestPublisher.Line(name, i + 1, mapped(line, mapping)));
        }
        return lines;
    }

    /** The mapped object's bytes, or the line as it was when it is not a JSON object. */
    private static byte[] mapped(String line, EventFileMapping mapping) throws JsonProcessingException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return line.getBytes(StandardCharsets.UTF_8);
        }
        if (node == null || !node.isObject()) {
            return line.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> row = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                row.put(e.getKey(), e.getValue().asText());
            }
        });
        return JSON.writeValueAsBytes(mapping.apply(row));
    }

    private static List<IngestPublisher.Line> readCsv(String name, Path file, EventFileMapping mapping) throws IOException {
        List<IngestPublisher.Line> lines = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(mapping.delimiter());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema).readValues(reader)) {
            while (true) {
                long lineNumber = rows.getCurrentLocation() == null ? 0 : rows.getCurrentLocation().getLineNr();
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    lineNumber = rows.getCurrentLocation().getLineNr();
                    Map<String, String> row = rows.nextValue();
                    lines.add(new IngestPublisher.Line(name, lineNumber, JSON.writeValueAsBytes(mapping.apply(stripBom(row)))));
                } catch (IOException | RuntimeException e) {
                    // The row cannot be read as columns: publish what is known of it, to be dead-lettered.
                    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                    lines.add(new IngestPublisher.Line(name, lineNumber,
                            ("unreadable CSV row: " + reason).getBytes(StandardCharsets.UTF_8)));
                    break; // the parser's position is lost past a broken record
                }
            }
        }
        return lines;
    }

    /** A UTF-8 byte order mark sticks to the first header name; take it off. */
    private static Map<String, String> stripBom(Map<String, String> row) {
        Map<String, String> clean = new LinkedHashMap<>();
        row.forEach((k, v) -> clean.put(k.startsWith("\ufeff") ? k.substring(1) : k, v));
        return clean;
    }
}
