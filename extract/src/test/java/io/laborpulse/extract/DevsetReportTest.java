package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints how the engine reads the labelled development set of {@code ../shared/devset}: the
 * figures per language and every item it gets wrong. A report for tuning, not a gate: the
 * labels are one annotator's and 49 items are too few to pin scores on, so only the shape of
 * the result is asserted. Skipped, with a message, where the set is not beside the project.
 */
class DevsetReportTest {

    private static final Path DEVSET = Path.of(System.getProperty("laborpulse.shared.dir", "../../shared"),
            "devset", "articles.jsonl");

    @Test
    void shouldPrintTheScoresOnTheDevelopmentSet() throws IOException {
        assumeTrue(Files.exists(DEVSET), DEVSET + " is absent; skipping the development-set report");
        LaborExtractor extractor = LaborExtractor.loadDefault();
        ObjectMapper json = new ObjectMapper();
        List<Evaluation.Gold> gold = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (String line : Files.readAllLines(DEVSET)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = json.readTree(line);
            gold.add(gold(item));
            documents.add(new Document(item.get("id").asText(), text(item, "title"), item.get("text").asText(),
                    text(item, "url"), published(text(item, "published")), null, null));
        }
        Map<String, Extraction> predicted = new LinkedHashMap<>();
        documents.forEach(d -> predicted.put(d.id(), extractor.extract(d)));
        Map<String, String> eventDates = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DEVSET)) {
            if (!line.isBlank()) {
                JsonNode item = json.readTree(line);
                eventDates.put(item.get("id").asText(), text(item, "event_date"));
            }
        }

        StringBuilder report = new StringBuilder("\nDevelopment set (").append(gold.size()).append(" items)\n");
        for (Evaluation.Gold item : gold) {
            List<ExtractedEvent> events = predicted.get(item.id()).events();
            ExtractedEvent first = events.isEmpty() ? null : events.get(0);
            String gotType = first == null ? Evaluation.NONE : first.type().name();
            String gotRegion = first == null ? null : first.region();
            boolean typeOk = gotType.equals(item.type());
            boolean regionOk = item.region() == null || item.region().equals(gotRegion);
            if (!typeOk || !regionOk) {
                report.append(String.format(Locale.ROOT, "  miss %-11s want %-22s %-7s got %-22s %-7s (%d events)%n",
                        item.id(), item.type(), item.region(), gotType, gotRegion, events.size()));
            }
            Long gotParticipants = first == null ? null : first.participants();
            if (item.participants() != null && !item.participants().equals(gotParticipants)) {
                report.append(String.format(Locale.ROOT, "  participants %-11s want %s got %s%n",
                        item.id(), item.participants(), gotParticipants));
            }
        }
        int dated = 0;
        int datedRight = 0;
        for (Map.Entry<String, String> labelled : eventDates.entrySet()) {
            if (labelled.getValue() != null) {
                dated++;
                List<ExtractedEvent> events = predicted.get(labelled.getKey()).events();
                String got = events.isEmpty() || events.get(0).eventDate() == null ? null : events.get(0).eventDate().toString();
                if (labelled.getValue().equals(got)) {
                    datedRight++;
                } else {
                    report.append(String.format(Locale.ROOT, "  date %-11s want %s got %s%n", labelled.getKey(), labelled.getValue(), got));
                }
            }
        }
        report.append(String.format(Locale.ROOT, "  event dates right: %d of %d labelled%n", datedRight, dated));
        Evaluation.score(gold, predicted).forEach((lang, s) -> report.append(String.format(Locale.ROOT,
                "  %-3s items %2d  region %.2f of %2d  type macro-F1 %.2f  participants %.2f of %2d  round-up recall %.2f of %d%n",
                lang, s.items(), s.regionAccuracy(), s.regionItems(), s.typeMacroF1(), s.participantExactMatch(),
                s.participantItems(), s.roundUpRecall(), s.roundUpEvents())));

        // A rough throughput figure for the log; benchmarks, not this test, measure speed.
        int rounds = 40;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            documents.forEach(extractor::extract);
        }
        double perSecond = rounds * documents.size() / ((System.nanoTime() - start) / 1e9);
        report.append(String.format(Locale.ROOT, "  throughput ~%.0f articles/s on one thread%n", perSecond));
        System.out.print(report);

        assertThat(predicted).hasSameSizeAs(gold);
    }

    private static Evaluation.Gold gold(JsonNode item) {
        List<Evaluation.GoldEvent> events = new ArrayList<>();
        JsonNode list = item.get("events");
        if (list != null && list.isArray()) {
            list.forEach(e -> events.add(new Evaluation.GoldEvent(text(e, "region"), text(e, "event_type"))));
        }
        JsonNode participants = item.get("participants");
        return new Evaluation.Gold(item.get("id").asText(), item.get("lang").asText(), text(item, "region"),
                item.get("event_type").asText(), participants == null || participants.isNull() ? null : participants.asLong(),
                events);
    }

    private static Instant published(String date) {
        return date == null ? null : LocalDate.parse(date.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
