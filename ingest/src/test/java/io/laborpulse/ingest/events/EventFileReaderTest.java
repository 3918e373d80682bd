package io.laborpulse.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestLedger;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path trackerMapping() throws Exception {
        return write("tracker.mapping.json", """
                {"source": "strike-tracker", "delimiter": ";", "dateFormat": "dd/MM/yyyy",
                 "columns": {"id": "Event ID", "date": "Date", "country": "Country", "region": "Province",
                             "place": "Town", "type": "Action", "participants": "Workers", "description": "Notes"}}
                """);
    }

    private static JsonNode json(IngestPublisher.Line line) throws Exception {
        return JSON.readTree(line.bytes());
    }

    @Test
    void shouldMapTheColumnsOfACsvExportToReportedEventFields() throws Exception {
        Path csv = write("tracker.csv", "\ufeffEvent ID;Date;Country;Province;Town;Action;Workers;Notes\n"
                + "T-1;30/11/2025;Iran;Khuzestan;Shush;Strike;1,200;\"Haft Tappeh; sugar cane\"\n"
                + "T-2;01/12/2025;IR;;Ahvaz;Gathering;;\"two\nlines\"\n");

        List<IngestPublisher.Line> lines = EventFileReader.read(csv, EventFileMapping.load(trackerMapping(), "tracker"));

        assertThat(lines).hasSize(2);
        JsonNode first = json(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("T-1");
        assertThat(first.get("date").asText()).isEqualTo("2025-11-30");
        assertThat(first.get("participants").asText()).isEqualTo("1200");
        assertThat(first.get("region").asText()).isEqualTo("Khuzestan");
        assertThat(first.get("description").asText()).isEqualTo("Haft Tappeh; sugar cane");
        assertThat(first.get("source").asText()).isEqualTo("strike-tracker");
        assertThat(lines.get(0).source()).isEqualTo("tracker.csv");
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(json(lines.get(1)).has("region")).isFalse();
        assertThat(json(lines.get(1)).get("description").asText()).isEqualTo("two\nlines");
        assertThat(lines.get(1).number()).isEqualTo(3);
    }

    @Test
    void shouldReadJsonLinesInTheCanonicalShapeWithoutAMapping() throws Exception {
        Path jsonl = write("form.jsonl", "{\"type\":\"protest\",\"country\":\"EG\",\"place\":\"Mahalla\",\"participants\":300}\n\n"
                + "not json\n");

        List<IngestPublisher.Line> lines = EventFileReader.read(jsonl, EventFileMapping.identity("form"));

        assertThat(lines).hasSize(2);
        assertThat(json(lines.get(0)).get("participants").asText()).isEqualTo("300");
        assertThat(json(lines.get(0)).get("source").asText()).isEqualTo("form");
        assertThat(new String(lines.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(lines.get(1).number()).isEqualTo(3);
    }

    @Test
    void shouldPublishGoodRowsAndDeadLetterBadOnesNamingTheField() throws Exception {
        Path csv = write("tracker.csv", "Event ID;Date;Country;Province;Town;Action;Workers;Notes\n"
                + "T-1;30/11/2025;Iran;Khuzestan;Shush;Strike;1200;\n"
                + "T-2;31/11/2025;Iran;Khuzestan;Shush;Strike;;\n"
                + "T-3;01/12/2025;Iran;;;;40;\n");
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        IngestPublisher<ReportedEvent> publisher = new IngestPublisher<>(IngestFormat.REPORTED_EVENTS, producer,
                new ConfluentAvroSerializer<ReportedEvent>(new InMemorySchemaRegistryClient(), false), IngestLedger.inMemory(),
                Clock.fixed(Instant.parse("2025-12-02T00:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());

        IngestPublisher.Summary summary = publisher.publish(EventFileReader.read(csv, EventFileMapping.load(trackerMapping(), "t")));

        assertThat(summary).isEqualTo(new IngestPublisher.Summary(3, 1, 0, 2));
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(Topics.DEAD_LETTERS.name()))
                .extracting(r -> new String(r.headers().lastHeader(IngestPublisher.HEADER_ERROR_FIELD).value(), StandardCharsets.UTF_8))
                .containsExactly("date", "type");
    }

    @Test
    void shouldRefuseAMappingThatNamesAnUnknownField() throws Exception {
        Path mapping = write("bad.json", "{\"columns\": {\"town\": \"Town\"}}");

        assertThatThrownBy(() -> EventFileMapping.load(mapping, "x"))
                .hasMessageContaining("unknown field 'town'").hasMessageContaining(mapping.toString());
    }

    @Test
    void shouldListEventFilesOfAFolderInNameOrder() throws Exception {
        write("b.csv", "type\n");
        write("a.jsonl", "{}\n");
        write("notes.txt", "x");

        assertThat(EventFileReader.filesOf(dir)).extracting(p -> p.getFileName().toString()).containsExactly("a.jsonl", "b.csv");
    }
}
