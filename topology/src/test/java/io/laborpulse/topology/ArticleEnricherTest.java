package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.TimeSource;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which clock an event's time comes from, and that the record says so. */
class ArticleEnricherTest {

    private static final Instant PUBLISHED = Instant.parse("2024-12-10T08:30:00Z");
    private static final Instant INGESTED = Instant.parse("2024-12-10T09:00:00Z");

    @Test
    void shouldUseTheEventsOwnDateFirst() {
        ArticleEnricher.EventTime time = ArticleEnricher.EventTime.of(LocalDate.of(2024, 12, 3), PUBLISHED, INGESTED);

        assertThat(time).isEqualTo(new ArticleEnricher.EventTime(Instant.parse("2024-12-03T00:00:00Z"), TimeSource.EVENT_DATE));
    }

    @Test
    void shouldKeepThePublicationInstantForAnEventOnThePublicationDay() {
        ArticleEnricher.EventTime time = ArticleEnricher.EventTime.of(LocalDate.of(2024, 12, 10), PUBLISHED, INGESTED);

        assertThat(time).isEqualTo(new ArticleEnricher.EventTime(PUBLISHED, TimeSource.EVENT_DATE));
    }

    @Test
    void shouldFallBackToPublicationThenIngestTime() {
        assertThat(ArticleEnricher.EventTime.of(null, PUBLISHED, INGESTED))
                .isEqualTo(new ArticleEnricher.EventTime(PUBLISHED, TimeSource.PUBLISHED));
        assertThat(ArticleEnricher.EventTime.of(null, null, INGESTED))
                .isEqualTo(new ArticleEnricher.EventTime(INGESTED, TimeSource.INGESTED));
    }
}
