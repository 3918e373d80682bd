package io.laborpulse.topology;

import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.LaborEvent;
import io.laborpulse.schemas.avro.RegionActivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regional activity in tumbling hour and day windows on event time, keyed by region.
 *
 * <p>Each event updates its hour and its day and forwards both as live updates ({@code closed}
 * false). Windows close when their end plus grace has passed on the {@link ActivityWindows#clock
 * activity clock} (event time, running on by wall-clock time while the task is idle), checked
 * on every event and on a wall-clock schedule; each closed window of a region that normally has
 * activity is forwarded once as its final result ({@code closed} true), a zero where the region
 * was quiet. An event whose window has closed is late: logged with its key, counted, dropped.
 *
 * <p>The windowing is done here rather than with the DSL's {@code windowedBy} because the DSL
 * closes windows on stream time only, which stalls for quiet partitions.
 */
final class ActivityWindowsProcessor implements Processor<String, LaborEvent, String, RegionActivity> {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityWindowsProcessor.class);
    private static final Granularity[] GRANULARITIES = {Granularity.HOUR, Granularity.DAY};

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, RegionActivity> context;
    private WindowStore<String, RegionActivity> hourly;
    private WindowStore<String, RegionActivity> daily;
    private KeyValueStore<String, RegionProgress> progress;
    private long clock = Long.MIN_VALUE;
    private long wallAtLastRecord;

    ActivityWindowsProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, RegionActivity> context) {
        this.context = context;
        this.hourly = context.getStateStore(LaborTopology.HOURLY_ACTIVITY_STORE);
        this.daily = context.getStateStore(LaborTopology.DAILY_ACTIVITY_STORE);
        this.progress = context.getStateStore(LaborTopology.REGION_PROGRESS_STORE);
        this.wallAtLastRecord = context.currentSystemTimeMs();
        context.schedule(settings.closeCheck(), PunctuationType.WALL_CLOCK_TIME, this::closeWindows);
    }

    @Override
    public void process(Record<String, LaborEvent> record) {
        wallAtLastRecord = context.currentSystemTimeMs();
        long now = tick();
        String region = record.key();
        long eventTime = record.timestamp();
        if (record.value().getReportCount() > 1) {
            addReport(region, record.value(), now);
            return;
        }
        RegionProgress known = progress.get(region);
        if (known == null) {
            known = new RegionProgress(eventTime, eventTime,
                    ActivityWindows.firstOpen(Granularity.HOUR, settings.grace(), now),
                    ActivityWindows.firstOpen(Granularity.DAY, settings.grace(), now));
        }
        long hour = ActivityWindows.start(eventTime, Granularity.HOUR);
        if (ActivityWindows.isClosed(hour, Granularity.HOUR, settings.grace(), now) || hour < known.nextHour()) {
            metrics.lateEvent(region, false);
            LOG.warn("Dropping late event {} of region {}: event time {} is in a window that closed (grace {}), "
                    + "activity clock {}", record.value().getId(), region, ActivityWindows.instant(eventTime),
                    settings.grace(), ActivityWindows.instant(now));
            return;
        }
        if (ActivityWindows.closesAt(hour, Granularity.HOUR, Duration.ZERO) <= now) {
            metrics.lateEvent(region, true); // late but within grace: counted
        }
        progress.put(region, known.withEvent(eventTime));
        metrics.eventCounted(record.value(), context.currentSystemTimeMs());
        for (Granularity granularity : GRANULARITIES) {
            WindowStore<String, RegionActivity> store = store(granularity);
            long start = ActivityWindows.start(eventTime, granularity);
            RegionActivity current = store.fetch(region, start);
            RegionActivity updated = ActivityAggregator.add(record.value(),
                    current != null ? current : ActivityAggregator.empty(region, granularity, start));
            store.put(region, updated, start);
            context.forward(new Record<>(region, updated, eventTime));
        }
    }

    /**
     * Another report of an event already counted: its window gains the new sources but no count.
     * A window that has closed keeps its final figures.
     */
    private void addReport(String region, LaborEvent update, long now) {
        long eventTime = update.getEventTime().toEpochMilli();
        for (Granularity granularity : GRANULARITIES) {
            long start = ActivityWindows.start(eventTime, granularity);
            RegionActivity current = store(granularity).fetch(region, start);
            if (current == null || ActivityWindows.isClosed(start, granularity, settings.grace(), now)) {
                continue;
            }
            RegionActivity updated = ActivityAggregator.addReport(update, current);
            store(granularity).put(region, updated, start);
            context.forward(new Record<>(region, updated, eventTime));
        }
    }

    private long tick() {
        clock = ActivityWindows.clock(clock, context.currentStreamTimeMs(), context.currentSystemTimeMs(), wallAtLastRecord);
        return clock;
    }

    /** Reports every window that has closed since the last check, zeros for quiet windows of active regions. */
    private void closeWindows(long wallNow) {
        long now = tick();
        if (now == Long.MIN_VALUE) {
            return; // no event seen yet: no clock to close windows by
        }
        List<KeyValue<String, RegionProgress>> regions = new ArrayList<>();
        try (KeyValueIterator<String, RegionProgress> all = progress.all()) {
            all.forEachRemaining(regions::add);
        }
        for (KeyValue<String, RegionProgress> entry : regions) {
            RegionProgress p = entry.value;
            long nextHour = close(entry.key, p, Granularity.HOUR, p.nextHour(), now);
            long nextDay = close(entry.key, p, Granularity.DAY, p.nextDay(), now);
            if (nextHour != p.nextHour() || nextDay != p.nextDay()) {
                progress.put(entry.key, new RegionProgress(p.firstEvent(), p.lastEvent(), nextHour, nextDay));
            }
        }
    }

    /** Forwards the closed windows from {@code next} on; returns the first window still open. */
    private long close(String region, RegionProgress p, Granularity granularity, long next, long now) {
        long size = ActivityWindows.size(granularity).toMillis();
        long firstActive = ActivityWindows.start(p.firstEvent(), granularity);
        long lastActive = p.lastEvent() + settings.activeHorizon().toMillis();
        WindowStore<String, RegionActivity> store = store(granularity);
        long window = next;
        while (ActivityWindows.isClosed(window, granularity, settings.grace(), now)) {
            if (window > lastActive) {
                // Dormant: nothing to report until news comes back, and news can only land in open windows.
                return ActivityWindows.firstOpen(granularity, settings.grace(), now);
            }
            RegionActivity activity = store.fetch(region, window);
            if (activity != null || window >= firstActive) {
                RegionActivity result = activity != null ? activity : ActivityAggregator.empty(region, granularity, window);
                context.forward(new Record<>(region, ActivityAggregator.closed(result), window + size - 1));
                metrics.windowClosed(granularity, activity == null);
            }
            window += size;
        }
        return window;
    }

    private WindowStore<String, RegionActivity> store(Granularity granularity) {
        return granularity == Granularity.DAY ? daily : hourly;
    }
}
