package io.laborpulse.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The Avro contracts as files: the current {@code .avsc} sources and their committed history.
 * Tests read them from disk (the module directory is the working directory under Maven) so they
 * see exactly what the build compiled.
 */
public final class Contracts {

    public static final Path SOURCES = Path.of("src/main/avro");
    public static final Path HISTORY = Path.of("history");
    /**
     * Named types the records use by name, parsed first and in this order, as the Avro Maven
     * plugin's {@code imports} do. Records do not refer to each other.
     */
    public static final List<String> SHARED_TYPES = List.of("EventType", "Precision", "TimeSource", "Actor", "Sector");

    private Contracts() {
    }

    /** Every current schema by simple name, all parsed by one parser: shared types first, then the rest by name. */
    public static Map<String, Schema> current() {
        List<String> order = new ArrayList<>(SHARED_TYPES);
        sourceNames().filter(name -> !SHARED_TYPES.contains(name)).forEach(order::add);
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String name : order) {
            schemas.put(name, parser.parse(read(SOURCES.resolve(name + ".avsc"))));
        }
        return schemas;
    }

    /** The current record schemas (not the enums) by simple name. */
    public static Map<String, Schema> currentRecords() {
        Map<String, Schema> records = new LinkedHashMap<>();
        current().forEach((name, schema) -> {
            if (schema.getType() == Schema.Type.RECORD) {
                records.put(name, schema);
            }
        });
        return records;
    }

    /**
     * The committed versions {@code history/<name>/vN.avsc}, oldest first. Each snapshot is
     * self-contained (the enums it uses written out inline, as a producer registers it), so it
     * parses alone and keeps meaning what it meant when it was written.
     */
    public static List<Schema> history(String name) {
        return historyFiles(name).stream().map(file -> new Schema.Parser().parse(read(file))).toList();
    }

    public static List<Path> historyFiles(String name) {
        Path dir = HISTORY.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(Contracts::versionOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Directory names under {@code history/}. */
    public static List<String> historyNames() {
        try (Stream<Path> dirs = Files.list(HISTORY)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int versionOf(Path snapshot) {
        String file = snapshot.getFileName().toString();
        return Integer.parseInt(file.substring(1, file.length() - ".avsc".length()));
    }

    private static Stream<String> sourceNames() {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".avsc"))
                    .map(f -> f.substring(0, f.length() - ".avsc".length()))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
