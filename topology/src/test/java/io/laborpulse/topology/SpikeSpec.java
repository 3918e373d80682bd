package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.ActivitySpike;
import io.laborpulse.schemas.avro.EventType;
import io.laborpulse.schemas.avro.SpikeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spike alerts on a seasonal baseline, through the whole topology: weeks of ordinary news are
 * replayed hour by hour, each hour closing as the next arrives, before the hour under test.
 */
class SpikeSpec {

    /** A Monday, 00:00 UTC. */
    private static final Instant WEEK_ONE = Instant.parse("2025-09-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path stateDir;

    private TopologyFixture t;
    private TestOutputTopic<String, ActivitySpike> alerts;
    private int article;

    @BeforeEach
    void start() {
        TopologySettings d = TopologySettings.defaults();
        t = new TopologyFixture(stateDir, new TopologySettings(HOUR, d.maxTextChars(), d.closeCheck(), d.activeHorizon(),
                Duration.ofDays(15), Duration.ofDays(400), d.eventRetention()));
        alerts = t.driver.createOutputTopic(t.topics.alerts().name(), t.topics.alerts().keySerde().deserializer(),
                t.topics.alerts().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldStaySilentWithoutTwoWeeksOfHistory() {
        ordinaryHours(WEEK_ONE, Duration.ofDays(7), 0);

        events(WEEK_ONE.plus(Duration.ofDays(7)).plus(Duration.ofHours(10)), 20);

        assertThat(alerts.readValuesToList()).isEmpty();
    }

    @Test
    void shouldFireOnceForTheRegionAndItsTypeAndResolveWhenTheNextHourIsNormal() {
        Instant spikeHour = WEEK_ONE.plus(Duration.ofDays(21)).plus(Duration.ofHours(10));
        ordinaryHours(WEEK_ONE, Duration.ofDays(21).plus(Duration.ofHours(10)), 0);

        events(spikeHour, 20);
        List<ActivitySpike> firing = alerts.readValuesToList();
        events(spikeHour.plus(HOUR), 1);
        List<ActivitySpike> resolved = alerts.readValuesToList();

        assertThat(firing).extracting(ActivitySpike::getEventType).containsExactlyInAnyOrder(null, EventType.PROTEST);
        assertThat(firing).allSatisfy(a -> {
            assertThat(a.getRegion()).isEqualTo("IR-10");
            assertThat(a.getStatus()).isEqualTo(SpikeStatus.FIRING);
            assertThat(a.getWindowStart()).isEqualTo(spikeHour);
            assertThat(a.getObserved()).isGreaterThanOrEqualTo(5).isLessThanOrEqualTo(20);
            assertThat(a.getExpected()).isLessThan(2.0);
            assertThat(a.getEvidenceEventIds()).isNotEmpty();
        });
        assertThat(resolved).extracting(ActivitySpike::getStatus).containsOnly(SpikeStatus.RESOLVED).hasSize(2);
        assertThat(t.counter("laborpulse_alerts_fired", "region", "IR-10", "type", "ALL")).isEqualTo(1);
    }

    @Test
    void shouldNotFireOnANormalMondayMorningPeak() {
        ordinaryHours(WEEK_ONE, Duration.ofDays(21).plus(Duration.ofHours(9)), 12);

        events(WEEK_ONE.plus(Duration.ofDays(21)).plus(Duration.ofHours(9)), 12);

        assertThat(alerts.readValuesToList()).isEmpty();
    }

    /** One PROTEST an hour in IR-10, {@code mondayPeak} events at 09:00 on Mondays instead (0 for none). */
    private void ordinaryHours(Instant from, Duration length, int mondayPeak) {
        for (Instant hour = from; hour.isBefore(from.plus(length)); hour = hour.plus(HOUR)) {
            boolean peak = mondayPeak > 0 && SeasonalPoissonModel.slot(hour.toEpochMilli()) == 9;
            events(hour, peak ? mondayPeak : 1);
        }
    }

    /** {@code count} PROTEST events in IR-10 in the hour starting at {@code hour}, then a close check. */
    private void events(Instant hour, int count) {
        for (int i = 0; i < count; i++) {
            Instant at = hour.plus(Duration.ofMinutes(i * 50L / count));
            t.publish("a" + article++, "@IR-10 PROTEST", at);
        }
        t.driver.advanceWallClockTime(t.settings.closeCheck());
        t.activity.readRecordsToList();
        t.activityFinal.readRecordsToList();
    }
}
