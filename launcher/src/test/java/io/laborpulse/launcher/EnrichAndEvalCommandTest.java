package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.extract.Evaluation;
import io.laborpulse.extract.LaborExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnrichAndEvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LaborExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = LaborExtractor.loadDefault();
    }

    @Test
    void shouldPrintOneLineOfEventsPerArticle() throws Exception {
        JsonNode out = JSON.readTree(EnrichCommand.enrich(extractor,
                "{\"id\":\"a1\",\"title\":\"اعتصاب رانندگان اتوبوس در تهران\",\"text\":\"رانندگان اتوبوس تهران دست از کار کشیدند.\",\"published\":\"2025-12-01\"}"));

        assertThat(out.get("id").asText()).isEqualTo("a1");
        assertThat(out.get("lang").asText()).isEqualTo("fa");
        JsonNode event = out.get("events").get(0);
        assertThat(event.get("region").asText()).isEqualTo("IR-23");
        assertThat(event.get("eventType").asText()).isEqualTo("STRIKE");
        assertThat(event.get("precision").asText()).isEqualTo("CITY");
        assertThat(event.has("confidence")).isTrue();
    }

    @Test
    void shouldAnswerAnUnreadableLineWithAnErrorLine() throws Exception {
        assertThat(JSON.readTree(EnrichCommand.enrich(extractor, "{oops")).get("error").asText()).startsWith("not valid JSON");
        JsonNode missing = JSON.readTree(EnrichCommand.enrich(extractor, "{\"id\":\"b\",\"published\":\"2025-12-01\"}"));
        assertThat(missing.get("id").asText()).isEqualTo("b");
        assertThat(missing.get("error").asText()).contains("'text'");
        assertThat(JSON.readTree(EnrichCommand.enrich(extractor, "{\"text\":\"工会\",\"published\":\"soon\"}")).get("error").asText())
                .contains("'published'");
    }

    @Test
    void shouldReadLabelsInTheDevsetFormatIncludingRoundUps() throws Exception {
        Evaluation.Gold gold = EvalCommand.gold(JSON.readTree("""
                {"id":"dev-zh-011","lang":"zh","region":"CN-HB","event_type":"WAGE_ARREARS","participants":null,
                 "events":[{"region":"CN-HB","event_type":"WAGE_ARREARS"},{"region":"CN-GS","event_type":"WAGE_ARREARS"}]}
                """));

        assertThat(gold).isEqualTo(new Evaluation.Gold("dev-zh-011", "zh", "CN-HB", "WAGE_ARREARS", null, java.util.List.of(
                new Evaluation.GoldEvent("CN-HB", "WAGE_ARREARS"), new Evaluation.GoldEvent("CN-GS", "WAGE_ARREARS"))));
    }
}
