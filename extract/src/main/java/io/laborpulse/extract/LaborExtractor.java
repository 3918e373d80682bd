package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction engine: language, normalisation, places, event type, participants and dates,
 * with round-ups split into one event per place and activity.
 *
 * <p>A round-up is recognised by its sub-headlines: short lines (or, in Chinese, space-separated
 * blocks) that open with a place name ("白银市总工会开展…"). Each such section that reads as
 * labour activity at a resolvable place becomes its own event; with fewer than two, the text is
 * read as one story with one event at its main place.
 */
public final class LaborExtractor implements Extractor {

    private static final int EVIDENCE_LENGTH = 200;
    private static final int MIN_TYPE_SCORE = 3;
    private static final int MAX_SECONDARY = 3;
    private static final Pattern CHUNK_BREAK_ZH = Pattern.compile("[\\n\\s\\u3000]+");
    private static final Pattern CHUNK_BREAK = Pattern.compile("\\n+");
    private static final Set<EventType> ACTIONS = Set.of(EventType.STRIKE, EventType.PROTEST);

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;

    public LaborExtractor(Gazetteer gazetteer, Lexicon lexicon) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
    }

    public static LaborExtractor loadDefault() {
        return new LaborExtractor(Gazetteer.loadDefault(), Lexicon.loadDefault());
    }

    @Override
    public Extraction extract(Document doc) {
        if (doc == null || doc.text() == null || doc.text().isBlank()) {
            throw new IllegalArgumentException("Document " + (doc == null ? null : doc.id()) + " has no text to read");
        }
        String title = doc.title() == null ? "" : doc.title().strip();
        String lang = LanguageDetector.detect(title + "\n" + doc.text());
        if (lang.equals(LanguageDetector.UNDETERMINED) && doc.langHint() != null) {
            lang = doc.langHint();
        }
        String normalizedTitle = TextNormalizer.normalize(title);
        String text = normalizedTitle.isEmpty()
                ? TextNormalizer.normalize(doc.text())
                : normalizedTitle + "\n" + TextNormalizer.normalize(doc.text());
        int titleEnd = normalizedTitle.length();
        String prior = priorCountry(doc.countryHint(), lang);
        List<Gazetteer.Mention> mentions = gazetteer.find(text);
        Set<String> context = PlaceResolver.unambiguousRegions(mentions);

        List<ExtractedEvent> roundUp = new ArrayList<>();
        List<Section> sections = sections(text, mentions, lang);
        if (sections.size() >= 2) {
            for (Section section : sections) {
                List<Gazetteer.Mention> inside = mentions.stream()
                        .filter(m -> m.start() >= section.start() && m.end() <= section.end())
                        .map(m -> new Gazetteer.Mention(m.name(), m.start() - section.start(), m.end() - section.start()))
                        .toList();
                read(lang, section.text(), inside, 0, prior, context, doc, true).ifPresent(roundUp::add);
            }
        }
        List<ExtractedEvent> events = distinct(withoutSummaries(roundUp));
        if (events.size() < 2) {
            events = read(lang, text, mentions, titleEnd, prior, context, doc, false).map(List::of).orElse(List.of());
        }
        return new Extraction(lang, events);
    }

    /** One event from a text or section, if it reads as labour news. */
    private java.util.Optional<ExtractedEvent> read(String lang, String text, List<Gazetteer.Mention> mentions,
            int titleEnd, String prior, Set<String> context, Document doc, boolean section) {
        Lexicon.Scores scores = lexicon.score(lang, text);
        List<Map.Entry<EventType, Integer>> ranked = scores.byType().entrySet().stream()
                .sorted(Map.Entry.<EventType, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        int top = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        boolean labour = top >= MIN_TYPE_SCORE || (top > 0 && scores.actor()) || (!section && scores.actor());
        if (!labour) {
            return java.util.Optional.empty();
        }
        PlaceResolver.Resolution where = PlaceResolver.resolve(mentions, text, titleEnd, prior, context);
        if (section && (where.place() == null || where.place().precision() == Precision.COUNTRY)) {
            return java.util.Optional.empty();
        }
        ranked = actionsFirst(ranked);
        top = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        EventType type = ranked.isEmpty() ? EventType.OTHER : ranked.get(0).getKey();
        int second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        int secondaryFloor = Math.max(2, (int) Math.ceil(top * 0.34));
        List<EventType> secondary = ranked.stream().skip(1)
                .filter(e -> e.getValue() >= secondaryFloor)
                .limit(MAX_SECONDARY)
                .map(Map.Entry::getKey)
                .toList();
        Place place = where.place();
        Precision precision = place == null ? Precision.UNKNOWN : place.precision();
        String country = place == null ? null : place.country();
        String region = place == null ? null : place.region();
        String regionName = region != null ? gazetteer.place(region).name() : place != null ? place.name() : null;
        double confidence = confidence(top, second, precision);
        return java.util.Optional.of(new ExtractedEvent(type, secondary, country, region, regionName,
                where.asWritten(), precision, NumberReader.participants(lang, text),
                DateReader.eventDate(lang, text, doc.published()), confidence, evidence(text)));
    }

    /**
     * Workers acting (a strike, a protest) is the event; what they act over (arrears, layoffs)
     * is its cause. So an action with a clear score goes first, whatever the cause scores, and
     * the cause stays as a secondary type.
     */
    private static List<Map.Entry<EventType, Integer>> actionsFirst(List<Map.Entry<EventType, Integer>> ranked) {
        List<Map.Entry<EventType, Integer>> actions = ranked.stream()
                .filter(e -> ACTIONS.contains(e.getKey()) && e.getValue() >= MIN_TYPE_SCORE)
                .toList();
        if (actions.isEmpty() || actions.get(0) == ranked.get(0)) {
            return ranked;
        }
        List<Map.Entry<EventType, Integer>> reordered = new ArrayList<>(actions);
        ranked.stream().filter(e -> !actions.contains(e)).forEach(reordered::add);
        return reordered;
    }

    /** A sub-headline opened by a place name starts a section; the text before the first is a section too. */
    private static List<Section> sections(String text, List<Gazetteer.Mention> mentions, String lang) {
        boolean chinese = lang.equals("zh");
        int maxHeading = chinese ? 40 : 90;
        Matcher breaks = (chinese ? CHUNK_BREAK_ZH : CHUNK_BREAK).matcher(text);
        List<Integer> starts = new ArrayList<>();
        String lastOpening = null;
        int chunkStart = 0;
        while (chunkStart < text.length()) {
            int chunkEnd = breaks.find(chunkStart) ? breaks.start() : text.length();
            int next = chunkEnd < text.length() ? breaks.end() : text.length();
            String opening = chunkEnd - chunkStart <= maxHeading ? openingPlace(mentions, chunkStart) : null;
            // A sub-headline and a first sentence naming the same place belong to one section.
            if (opening != null && !opening.equals(lastOpening)) {
                starts.add(chunkStart);
            }
            if (opening != null) {
                lastOpening = opening;
            }
            chunkStart = next;
        }
        if (starts.isEmpty()) {
            return List.of();
        }
        if (starts.get(0) > 0) {
            starts.add(0, 0); // the lead before the first sub-headline may hold an event of its own
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            sections.add(new Section(start, end, text.substring(start, end)));
        }
        return sections;
    }

    /** The name a chunk opens with, if it is a region or city; else null. */
    private static String openingPlace(List<Gazetteer.Mention> mentions, int chunkStart) {
        return mentions.stream()
                .filter(m -> m.start() >= chunkStart && m.start() <= chunkStart + 2
                        && m.places().stream().anyMatch(p -> p.precision() != Precision.COUNTRY))
                .map(m -> m.name().normalized())
                .findFirst()
                .orElse(null);
    }

    private record Section(int start, int end, String text) {
    }

    /**
     * A section placed only at region level ("our province's unions…") beside sections placed in
     * cities of that region is the round-up's summary, not an event of its own.
     */
    private static List<ExtractedEvent> withoutSummaries(List<ExtractedEvent> events) {
        Set<String> regionsWithCities = new HashSet<>();
        events.stream().filter(e -> e.precision() == Precision.CITY).forEach(e -> regionsWithCities.add(e.region()));
        return events.stream()
                .filter(e -> !(e.precision() == Precision.REGION && regionsWithCities.contains(e.region())))
                .toList();
    }

    /** The same place, type, date and count read twice is one event. */
    private static List<ExtractedEvent> distinct(List<ExtractedEvent> events) {
        Set<List<Object>> seen = new HashSet<>();
        List<ExtractedEvent> unique = new ArrayList<>();
        for (ExtractedEvent e : events) {
            List<Object> key = java.util.Arrays.asList(e.place(), e.region(), e.type(), e.eventDate(), e.participants());
            if (seen.add(key)) {
                unique.add(e);
            }
        }
        return unique;
    }

    private static double confidence(int top, int second, Precision precision) {
        double margin = top == 0 ? 0 : (top - second) / (double) top;
        double strength = Math.min(1.0, top / 6.0);
        double placeFactor = switch (precision) {
            case CITY, REGION -> 1.0;
            case COUNTRY -> 0.8;
            case UNKNOWN -> 0.6;
        };
        double value = (0.4 + 0.4 * margin + 0.2 * strength) * placeFactor;
        return Math.round(value * 100) / 100.0;
    }

    private static String evidence(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EVIDENCE_LENGTH ? flat : flat.substring(0, EVIDENCE_LENGTH - 1) + "…";
    }

    private static String priorCountry(String countryHint, String lang) {
        if (countryHint != null && !countryHint.isBlank()) {
            return countryHint.strip().toUpperCase(java.util.Locale.ROOT);
        }
        return switch (lang) {
            case "fa" -> "IR";
            case "zh" -> "CN";
            default -> null;
        };
    }

}
