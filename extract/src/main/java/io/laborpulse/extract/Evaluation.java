package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores extractions against labels: region accuracy, event-type macro-F1 and per-type F1,
 * participant exact match and round-up recall, per language and overall. Pure: the caller
 * reads the labelled set and runs the engine.
 *
 * <p>Rules: an item's reading is its first event (none reads as type {@code NONE}). Region
 * accuracy counts items whose label names a region and that are not round-ups. Participants
 * count where the label states a number. A round-up's labelled events are recalled by
 * predicted events of the same region and type, each used once.
 */
public final class Evaluation {

    public static final String NONE = "NONE";
    public static final String ALL = "all";

    /** One labelled item. {@code events} is empty unless the item is a round-up. */
    public record Gold(String id, String lang, String region, String type, Long participants, List<GoldEvent> events) {
        public Gold {
            events = List.copyOf(events);
        }
    }

    /** One labelled event of a round-up. */
    public record GoldEvent(String region, String type) {
    }

    /** Figures of one language (or of {@link #ALL}); a ratio is NaN where nothing was there to count. */
    public record Scores(int items, double regionAccuracy, int regionItems, double typeMacroF1,
            Map<String, Double> typeF1, double participantExactMatch, int participantItems,
            double roundUpRecall, int roundUpEvents) {
    }

    private Evaluation() {
    }

    public static Map<String, Scores> score(List<Gold> gold, Map<String, Extraction> predicted) {
        Map<String, List<Gold>> byLang = new TreeMap<>();
        for (Gold item : gold) {
            byLang.computeIfAbsent(item.lang(), l -> new ArrayList<>()).add(item);
        }
        Map<String, Scores> scores = new LinkedHashMap<>();
        byLang.forEach((lang, items) -> scores.put(lang, scoreOf(items, predicted)));
        scores.put(ALL, scoreOf(gold, predicted));
        return scores;
    }

    private static Scores scoreOf(List<Gold> items, Map<String, Extraction> predicted) {
        int regionItems = 0;
        int regionHits = 0;
        int participantItems = 0;
        int participantHits = 0;
        int roundUpEvents = 0;
        int roundUpHits = 0;
        Map<String, int[]> confusion = new HashMap<>(); // type -> {true positives, predicted, gold}
        for (Gold item : items) {
            List<ExtractedEvent> events = predicted.getOrDefault(item.id(), new Extraction("und", List.of())).events();
            ExtractedEvent first = events.isEmpty() ? null : events.get(0);
            String type = first == null ? NONE : first.type().name();
            confusion.computeIfAbsent(type, t -> new int[3])[1]++;
            confusion.computeIfAbsent(item.type(), t -> new int[3])[2]++;
            if (type.equals(item.type())) {
                confusion.get(type)[0]++;
            }
            if (item.events().isEmpty() && item.region() != null) {
                regionItems++;
                if (first != null && item.region().equals(first.region())) {
                    regionHits++;
                }
            }
            if (item.participants() != null) {
                participantItems++;
                if (first != null && item.participants().equals(first.participants())) {
                    participantHits++;
                }
            }
            if (!item.events().isEmpty()) {
                List<ExtractedEvent> unused = new ArrayList<>(events);
                for (GoldEvent wanted : item.events()) {
                    roundUpEvents++;
                    ExtractedEvent match = unused.stream()
                            .filter(e -> Objects.equals(e.region(), wanted.region()) && e.type().name().equals(wanted.type()))
                            .findFirst().orElse(null);
                    if (match != null) {
                        unused.remove(match);
                        roundUpHits++;
                    }
                }
            }
        }
        Map<String, Double> f1 = new TreeMap<>();
        Set<String> goldTypes = new TreeSet<>();
        items.forEach(i -> goldTypes.add(i.type()));
        confusion.forEach((type, c) -> {
            double precision = c[1] == 0 ? 0 : c[0] / (double) c[1];
            double recall = c[2] == 0 ? 0 : c[0] / (double) c[2];
            f1.put(type, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        });
        // Macro-F1 over the types the labels use, so a type nobody wrote about cannot lift the mean.
        double macro = goldTypes.stream().mapToDouble(f1::get).average().orElse(Double.NaN);
        return new Scores(items.size(), ratio(regionHits, regionItems), regionItems, macro, f1,
                ratio(participantHits, participantItems), participantItems, ratio(roundUpHits, roundUpEvents), roundUpEvents);
    }

    private static double ratio(int hits, int total) {
        return total == 0 ? Double.NaN : hits / (double) total;
    }
}
