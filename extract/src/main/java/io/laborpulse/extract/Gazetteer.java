package io.laborpulse.extract;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Place names mapped to ISO 3166 codes with a precision, loaded from data: the TSV files
 * under {@code gazetteer/} (regions, cities and their native names and aliases; sources in the
 * folder's README) plus every country's name in English, Persian, Chinese and Arabic from
 * ICU's copy of the Unicode CLDR.
 *
 * <p>{@link #find} returns every mention in a normalised text, longest names first and never
 * overlapping; a name shared by several places returns all of them for the resolver to choose.
 */
public final class Gazetteer {

    private static final String RESOURCE_DIR = "/io/laborpulse/extract/gazetteer/";
    private static final List<String> FILES = List.of("iran.tsv", "china.tsv", "world.tsv");
    private static final List<ULocale> COUNTRY_NAME_LOCALES = List.of(
            ULocale.ENGLISH, ULocale.forLanguageTag("fa"), ULocale.SIMPLIFIED_CHINESE, ULocale.forLanguageTag("ar"));
    /** A name marked {@code ~} in the data is also a common word: it counts only beside other evidence. */
    private static final char WEAK_MARK = '~';

    /** A name as matched: normalised form, the places it may mean, whether it is weak on its own. */
    record Name(String normalized, List<Place> places, boolean weak) {
    }

    /** One occurrence of a name in a text. */
    public record Mention(Name name, int start, int end) {
        public List<Place> places() {
            return name.places();
        }
    }

    private final TermTrie<Name> trie;
    private final Map<String, Place> byId;

    private Gazetteer(List<Name> names, Map<String, Place> byId) {
        Map<String, List<Name>> terms = new HashMap<>();
        names.forEach(n -> terms.put(n.normalized(), List.of(n)));
        this.trie = TermTrie.of(terms);
        this.byId = byId;
    }

    public static Gazetteer loadDefault() {
        Map<String, Place> places = new LinkedHashMap<>();
        Map<String, List<Place>> placesByName = new HashMap<>();
        Map<String, Boolean> weak = new HashMap<>();
        for (String country : ULocale.getISOCountries()) {
            Place place = new Place(country, country, null, Precision.COUNTRY, new ULocale("", country).getDisplayCountry(ULocale.ENGLISH));
            places.put(country, place);
            for (ULocale locale : COUNTRY_NAME_LOCALES) {
                addName(placesByName, weak, new ULocale("", country).getDisplayCountry(locale), place);
            }
        }
        for (String file : FILES) {
            readTsv(file, places, placesByName, weak);
        }
        List<Name> names = new ArrayList<>();
        placesByName.forEach((name, list) -> names.add(new Name(name, List.copyOf(list), weak.getOrDefault(name, false))));
        return new Gazetteer(List.copyOf(names), Map.copyOf(places));
    }

    public Place place(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    /**
     * Mentions in {@code normalized} (output of {@link TextNormalizer#normalize}), in text order:
     * the longest name wins where names overlap, and an alphabetic name counts only as a whole
     * word, before overlaps are settled, so "Tehrani" neither matches nor hides a shorter name.
     */
    public List<Mention> find(String normalized) {
        List<TermTrie.Match<Name>> candidates = new ArrayList<>();
        for (TermTrie.Match<Name> match : trie.matches(normalized)) {
            if (atWordBoundaries(normalized, match.start(), match.end())) {
                candidates.add(match);
            }
        }
        candidates.sort(Comparator.comparingInt((TermTrie.Match<Name> m) -> m.end() - m.start()).reversed()
                .thenComparingInt(TermTrie.Match::start));
        boolean[] taken = new boolean[normalized.length()];
        List<Mention> mentions = new ArrayList<>();
        for (TermTrie.Match<Name> match : candidates) {
            if (isFree(taken, match.start(), match.end())) {
                java.util.Arrays.fill(taken, match.start(), match.end(), true);
                mentions.add(new Mention(match.value(), match.start(), match.end()));
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    private static boolean isFree(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Alphabetic names must stand as words (Tehran, not Tehrani); Chinese has no word breaks,
     * so Han names match anywhere and overlaps are settled by longest-first.
     */
    private static boolean atWordBoundaries(String text, int start, int end) {
        if (Character.UnicodeScript.of(text.codePointAt(start)) == Character.UnicodeScript.HAN) {
            return true;
        }
        boolean before = start == 0 || !Character.isLetter(text.codePointBefore(start));
        boolean after = end >= text.length() || !Character.isLetter(text.codePointAt(end));
        return before && after;
    }

    private static void readTsv(String file, Map<String, Place> places, Map<String, List<Place>> placesByName,
            Map<String, Boolean> weak) {
        DataFiles.readTsv(RESOURCE_DIR + file, 6, cells -> {
            Precision precision = Precision.valueOf(cells[2]);
            Place place = places.computeIfAbsent(cells[0], id -> new Place(id, cells[1],
                    precision == Precision.COUNTRY ? null : cells[3], precision, cells[4]));
            addName(placesByName, weak, cells[4], place);
            for (String alias : cells[5].split("\\|")) {
                addName(placesByName, weak, alias, place);
            }
        });
    }

    private static void addName(Map<String, List<Place>> placesByName, Map<String, Boolean> weak, String raw, Place place) {
        if (raw == null || raw.isBlank() || raw.equals("-")) {
            return;
        }
        boolean isWeak = raw.charAt(0) == WEAK_MARK;
        String normalized = TextNormalizer.normalize(isWeak ? raw.substring(1) : raw).strip();
        if (normalized.length() < 2) {
            return;
        }
        List<Place> list = placesByName.computeIfAbsent(normalized, n -> new ArrayList<>());
        if (!list.contains(place)) {
            list.add(place);
        }
        weak.merge(normalized, isWeak, Boolean::logicalOr);
    }
}
