package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.TimeSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dedup rule on its own, case by case. */
class EventDedupTest {

    private static final EventDedup.Settings SETTINGS = EventDedup.Settings.defaults();
    private static final Instant MONDAY = Instant.parse("2025-12-01T09:00:00Z");

    @Test
    void shouldTakeATranslationWithTheSameCountAsTheSameEvent() {
        LaborEvent persian = event("fa-1#0", "fa", "پاکدشت", 1200L, "اعتصاب ۱۲۰۰ کارگر کارخانه در پاکدشت");
        LaborEvent english = event("en-9#0", "en", "Pakdasht", 1200L, "1,200 workers strike at a Pakdasht factory");

        EventDedup.Decision decision = EventDedup.decide(List.of(persian), english, SETTINGS);

        assertThat(decision.verdict()).isEqualTo(EventDedup.Verdict.NEAR_DUPLICATE);
        assertThat(decision.of()).isEqualTo(persian);
    }

    @Test
    void shouldTakeAReworkedStoryAsTheSameEventByItsText() {
        LaborEvent first = event("a#0", "en", null, null, "Nurses at Leeds General walked out over unpaid overtime on Monday");
        LaborEvent second = event("b#0", "en", null, null, "Nurses at Leeds General walked out on Monday over unpaid overtime");

        assertThat(EventDedup.decide(List.of(first), second, SETTINGS).verdict()).isEqualTo(EventDedup.Verdict.NEAR_DUPLICATE);
        assertThat(EventDedup.similarity(first.getEvidence(), second.getEvidence())).isGreaterThan(0.5);
    }

    @Test
    void shouldKeepUnrelatedStoriesWithoutAPlaceApart() {
        LaborEvent first = event("a#0", "en", null, null, "Dock workers stopped work at the container terminal");
        LaborEvent second = event("b#0", "en", null, null, "Bus drivers walked out after a colleague was assaulted");

        assertThat(EventDedup.decide(List.of(first), second, SETTINGS).verdict()).isEqualTo(EventDedup.Verdict.NEW);
    }

    @Test
    void shouldMergeProvenanceAndKeepTheLargerCount() {
        LaborEvent survivor = event("a#0", "en", "Gazipur", 300L, "x");
        LaborEvent report = LaborEvent.newBuilder(event("b#0", "en", "Gazipur", 350L, "y"))
                .setSourceIds(List.of("b")).setSources(List.of("outlet-b")).build();

        LaborEvent merged = EventDedup.merge(survivor, report);

        assertThat(merged.getId()).isEqualTo("a#0");
        assertThat(merged.getReportCount()).isEqualTo(2);
        assertThat(merged.getParticipants()).isEqualTo(350L);
        assertThat(merged.getSourceIds()).containsExactly("a", "b");
        assertThat(merged.getSources()).containsExactly("outlet-a", "outlet-b");
    }

    @Test
    void shouldReadCountsWithinToleranceAsAgreeing() {
        assertThat(EventDedup.countsAgree(1000L, 1100L, 0.2)).isTrue();
        assertThat(EventDedup.countsAgree(700L, 1425L, 0.2)).isFalse();
        assertThat(EventDedup.countsAgree(null, 1425L, 0.2)).isTrue();
    }

    private static LaborEvent event(String id, String lang, String place, Long participants, String evidence) {
        return LaborEvent.newBuilder()
                .setId(id)
                .setEventType(EventType.STRIKE)
                .setRegion("IR-23")
                .setCountry("IR")
                .setPlace(place)
                .setPrecision(Precision.CITY)
                .setParticipants(participants)
                .setEventTime(MONDAY)
                .setTimeSource(TimeSource.PUBLISHED)
                .setConfidence(0.8)
                .setEvidence(evidence)
                .setSourceIds(List.of(id.substring(0, id.indexOf('#'))))
                .setSources(List.of("outlet-" + id.substring(0, 1)))
                .setLang(lang)
                .build();
    }
}
