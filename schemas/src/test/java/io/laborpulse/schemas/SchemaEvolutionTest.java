package io.laborpulse.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record contract evolves only compatibly, in both directions, with every version ever
 * committed (Confluent's FULL_TRANSITIVE): consumers on the new schema read old data, and
 * consumers still on an old schema read new data. The rule that passes: add only optional fields
 * with defaults. Each version lives in {@code history/<Name>/vN.avsc}; the newest must equal the
 * current schema, so no change to a contract goes unsnapshotted.
 *
 * <p>The last tests feed the same checks deliberately bad variants, to show they can fail.
 */
class SchemaEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Field names no contract will ever use, so the bad variants stay buildable as contracts grow. */
    private static final String OPTIONAL_PROBE = "{\"name\":\"evolutionProbeOptional\",\"type\":[\"null\",\"string\"],\"default\":null}";
    private static final String REQUIRED_PROBE = "{\"name\":\"evolutionProbeRequired\",\"type\":\"string\"}";

    static Stream<String> records() {
        return Contracts.currentRecords().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldHaveTheCurrentSchemaAsItsNewestSnapshot(String name) {
        Schema current = Contracts.currentRecords().get(name);

        assertThat(snapshotProblem(name, Contracts.history(name), current)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldReadEverySnapshotAndBeReadableByEverySnapshot(String name) {
        Schema current = Contracts.currentRecords().get(name);

        assertThat(compatibilityProblems(Contracts.history(name), current)).isEmpty();
    }

    @Test
    void shouldKeepHistoryOnlyForCurrentRecords() {
        assertThat(Contracts.historyNames()).containsExactlyInAnyOrderElementsOf(Contracts.currentRecords().keySet());
    }

    @Test
    void shouldRejectANewRequiredFieldWithoutDefault() throws IOException {
        Schema article = Contracts.currentRecords().get("Article");
        Schema changed = withField(article, REQUIRED_PROBE);

        assertThat(compatibilityProblems(List.of(article), changed))
                .singleElement().asString().contains("current cannot read v1").contains("evolutionProbeRequired");
    }

    @Test
    void shouldRejectDroppingAFieldOldReadersNeed() throws IOException {
        Schema article = Contracts.currentRecords().get("Article");
        Schema changed = withoutField(article, "text");

        assertThat(compatibilityProblems(List.of(article), changed))
                .singleElement().asString().contains("v1 cannot read current").contains("text");
    }

    @Test
    void shouldRejectAChangedContractWithoutANewSnapshot() throws IOException {
        Schema article = Contracts.currentRecords().get("Article");
        Schema changed = withField(article, OPTIONAL_PROBE);

        assertThat(snapshotProblem("Article", List.of(article), changed)).hasValueSatisfying(
                problem -> assertThat(problem).contains("history/Article/v2.avsc").contains("\"evolutionProbeOptional\""));
    }

    @Test
    void shouldAcceptAnOptionalFieldWithDefaultOnceSnapshotted() throws IOException {
        Schema article = Contracts.currentRecords().get("Article");
        Schema changed = withField(article, OPTIONAL_PROBE);

        assertThat(snapshotProblem("Article", List.of(article, changed), changed)).isEmpty();
        assertThat(compatibilityProblems(List.of(article, changed), changed)).isEmpty();
    }

    /** Empty when the newest snapshot is the current schema; else what to commit. */
    static Optional<String> snapshotProblem(String name, List<Schema> history, Schema current) {
        String next = "history/" + name + "/v" + (history.size() + 1) + ".avsc";
        if (history.isEmpty()) {
            return Optional.of(name + " has no history: commit " + next + " with\n" + SchemaFormatter.format("json/pretty", current));
        }
        Schema newest = history.get(history.size() - 1);
        // Parsing form alone would miss defaults and logical types, which readers depend on;
        // Avro's equals covers them and ignores docs, so a doc edit needs no snapshot.
        boolean same = SchemaNormalization.toParsingForm(newest).equals(SchemaNormalization.toParsingForm(current))
                && newest.equals(current);
        return same ? Optional.empty() : Optional.of(name + " differs from its newest snapshot v" + history.size()
                + ": if the change is compatible, commit " + next + " with\n" + SchemaFormatter.format("json/pretty", current));
    }

    /** Both directions against every snapshot; each problem names the direction and Avro's reasons. */
    static List<String> compatibilityProblems(List<Schema> history, Schema current) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            String version = "v" + (i + 1);
            reasons(current, history.get(i)).ifPresent(r -> problems.add("current cannot read " + version + ": " + r));
            reasons(history.get(i), current).ifPresent(r -> problems.add(version + " cannot read current: " + r));
        }
        return problems;
    }

    private static Optional<String> reasons(Schema reader, Schema writer) {
        List<String> found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities().stream()
                .map(i -> i.getType() + " " + i.getMessage() + " at " + i.getLocation())
                .toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", found));
    }

    private static Schema withField(Schema record, String fieldJson) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(record.toString());
        ((ArrayNode) json.get("fields")).add(JSON.readTree(fieldJson));
        return new Schema.Parser().parse(json.toString());
    }

    private static Schema withoutField(Schema record, String field) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(record.toString());
        ArrayNode fields = (ArrayNode) json.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(field)) {
                fields.remove(i);
                break;
            }
        }
        return new Schema.Parser().parse(json.toString());
    }
}
