package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five real articles of {@code ../shared/samples} read as their README says. Skipped, with
 * a message, where that folder is not beside the project.
 */
class SharedSamplesTest {

    private static final Path SAMPLES = Path.of(System.getProperty("laborpulse.shared.dir", "../../shared"), "samples");
    private static LaborExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = LaborExtractor.loadDefault();
    }

    @Test
    void shouldPlaceTheIsfahanWorkersHouseMeetingsInIsfahan() throws IOException {
        ExtractedEvent event = single("000_c36c2ec61a39f467.txt", "2025-09-10T08:00:00Z");

        assertThat(event.region()).isEqualTo("IR-10");
        assertThat(event.type()).isEqualTo(EventType.NEGOTIATION_MEETING);
    }

    @Test
    void shouldPlacePakdashtInTehranProvinceAtCountyPrecision() throws IOException {
        ExtractedEvent event = single("001_43f58eb63423176b.txt", "2025-09-01T08:00:00Z");

        assertThat(event.region()).isEqualTo("IR-23");
        assertThat(event.place()).isEqualTo("پاکدشت");
        assertThat(event.precision()).isEqualTo(Precision.CITY);
        assertThat(event.type()).isEqualTo(EventType.NEGOTIATION_MEETING);
    }

    @Test
    void shouldPlaceBorujerdInLorestanDespiteTheMentionOfAfghanistan() throws IOException {
        ExtractedEvent event = single("002_77d44c5832032817.txt", "2025-09-07T08:00:00Z");

        assertThat(event.region()).isEqualTo("IR-15");
        assertThat(event.place()).isEqualTo("بروجرد");
        assertThat(event.types()).contains(EventType.INSPECTION_ENFORCEMENT, EventType.COOPERATIVE_ECONOMY);
    }

    @Test
    void shouldPlaceTheLahijanGuildInspectionsInGilan() throws IOException {
        ExtractedEvent event = single("003_ca5620f4be5bc634.txt", "2025-09-01T08:00:00Z");

        assertThat(event.region()).isEqualTo("IR-01");
        assertThat(event.type()).isEqualTo(EventType.INSPECTION_ENFORCEMENT);
    }

    @Test
    void shouldReadTheGansuRoundUpAsEightEventsInEightPlaces() throws IOException {
        Extraction extraction = read("004_b552fffa6dfb78a9.txt", "2024-12-10T08:00:00Z");

        assertThat(extraction.lang()).isEqualTo("zh");
        assertThat(extraction.events()).hasSize(8);
        assertThat(extraction.events()).allSatisfy(e -> assertThat(e.region()).isEqualTo("CN-GS"));
        assertThat(extraction.events()).extracting(ExtractedEvent::place).containsExactly(
                "陇西县", "白银市", "金昌市", "临夏", "天水市", "兰州城关区", "古浪县", "陇西县");
        assertThat(extraction.events()).extracting(ExtractedEvent::participants).containsExactly(
                700L, 1425L, 500L, null, 260L, 57L, null, 102L);
        assertThat(extraction.events().get(2).type()).isEqualTo(EventType.EMPLOYMENT_SERVICE);
        assertThat(extraction.events()).filteredOn(e -> e != extraction.events().get(2))
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.WELFARE_SERVICE));
        assertThat(extraction.events().get(0).eventDate()).hasToString("2024-12-03");
        assertThat(extraction.events().get(4).eventDate()).hasToString("2024-11-11");
    }

    private ExtractedEvent single(String file, String published) throws IOException {
        List<ExtractedEvent> events = read(file, published).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private Extraction read(String file, String published) throws IOException {
        Path path = SAMPLES.resolve(file);
        assumeTrue(Files.exists(path), "../shared/samples is not beside the project; skipping " + file);
        String text = Files.readString(path);
        return extractor.extract(new Document(file, null, text, null, Instant.parse(published), null, null));
    }
}
