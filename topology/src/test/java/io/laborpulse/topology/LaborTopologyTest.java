package io.laborpulse.topology;

import static io.laborpulse.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.Precision;
import io.laborpulse.schemas.avro.ReportedEvent;
import io.laborpulse.schemas.avro.TimeSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From articles and reported events to region-keyed events, one behaviour per test. */
class LaborTopologyTest {

    @TempDir
    Path stateDir;

    private TopologyFixture t;

    @BeforeEach
    void start() {
        t = new TopologyFixture(stateDir);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldKeyEachEventByItsRegion() {
        t.publish("a1", "تجمع کارگران در اصفهان\n@IR-10 PROTEST 120", START);

        KeyValue<String, LaborEvent> event = t.events.readKeyValue();
        assertThat(event.key).isEqualTo("IR-10");
        assertThat(event.value.getId()).isEqualTo("a1#0");
        assertThat(event.value.getEventType()).isEqualTo(EventType.PROTEST);
        assertThat(event.value.getParticipants()).isEqualTo(120L);
        assertThat(event.value.getEventTime()).isEqualTo(START);
        assertThat(event.value.getTimeSource()).isEqualTo(TimeSource.PUBLISHED);
        assertThat(event.value.getSourceIds()).containsExactly("a1");
        assertThat(event.value.getSources()).containsExactly("test-feed");
        assertThat(t.events.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitOneEventPerPlaceOfARoundUp() {
        t.publish("r1", "甘肃各级工会暖冬行动\n@CN-GS WELFARE_SERVICE 700\n@CN-GS EMPLOYMENT_SERVICE 500\n@CN-QH WELFARE_SERVICE", START);

        assertThat(t.events.readKeyValuesToList()).extracting(kv -> kv.key, kv -> kv.value.getId())
                .containsExactly(tuple("CN-GS", "r1#0"), tuple("CN-GS", "r1#1"), tuple("CN-QH", "r1#2"));
    }

    @Test
    void shouldEmitNothingForAnArticleWithoutLabourEvents() {
        t.publish("n1", "Weather: sunny in Tehran", START);

        assertThat(t.events.isEmpty()).isTrue();
        assertThat(t.activity.isEmpty()).isTrue();
    }

    @Test
    void shouldUseTheEventsOwnDateOverThePublicationTime() {
        t.publish("d1", "@CN-GS WELFARE_SERVICE 102 2025-11-28", START);

        LaborEvent event = t.events.readValue();
        assertThat(event.getEventTime()).isEqualTo(Instant.parse("2025-11-28T00:00:00Z"));
        assertThat(event.getTimeSource()).isEqualTo(TimeSource.EVENT_DATE);
    }

    @Test
    void shouldNormaliseAReportedEventsPlaceNamesAndTypeLabelWithTheEngine() {
        t.reportedEvents.pipeInput("t-1", reported("t-1", "walkout", "Pakdasht", "IR"), START);

        KeyValue<String, LaborEvent> event = t.events.readKeyValue();
        assertThat(event.key).isEqualTo("IR-23");
        assertThat(event.value.getId()).isEqualTo("tracker:t-1");
        assertThat(event.value.getEventType()).isEqualTo(EventType.STRIKE);
        assertThat(event.value.getPrecision()).isEqualTo(Precision.CITY);
        assertThat(event.value.getEventTime()).isEqualTo(Instant.parse("2025-11-30T00:00:00Z"));
        assertThat(event.value.getTimeSource()).isEqualTo(TimeSource.EVENT_DATE);
        assertThat(event.value.getSources()).containsExactly("tracker");
    }

    @Test
    void shouldAcceptISOCodesAndTaxonomyNamesInAReportedEvent() {
        t.reportedEvents.pipeInput("t-2", reported("t-2", "WAGE_ARREARS", "CN-GS", null), START);

        KeyValue<String, LaborEvent> event = t.events.readKeyValue();
        assertThat(event.key).isEqualTo("CN-GS");
        assertThat(event.value.getEventType()).isEqualTo(EventType.WAGE_ARREARS);
        assertThat(event.value.getPrecision()).isEqualTo(Precision.REGION);
    }

    @Test
    void shouldReadAReportedEventWithAnUnknownLabelAsOtherAndAnUnknownPlaceAsZZ() {
        t.reportedEvents.pipeInput("t-3", reported("t-3", "something else", "Zyxwvut Flats", null), START);

        KeyValue<String, LaborEvent> event = t.events.readKeyValue();
        assertThat(event.key).isEqualTo(RegionKeys.UNKNOWN);
        assertThat(event.value.getEventType()).isEqualTo(EventType.OTHER);
        assertThat(event.value.getConfidence()).isLessThan(0.5);
    }

    @Test
    void shouldNameEveryProcessorStoreAndInternalTopic() {
        String description = t.topology.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(LaborTopology.HOURLY_ACTIVITY_STORE, LaborTopology.DAILY_ACTIVITY_STORE,
                LaborTopology.EVENTS_BY_ID_STORE);
    }

    static ReportedEvent reported(String id, String type, String place, String country) {
        return ReportedEvent.newBuilder()
                .setId(id)
                .setSource("tracker")
                .setEventType(type)
                .setPlace(place)
                .setCountry(country)
                .setEventDate(LocalDate.parse("2025-11-30"))
                .setReportedAt(START)
                .build();
    }
}
