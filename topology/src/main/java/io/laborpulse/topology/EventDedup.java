package io.laborpulse.topology;

import io.laborpulse.extract.TextNormalizer;
import io.laborpulse.schemas.avro.LaborEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Is this event one already seen? Pure; the topology keeps the candidates (the region's recent
 * events) in a state store and calls {@link #decide}.
 *
 * <p><b>The rule.</b> Candidates share the incoming event's region (events are keyed by it).
 * <ul>
 *   <li><b>Exact duplicate</b>: the same event id (an article re-sent), or a shared source URL
 *       with the same type (the same article under another id).</li>
 *   <li><b>Near duplicate</b>: same type, event days at most {@code dayTolerance} apart,
 *       participant counts that agree (both unknown, one unknown, or within
 *       {@code participantTolerance} of each other), and either the same place as written, or
 *       similar texts (Jaccard similarity of the evidence's character trigrams at least
 *       {@code textSimilarity}), or, for reports in different languages, the same stated
 *       participant count.</li>
 *   <li>Otherwise the event is new.</li>
 * </ul>
 * <b>Trade-offs.</b> Two strikes of the same type on the same day in one region, at the same place
 * as written, with no conflicting counts, are merged: a missed second event is the price of not
 * counting one strike reported by five outlets five times. Different counts keep events apart
 * (700 at one place and 1,425 at another on one day are two events); so does a different type,
 * which can split one story read differently by two outlets.
 */
public final class EventDedup {

    /** What {@link #decide} says of an incoming event. */
    public enum Verdict { NEW, EXACT_DUPLICATE, NEAR_DUPLICATE }

    /** A verdict and, for a duplicate, the event it duplicates. */
    public record Decision(Verdict verdict, LaborEvent of, double similarity) {
        static final Decision NEW = new Decision(Verdict.NEW, null, 0);
    }

    /**
     * @param horizon              how long an event stays a candidate (state is bounded by it)
     * @param dayTolerance         event days at most this far apart can be the same happening
     * @param participantTolerance relative difference of two stated counts still taken as equal
     * @param textSimilarity       trigram Jaccard similarity from which two evidences tell one story
     * @param maxCandidates        most events kept per region and day
     */
    public record Settings(Duration horizon, int dayTolerance, double participantTolerance, double textSimilarity,
            int maxCandidates) {
        public Settings {
            Objects.requireNonNull(horizon, "horizon");
            if (horizon.isNegative() || horizon.isZero() || dayTolerance < 0 || participantTolerance < 0
                    || textSimilarity <= 0 || textSimilarity > 1 || maxCandidates < 1) {
                throw new IllegalArgumentException("invalid dedup settings: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofDays(7), 1, 0.2, 0.5, 500);
        }
    }

    private EventDedup() {
    }

    public static Decision decide(List<LaborEvent> candidates, LaborEvent incoming, Settings settings) {
        Decision best = Decision.NEW;
        String place = normalizedPlace(incoming);
        Set<String> text = trigrams(incoming.getEvidence());
        for (LaborEvent candidate : candidates) {
            if (candidate.getId().equals(incoming.getId()) || (candidate.getEventType() == incoming.getEventType()
                    && shareAny(candidate.getSourceUrls(), incoming.getSourceUrls()))) {
                return new Decision(Verdict.EXACT_DUPLICATE, candidate, 1.0);
            }
            if (candidate.getEventType() != incoming.getEventType()
                    || Math.abs(day(candidate) - day(incoming)) > settings.dayTolerance()
                    || !countsAgree(candidate.getParticipants(), incoming.getParticipants(), settings.participantTolerance())) {
                continue;
            }
            double similarity = jaccard(trigrams(candidate.getEvidence()), text);
            boolean samePlace = place != null && place.equals(normalizedPlace(candidate));
            boolean otherLanguageSameCount = !Objects.equals(candidate.getLang(), incoming.getLang())
                    && candidate.getParticipants() != null && candidate.getParticipants().equals(incoming.getParticipants());
            if ((samePlace || similarity >= settings.textSimilarity() || otherLanguageSameCount) && similarity >= best.similarity()) {
                best = new Decision(Verdict.NEAR_DUPLICATE, candidate, similarity);
            }
        }
        return best;
    }

    /** The surviving event with the duplicate's provenance merged in: one more report, sources joined. */
    public static LaborEvent merge(LaborEvent survivor, LaborEvent duplicate) {
        Long participants = survivor.getParticipants() == null ? duplicate.getParticipants()
                : duplicate.getParticipants() == null ? survivor.getParticipants()
                : Long.valueOf(Math.max(survivor.getParticipants(), duplicate.getParticipants()));
        return LaborEvent.newBuilder(survivor)
                .setReportCount(survivor.getReportCount() + 1)
                .setSourceIds(union(survivor.getSourceIds(), duplicate.getSourceIds()))
                .setSourceUrls(union(survivor.getSourceUrls(), duplicate.getSourceUrls()))
                .setSources(union(survivor.getSources(), duplicate.getSources()))
                .setParticipants(participants)
                .setConfidence(Math.max(survivor.getConfidence(), duplicate.getConfidence()))
                .build();
    }

    /** The UTC day of an event's time, as days since the epoch. */
    public static long day(LaborEvent event) {
        return LocalDate.ofInstant(event.getEventTime(), ZoneOffset.UTC).toEpochDay();
    }

    static boolean countsAgree(Long a, Long b, double tolerance) {
        if (a == null || b == null) {
            return true;
        }
        return Math.abs(a - b) <= tolerance * Math.max(a, b);
    }

    /** Jaccard similarity of the character trigrams of two texts, normalised; 0 when either is missing. */
    static double similarity(String a, String b) {
        return jaccard(trigrams(a), trigrams(b));
    }

    private static double jaccard(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return common.size() / (double) (x.size() + y.size() - common.size());
    }

    /** The character trigrams of a text after normalisation, whitespace runs as one space. */
    private static Set<String> trigrams(String text) {
        if (text == null) {
            return Set.of();
        }
        String flat = TextNormalizer.normalize(text).replaceAll("\\s+", " ");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 3 <= flat.length(); i++) {
            grams.add(flat.substring(i, i + 3));
        }
        return grams;
    }

    private static String normalizedPlace(LaborEvent event) {
        return event.getPlace() == null ? null : TextNormalizer.normalize(event.getPlace());
    }

    private static boolean shareAny(List<String> a, List<String> b) {
        return !a.isEmpty() && !b.isEmpty() && a.stream().anyMatch(new HashSet<>(b)::contains);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
