package io.laborpulse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract can evolve only compatibly. Each schema's committed versions live in
 * {@code schemas/history/<Name>/vN.avsc}; the newest must equal the current schema (so a change
 * is always snapshotted), and the current schema must read data written with every earlier
 * version (backward) while the newest earlier version reads current data (forward).
 */
class SchemaEvolutionTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path HISTORY = Path.of("history");
    /** Named types other schemas use: parsed first, in this order. */
    private static final List<String> SHARED = List.of("EventType", "Precision", "TimeSource");

    static Stream<String> contracts() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            return files.map(p -> p.getFileName().toString().replace(".avsc", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldHaveTheCurrentSchemaSnapshottedAsItsNewestVersion(String name) throws IOException {
        List<Path> versions = versions(name);

        assertThat(versions).as("history of %s", name).isNotEmpty();
        assertThat(parse(versions.get(versions.size() - 1)))
                .as("%s changed without a new history/%s/vN.avsc", name, name)
                .isEqualTo(parse(CURRENT.resolve(name + ".avsc")));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldReadEveryEarlierVersionAndBeReadByTheLatestOne(String name) throws IOException {
        Schema current = parse(CURRENT.resolve(name + ".avsc"));
        List<Path> versions = versions(name);

        for (Path version : versions) {
            assertThat(compatible(current, parse(version))).as("%s reads data written with %s", name, version).isTrue();
        }
        assertThat(compatible(parse(versions.get(versions.size() - 1)), current)).isTrue();
    }

    @Test
    void shouldCatchANewRequiredFieldWithoutDefault() throws IOException {
        Schema current = parse(CURRENT.resolve("Article.avsc"));
        String json = current.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"region\",\"type\":\"string\"},");

        assertThat(compatible(new Schema.Parser().parse(json), current)).isFalse();
    }

    private static boolean compatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType() == SchemaCompatibilityType.COMPATIBLE;
    }

    private static List<Path> versions(String name) throws IOException {
        Path dir = HISTORY.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
    }

    /** Parses with the shared enums known, as the Avro Maven plugin does with its imports. */
    private static Schema parse(Path file) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        String name = file.getFileName().toString();
        List<Path> shared = new ArrayList<>();
        for (String type : SHARED) {
            Path path = file.getParent().equals(CURRENT) ? CURRENT.resolve(type + ".avsc") : latest(type);
            if (!file.toString().contains(type)) {
                shared.add(path);
            }
        }
        for (Path path : shared) {
            parser.parse(Files.readString(path));
        }
        Schema schema = parser.parse(Files.readString(file));
        assertThat(schema.getName()).isNotBlank().as(name);
        return schema;
    }

    private static Path latest(String type) throws IOException {
        List<Path> versions = versions(type);
        return versions.get(versions.size() - 1);
    }
}
