package io.laborpulse.topology;

import static io.laborpulse.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.RegionActivity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regional activity in hour and day windows: live updates, late news, and windows that close. */
class ActivityWindowsSpec {

    private static final Duration GRACE = TopologySettings.DEFAULT_GRACE;

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
    void shouldUpdateTheHourAndTheDayOfEachEvent() {
        t.publish("a1", "@IR-10 PROTEST 120", START);
        t.publish("a2", "@IR-10 STRIKE 30", START.plus(Duration.ofMinutes(15)));
        t.publish("a3", "@IR-10 PROTEST", START.plus(Duration.ofMinutes(70)));

        List<RegionActivity> updates = t.activity.readValuesToList();
        List<RegionActivity> hours = of(updates, Granularity.HOUR);
        assertThat(hours).extracting(RegionActivity::getTotal).containsExactly(1L, 2L, 1L);
        RegionActivity nine = hours.get(1);
        assertThat(nine.getRegion()).isEqualTo("IR-10");
        assertThat(nine.getWindowStart()).isEqualTo(START);
        assertThat(nine.getWindowEnd()).isEqualTo(START.plus(TopologySettings.HOUR));
        assertThat(nine.getByType()).containsExactlyInAnyOrderEntriesOf(Map.of("PROTEST", 1L, "STRIKE", 1L));
        assertThat(nine.getParticipantsByType()).containsExactlyInAnyOrderEntriesOf(Map.of("PROTEST", 120L, "STRIKE", 30L));
        assertThat(nine.getParticipants()).isEqualTo(150);
        assertThat(nine.getSources()).containsExactly("test-feed");
        assertThat(nine.getClosed()).isFalse();
        List<RegionActivity> days = of(updates, Granularity.DAY);
        assertThat(days).extracting(RegionActivity::getTotal).containsExactly(1L, 2L, 3L);
        assertThat(days.get(2).getWindowStart()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
    }

    @Test
    void shouldCountLateNewsWithinGraceInItsOwnWindow() {
        t.publish("a1", "@IR-10 PROTEST", START);
        t.publish("late", "@IR-10 STRIKE 2025-11-30", START.plus(Duration.ofMinutes(5)));

        RegionActivity yesterday = live(Granularity.HOUR).get(1);
        assertThat(yesterday.getWindowStart()).isEqualTo(Instant.parse("2025-11-30T00:00:00Z"));
        assertThat(yesterday.getTotal()).isEqualTo(1);
        assertThat(t.counter("laborpulse_late_events", "region", "IR-10", "outcome", "counted")).isEqualTo(1);
    }

    @Test
    void shouldDropAndCountNewsBeyondGrace() {
        t.publish("a1", "@IR-10 PROTEST", START);
        t.publish("old", "@IR-10 STRIKE 2025-11-20", START.plus(Duration.ofMinutes(5)));

        assertThat(live(Granularity.HOUR)).hasSize(1);
        assertThat(t.counter("laborpulse_late_events", "region", "IR-10", "outcome", "dropped")).isEqualTo(1);
    }

    @Test
    void shouldCloseAQuietRegionsWindowsOnWallClockTimeWithZerosAfterwards() {
        t.publish("a1", "@IR-10 PROTEST 40", START);
        t.activity.readRecordsToList();

        t.driver.advanceWallClockTime(TopologySettings.HOUR.plus(GRACE).plus(t.settings.closeCheck()));
        List<KeyValue<String, RegionActivity>> closed = t.activityFinal.readKeyValuesToList();
        assertThat(closed).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("IR-10");
            assertThat(kv.value.getClosed()).isTrue();
            assertThat(kv.value.getGranularity()).isEqualTo(Granularity.HOUR);
            assertThat(kv.value.getWindowStart()).isEqualTo(START);
            assertThat(kv.value.getTotal()).isEqualTo(1);
            assertThat(kv.value.getParticipants()).isEqualTo(40);
        });

        t.driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(t.activityFinal.readValuesToList()).extracting(RegionActivity::getWindowStart, RegionActivity::getTotal)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(START.plus(Duration.ofHours(1)), 0L),
                        org.assertj.core.groups.Tuple.tuple(START.plus(Duration.ofHours(2)), 0L));
    }

    @Test
    void shouldReportEachClosedWindowOnce() {
        t.publish("a1", "@IR-10 PROTEST", START);
        t.driver.advanceWallClockTime(TopologySettings.HOUR.plus(GRACE).plus(t.settings.closeCheck()));
        t.activityFinal.readRecordsToList();

        t.driver.advanceWallClockTime(t.settings.closeCheck());
        t.driver.advanceWallClockTime(t.settings.closeCheck());

        assertThat(t.activityFinal.readValuesToList()).noneMatch(a -> a.getWindowStart().equals(START));
    }

    @Test
    void shouldCloseTheDayWithItsTotals() {
        t.publish("a1", "@CN-GS WELFARE_SERVICE 700", START);
        t.publish("a2", "@CN-GS EMPLOYMENT_SERVICE 500", START.plus(Duration.ofHours(3)));

        t.driver.advanceWallClockTime(TopologySettings.DAY.plus(GRACE));
        RegionActivity day = t.activityFinal.readValuesToList().stream()
                .filter(a -> a.getGranularity() == Granularity.DAY).findFirst().orElseThrow();
        assertThat(day.getWindowStart()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(day.getTotal()).isEqualTo(2);
        assertThat(day.getParticipants()).isEqualTo(1200);
    }

    @Test
    void shouldCloseWindowsByEventTimeWhileNewsKeepsComing() {
        t.publish("a1", "@IR-10 PROTEST", START);
        t.publish("a2", "@CN-GS STRIKE", START.plus(GRACE).plus(Duration.ofHours(2)));
        t.driver.advanceWallClockTime(t.settings.closeCheck());

        assertThat(t.activityFinal.readKeyValuesToList()).anySatisfy(kv -> {
            assertThat(kv.key).isEqualTo("IR-10");
            assertThat(kv.value.getWindowStart()).isEqualTo(START);
            assertThat(kv.value.getTotal()).isEqualTo(1);
        });
    }

    @Test
    void shouldMeasureEachCountedEventAndThePrecisionOfItsPlace() {
        t.publish("a1", "@IR-10 PROTEST", START);

        assertThat(t.registry.find("laborpulse_end_to_end_latency").timer().count()).isEqualTo(1);
        assertThat(t.counter("laborpulse_place_precision", "precision", "REGION")).isEqualTo(1);
        assertThat(t.registry.find("laborpulse_extraction_confidence").summary().count()).isEqualTo(1);
    }

    private List<RegionActivity> live(Granularity granularity) {
        return of(t.activity.readValuesToList(), granularity);
    }

    private static List<RegionActivity> of(List<RegionActivity> updates, Granularity granularity) {
        return updates.stream().filter(a -> a.getGranularity() == granularity).toList();
    }
}
