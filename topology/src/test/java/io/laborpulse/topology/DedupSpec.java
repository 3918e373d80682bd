package io.laborpulse.topology;

import static io.laborpulse.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One event per real-world happening, with every report kept as provenance. */
class DedupSpec {

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
    void shouldIgnoreAnArticleSentTwice() {
        t.publish("a1", "@IR-10 STRIKE 300", START);
        t.publish("a1", "@IR-10 STRIKE 300", START.plusSeconds(60));

        assertThat(t.events.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getReportCount()).isEqualTo(1));
        assertThat(t.counter("laborpulse_dedup_decisions", "verdict", "exact_duplicate")).isEqualTo(1);
    }

    @Test
    void shouldTakeTheSameUrlUnderAnotherIdAsAnExactDuplicate() {
        t.articles.pipeInput("a1", withUrl("a1", "@IR-10 STRIKE 300", "https://news.example/strike", "feed-one"), START);
        t.articles.pipeInput("b7", withUrl("b7", "@IR-10 STRIKE 300", "https://news.example/strike", "feed-two"), START);

        List<LaborEvent> events = t.events.readValuesToList();
        assertThat(events).extracting(LaborEvent::getId).containsExactly("a1#0", "a1#0");
        assertThat(events.get(1).getReportCount()).isEqualTo(2);
        assertThat(events.get(1).getSources()).containsExactly("feed-one", "feed-two");
    }

    @Test
    void shouldMergeTheSameStoryFromAnotherOutletAndCountItOnce() {
        t.articles.pipeInput("a1", withUrl("a1", "@IR-10 STRIKE 300 place=Najafabad", "https://one.example/1", "outlet-one"), START);
        t.articles.pipeInput("b1", withUrl("b1", "@IR-10 STRIKE 300 place=Najafabad", "https://two.example/9", "outlet-two"),
                START.plus(Duration.ofMinutes(20)));

        List<LaborEvent> events = t.events.readValuesToList();
        assertThat(events).extracting(LaborEvent::getId).containsExactly("a1#0", "a1#0");
        assertThat(events.get(1).getSourceIds()).containsExactly("a1", "b1");
        RegionActivity hour = lastHour();
        assertThat(hour.getTotal()).isEqualTo(1);
        assertThat(hour.getSources()).containsExactly("outlet-one", "outlet-two");
        assertThat(t.counter("laborpulse_events", "region", "IR-10", "type", "STRIKE")).isEqualTo(1);
    }

    @Test
    void shouldKeepEventsAtDifferentPlacesWithDifferentTextsApart() {
        t.publish("a1", "@IR-10 STRIKE 300 place=Najafabad", START);
        t.publish("b1", "@IR-10 STRIKE 300 place=Kashan", START);

        assertThat(t.events.readValuesToList()).extracting(LaborEvent::getId).containsExactly("a1#0", "b1#0");
    }

    @Test
    void shouldKeepEventsWithConflictingCountsApart() {
        t.publish("a1", "@IR-10 STRIKE 700 place=Najafabad", START);
        t.publish("b1", "@IR-10 STRIKE 1425 place=Najafabad", START.plus(Duration.ofMinutes(5)));

        assertThat(t.events.readValuesToList()).extracting(LaborEvent::getId).containsExactly("a1#0", "b1#0");
    }

    @Test
    void shouldKeepDifferentTypesApart() {
        t.publish("a1", "@IR-10 STRIKE 300 place=Najafabad", START);
        t.publish("b1", "@IR-10 PROTEST 300 place=Najafabad", START);

        assertThat(t.events.readValuesToList()).extracting(LaborEvent::getId).containsExactly("a1#0", "b1#0");
    }

    @Test
    void shouldKeepEventsDaysApartApart() {
        t.publish("a1", "@IR-10 STRIKE 300 2025-11-20 place=Najafabad", START);
        t.publish("b1", "@IR-10 STRIKE 300 2025-11-24 place=Najafabad", START);

        assertThat(t.events.readValuesToList()).extracting(LaborEvent::getId).containsExactly("a1#0", "b1#0");
    }

    @Test
    void shouldNotCollapseARoundUpsEventsInDifferentRegions() {
        t.publish("r1", "@CN-GS WELFARE_SERVICE 700\n@CN-QH WELFARE_SERVICE 700", START);

        assertThat(t.events.readValuesToList()).extracting(LaborEvent::getId).containsExactly("r1#0", "r1#1");
    }

    @Test
    void shouldForgetEventsBeyondTheHorizon() {
        t.publish("a1", "@IR-10 STRIKE 300 2025-11-01 place=Najafabad", START.minus(Duration.ofDays(30)));
        t.publish("late", "@IR-10 PROTEST", START); // stream time moves on a month
        t.driver.advanceWallClockTime(Duration.ofMinutes(11)); // the sweep runs
        t.publish("b1", "@IR-10 STRIKE 300 2025-11-01 place=Najafabad", START);

        assertThat(t.events.readValuesToList()).extracting(LaborEvent::getId).containsExactly("a1#0", "late#0", "b1#0");
    }

    private RegionActivity lastHour() {
        List<RegionActivity> hours = t.activity.readValuesToList().stream()
                .filter(a -> a.getGranularity() == Granularity.HOUR).toList();
        return hours.get(hours.size() - 1);
    }

    private static Article withUrl(String id, String text, String url, String source) {
        return Article.newBuilder(TopologyFixture.articleOf(id, text, START)).setUrl(url).setSource(source).build();
    }
}
