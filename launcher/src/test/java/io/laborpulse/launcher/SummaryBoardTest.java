package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.TimeSource;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SummaryBoardTest {

    private static final Instant NOON = Instant.parse("2025-12-01T12:00:00Z");

    @Test
    void shouldRankRegionsAndTypesByCount() {
        SummaryBoard board = new SummaryBoard();
        board.articleSeen();
        board.articleSeen();
        board.eventSeen("CN-GS", event(EventType.WELFARE_SERVICE, "Gansu"));
        board.eventSeen("CN-GS", event(EventType.EMPLOYMENT_SERVICE, "Gansu"));
        board.eventSeen("IR-10", event(EventType.WELFARE_SERVICE, "Isfahan"));
        board.deadLetterSeen();

        String rendered = board.render(NOON, ZoneOffset.UTC);

        assertThat(rendered).contains("12:00:00", "articles in 2", "events out 3", "dead letters 1");
        assertThat(rendered.indexOf("CN-GS Gansu")).isLessThan(rendered.indexOf("IR-10 Isfahan"));
        assertThat(rendered).containsPattern("CN-GS Gansu\\s+2\\s+WELFARE_SERVICE\\s+2");
    }

    @Test
    void shouldReportTheEventRateSinceThePreviousRender() {
        SummaryBoard board = new SummaryBoard();
        board.render(NOON, ZoneOffset.UTC);
        for (int i = 0; i < 10; i++) {
            board.eventSeen("IR-23", event(EventType.PROTEST, "Tehran"));
        }

        assertThat(board.render(NOON.plusSeconds(5), ZoneOffset.UTC)).contains("2.0 events/s");
    }

    @Test
    void shouldSayWhenThereAreNoEventsYet() {
        assertThat(new SummaryBoard().render(NOON, ZoneOffset.UTC)).contains("(no events yet)");
    }

    private static LaborEvent event(EventType type, String regionName) {
        return LaborEvent.newBuilder()
                .setId("e")
                .setEventType(type)
                .setRegionName(regionName)
                .setPrecision(Precision.REGION)
                .setEventTime(NOON)
                .setTimeSource(TimeSource.PUBLISHED)
                .setConfidence(0.8)
                .setPlace("اصفهان")
                .build();
    }
}
