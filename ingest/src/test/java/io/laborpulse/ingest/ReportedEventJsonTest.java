package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.ReportedEvent;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportedEventJsonTest {

    private static final Instant NOW = Instant.parse("2025-12-01T09:00:00Z");

    private static ParsedLine<ReportedEvent> parse(String json) {
        return ReportedEventJson.parse(json, 3, "tracker-file", NOW);
    }

    @Test
    void shouldReadEveryField() {
        ReportedEvent event = parse("""
                {"id":"a1","source":"acled-like","type":"Protest with intervention","country":"EG","region":"EG-GH",
                 "place":"El Mahalla El Kubra","date":"2025-11-28","participants":1200,"description":"textile workers",
                 "url":"https://t.example/e/a1?utm_source=x"}
                """.replace("\n", "")).value();

        assertThat(event.getId()).isEqualTo("a1");
        assertThat(event.getSource()).isEqualTo("acled-like");
        assertThat(event.getEventType()).isEqualTo("Protest with intervention");
        assertThat(event.getRegion()).isEqualTo("EG-GH");
        assertThat(event.getEventDate()).isEqualTo(LocalDate.parse("2025-11-28"));
        assertThat(event.getParticipants()).isEqualTo(1200L);
        assertThat(event.getUrl()).isEqualTo("https://t.example/e/a1");
        assertThat(event.getReportedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldGiveTheSameRowTheSameIdWhenItHasNone() {
        String row = "{\"type\":\"strike\",\"country\":\"Iran\",\"place\":\"Shush\",\"date\":\"2025-11-30\"}";

        assertThat(parse(row).value().getId()).isEqualTo(parse(row).value().getId()).hasSize(16);
        assertThat(parse(row).value().getId())
                .isNotEqualTo(parse(row.replace("Shush", "Ahvaz")).value().getId());
        assertThat(parse(row).value().getSource()).isEqualTo("tracker-file");
    }

    @Test
    void shouldTakeTheDateOfAnInstant() {
        assertThat(parse("{\"type\":\"strike\",\"place\":\"Shush\",\"date\":\"2025-11-30T22:00:00+03:30\"}").value().getEventDate())
                .isEqualTo(LocalDate.parse("2025-11-30"));
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        assertThat(parse("{\"place\":\"Shush\"}").problem().field()).isEqualTo("type");
        assertThat(parse("{\"type\":\"strike\"}").problem().field()).isEqualTo("place");
        assertThat(parse("{\"type\":\"strike\",\"place\":\"Shush\",\"date\":\"30/11/2025\"}").error())
                .isEqualTo("line 3, field 'date': is not an ISO-8601 date (2025-12-01) or instant: \"30/11/2025\"");
        assertThat(parse("{\"type\":\"strike\",\"place\":\"Shush\",\"participants\":\"about 300\"}").problem().field())
                .isEqualTo("participants");
        assertThat(parse("{\"type\":\"strike\",\"place\":\"Shush\",\"participants\":-4}").problem().kind())
                .isEqualTo(ParsedLine.Kind.INVALID_FIELD);
        assertThat(parse("[1]").problem().kind()).isEqualTo(ParsedLine.Kind.NOT_AN_OBJECT);
    }

    @Test
    void shouldKeepLedgerKeysApartAcrossSources() {
        ReportedEvent a = parse("{\"id\":\"7\",\"source\":\"a\",\"type\":\"strike\",\"place\":\"Shush\"}").value();
        ReportedEvent b = parse("{\"id\":\"7\",\"source\":\"b\",\"type\":\"strike\",\"place\":\"Shush\"}").value();

        assertThat(ReportedEventJson.ledgerKey(a)).isEqualTo("event:a:7").isNotEqualTo(ReportedEventJson.ledgerKey(b));
    }
}
