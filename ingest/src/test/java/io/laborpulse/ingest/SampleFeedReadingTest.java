package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.extract.Document;
import io.laborpulse.extract.EventType;
import io.laborpulse.extract.ExtractedEvent;
import io.laborpulse.extract.LaborExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled demo feed reads as written: this table pins the per-region counts that standalone
 * mode shows and that {@code StandaloneIT} expects.
 */
class SampleFeedReadingTest {

    private static LaborExtractor extractor;
    private static Map<String, JsonNode> feed;

    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("demo-fa-01", List.of("IR-10"), List.of(EventType.PROTEST)),
                Arguments.of("demo-fa-02", List.of("IR-23"), List.of(EventType.STRIKE)),
                Arguments.of("demo-fa-03", List.of("IR-06"), List.of(EventType.INSPECTION_ENFORCEMENT)),
                Arguments.of("demo-fa-04", List.of("IR-08"), List.of(EventType.ACCIDENT_SAFETY)),
                Arguments.of("demo-fa-05", List.of("IR-03"), List.of(EventType.COOPERATIVE_ECONOMY)),
                Arguments.of("demo-zh-01", List.of("CN-GD", "CN-GD", "CN-GD"),
                        List.of(EventType.WELFARE_SERVICE, EventType.EMPLOYMENT_SERVICE, EventType.TRAINING)),
                Arguments.of("demo-zh-02", List.of("CN-FJ"), List.of(EventType.WELFARE_SERVICE)),
                Arguments.of("demo-zh-03", List.of("CN-SC"), List.of(EventType.WAGE_ARREARS)),
                Arguments.of("demo-zh-04", List.of("CN-HB"), List.of(EventType.ACCIDENT_SAFETY)),
                Arguments.of("demo-zh-05", List.of("CN-SD"), List.of(EventType.NEGOTIATION_MEETING)),
                Arguments.of("demo-en-01", List.of("BD-C"), List.of(EventType.PROTEST)),
                Arguments.of("demo-en-02", List.of("US-OH"), List.of(EventType.NEGOTIATION_MEETING)),
                Arguments.of("demo-en-03", List.of("US-TX"), List.of(EventType.ACCIDENT_SAFETY)),
                Arguments.of("demo-ar-01", List.of("EG-GH"), List.of(EventType.STRIKE)),
                Arguments.of("demo-ar-02", List.of("EG-C"), List.of(EventType.EMPLOYMENT_SERVICE)),
                Arguments.of("demo-ar-03", List.of("SA-02"), List.of(EventType.ACCIDENT_SAFETY)));
    }

    @BeforeAll
    static void load() throws IOException {
        extractor = LaborExtractor.loadDefault();
        feed = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SampleFeedReadingTest.class.getResourceAsStream(JsonLinesReplay.SAMPLE_FEED), StandardCharsets.UTF_8))) {
            reader.lines().map(line -> {
                try {
                    return json.readTree(line);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).forEach(node -> feed.put(node.get("id").asText(), node));
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("expectations")
    void shouldReadEachDemoItemAsWritten(String id, List<String> regions, List<EventType> types) {
        JsonNode item = feed.get(id);
        List<ExtractedEvent> events = extractor.extract(new Document(id, item.get("title").asText(), item.get("text").asText(),
                item.get("url").asText(), Instant.parse(item.get("published").asText()), item.get("lang").asText(), null)).events();

        assertThat(events).extracting(ExtractedEvent::region).containsExactlyElementsOf(regions);
        assertThat(events).extracting(ExtractedEvent::type).containsExactlyElementsOf(types);
    }

    @org.junit.jupiter.api.Test
    void shouldCoverEveryItemOfTheFeed() {
        assertThat(expectations().map(a -> a.get()[0])).containsExactlyInAnyOrderElementsOf(feed.keySet());
    }
}
