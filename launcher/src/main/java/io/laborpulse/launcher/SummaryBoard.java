package io.laborpulse.launcher;

import io.laborpulse.schemas.avro.LaborEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers behind the live terminal summary, and their rendering. Pure: fed by
 * {@link LiveSummary}, rendered to a string, tested without Kafka.
 */
final class SummaryBoard {

    private static final int TOP = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Map<String, Long> eventsByRegion = new HashMap<>();
    private final Map<String, String> regionNames = new HashMap<>();
    private final Map<String, Long> eventsByType = new HashMap<>();
    private long articles;
    private long events;
    private long deadLetters;
    private long eventsAtLastRender;
    private Instant lastRender;

    synchronized void articleSeen() {
        articles++;
    }

    synchronized void deadLetterSeen() {
        deadLetters++;
    }

    synchronized void eventSeen(String regionKey, LaborEvent event) {
        events++;
        eventsByRegion.merge(regionKey, 1L, Long::sum);
        if (event.getRegionName() != null) {
            regionNames.putIfAbsent(regionKey, event.getRegionName());
        }
        eventsByType.merge(event.getEventType().name(), 1L, Long::sum);
    }





    /** Renders the board; the rate is events per second since the previous render. */
    synchronized String render(Instant now, ZoneId zone) {
        double rate = 0;
        if (lastRender != null) {
            long millis = Math.max(1, Duration.between(lastRender, now).toMillis());
            rate = (events - eventsAtLastRender) * 1000.0 / millis;
        }
        lastRender = now;
        eventsAtLastRender = events;

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Labor Pulse  %s   articles in %d · events out %d · dead letters %d · %.1f events/s%n",
                CLOCK.format(now.atZone(zone)), articles, events, deadLetters, rate));
        List<Map.Entry<String, Long>> regions = top(eventsByRegion);
        List<Map.Entry<String, Long>> types = top(eventsByType);
        out.append(String.format(Locale.ROOT, "%n  %-34s %s%n", "Top regions (events)", "Events by type"));
        for (int row = 0; row < Math.max(regions.size(), types.size()); row++) {
            String region = row < regions.size() ? regionCell(regions.get(row)) : "";
            String type = row < types.size() ? String.format(Locale.ROOT, "%-24s %6d", types.get(row).getKey(), types.get(row).getValue()) : "";
            out.append(String.format(Locale.ROOT, "  %-34s %s%n", region, type));
        }
        if (regions.isEmpty()) {
            out.append("  (no events yet)").append(System.lineSeparator());
        }
        return out.toString();
    }

    private String regionCell(Map.Entry<String, Long> entry) {
        String name = regionNames.getOrDefault(entry.getKey(), "");
        String label = name.isEmpty() ? entry.getKey() : entry.getKey() + " " + name;
        if (label.length() > 26) {
            label = label.substring(0, 25) + "…";
        }
        return String.format(Locale.ROOT, "%-26s %6d", label, entry.getValue());
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .toList();
    }
}
