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
 * participant exact match, round-up recall and precision, per language and overall. Pure: the caller
 * reads the labelled set and runs the engine.
 *
 * <p>Rules: an item's reading is its first event (none reads as type {@code NONE}, except that an
 * item labelled {@code OTHER}, no concrete labour event, is read right when the engine finds no
 * event in it: nothing is counted either way, and it then has no region to score). Region
 * accuracy counts items whose label names a region and that are not round-ups. Participants
 * count where the label states a number. A round-up's labelled events are recalled by
 * predicted events of the same region and type, each used once; round-up precision is the share
 * of the events read from round-ups that recall one, so splitting too eagerly shows. The
 * single-story share guards
 * round-up splitting from the other side: the items that are not round-ups read as at most one event.
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
            double roundUpRecall, int roundUpEvents, double roundUpPrecision, int roundUpRead,
            double singleStoryShare, int singleStories) {
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

    /** Where one item's reading departs from its label: {@code what} is region, type, participants or round-up. */
    public record Miss(String id, String lang, String what, String expected, String actual) {
    }

    /** How one item was read, judged by the rules above; {@code null} where a figure does not count the item. */
    private record Judgement(Gold item, String type, ExtractedEvent first, Boolean regionHit, Boolean participantsHit,
            List<GoldEvent> roundUpMissed, int roundUpRead) {
    }

    private static Judgement judge(Gold item, Map<String, Extraction> predicted) {
        List<ExtractedEvent> events = predicted.getOrDefault(item.id(), new Extraction("und", List.of())).events();
        ExtractedEvent first = events.isEmpty() ? null : events.get(0);
        boolean nothingToCount = first == null && EventType.OTHER.name().equals(item.type());
        String type = first == null ? (nothingToCount ? item.type() : NONE) : first.type().name();
        Boolean regionHit = item.events().isEmpty() && item.region() != null && !nothingToCount
                ? first != null && item.region().equals(first.region()) : null;
        Boolean participantsHit = item.participants() != null
                ? first != null && item.participants().equals(first.participants()) : null;
        List<ExtractedEvent> unused = new ArrayList<>(events);
        List<GoldEvent> missed = new ArrayList<>();
        for (GoldEvent wanted : item.events()) {
            ExtractedEvent match = unused.stream()
                    .filter(e -> Objects.equals(e.region(), wanted.region()) && e.type().name().equals(wanted.type()))
                    .findFirst().orElse(null);
            if (match == null) {
                missed.add(wanted);
            } else {
                unused.remove(match);
            }
        }
        return new Judgement(item, type, first, regionHit, participantsHit, missed, item.events().isEmpty() ? 0 : events.size());
    }

    /** Every departure from the labels, item by item, for tuning on a development set. */
    public static List<Miss> misses(List<Gold> gold, Map<String, Extraction> predicted) {
        List<Miss> misses = new ArrayList<>();
        for (Gold item : gold) {
            Judgement j = judge(item, predicted);
            String region = j.first() == null ? null : j.first().region();
            if (!j.type().equals(item.type())) {
                misses.add(new Miss(item.id(), item.lang(), "type", item.type(), j.type()));
            }
            if (Boolean.FALSE.equals(j.regionHit())) {
                misses.add(new Miss(item.id(), item.lang(), "region", item.region(), region));
            }
            if (Boolean.FALSE.equals(j.participantsHit())) {
                misses.add(new Miss(item.id(), item.lang(), "participants", String.valueOf(item.participants()),
                        j.first() == null ? null : String.valueOf(j.first().participants())));
            }
            List<ExtractedEvent> read = predicted.getOrDefault(item.id(), new Extraction("und", List.of())).events();
            if (item.events().isEmpty() && read.size() > 1) {
                misses.add(new Miss(item.id(), item.lang(), "one story", "1 event",
                        read.stream().map(e -> e.region() + " " + e.type()).toList().toString()));
            }
            for (GoldEvent wanted : j.roundUpMissed()) {
                misses.add(new Miss(item.id(), item.lang(), "round-up", wanted.region() + " " + wanted.type(),
                        predicted.getOrDefault(item.id(), new Extraction("und", List.of())).events().stream()
                                .map(e -> e.region() + " " + e.type()).toList().toString()));
            }
        }
        return misses;
    }

    private static Scores scoreOf(List<Gold> items, Map<String, Extraction> predicted) {
        int regionItems = 0;
        int regionHits = 0;
        int participantItems = 0;
        int participantHits = 0;
        int roundUpEvents = 0;
        int singleStories = 0;
        int readAsOne = 0;
        int roundUpHits = 0;
        int roundUpRead = 0;
        Map<String, int[]> confusion = new HashMap<>(); // type -> {true positives, predicted, gold}
        for (Gold item : items) {
            Judgement j = judge(item, predicted);
            confusion.computeIfAbsent(j.type(), t -> new int[3])[1]++;
            confusion.computeIfAbsent(item.type(), t -> new int[3])[2]++;
            if (j.type().equals(item.type())) {
                confusion.get(j.type())[0]++;
            }
            if (j.regionHit() != null) {
                regionItems++;
                regionHits += j.regionHit() ? 1 : 0;
            }
            if (j.participantsHit() != null) {
                participantItems++;
                participantHits += j.participantsHit() ? 1 : 0;
            }
            if (item.events().isEmpty()) {
                singleStories++;
                readAsOne += predicted.getOrDefault(item.id(), new Extraction("und", List.of())).events().size() <= 1 ? 1 : 0;
            }
            roundUpEvents += item.events().size();
            roundUpHits += item.events().size() - j.roundUpMissed().size();
            roundUpRead += j.roundUpRead();
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
                ratio(participantHits, participantItems), participantItems, ratio(roundUpHits, roundUpEvents), roundUpEvents,
                ratio(roundUpHits, roundUpRead), roundUpRead, ratio(readAsOne, singleStories), singleStories);
    }

    private static double ratio(int hits, int total) {
        return total == 0 ? Double.NaN : hits / (double) total;
    }
}
