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
    /**
     * Generated files first (written by {@code extract/gazetteer/build.mjs} from the public lists
     * named in their headers), then the hand-written overlays, whose rows add names to the place
     * with the same id, give it its English name and settle its names' weak marks.
     */
    private static final List<String> GENERATED = List.of(
            "iran-generated.tsv", "china-generated.tsv", "world-generated.tsv", "world-cities-generated.tsv");
    private static final List<String> CURATED = List.of("iran-curated.tsv", "china-curated.tsv", "world-curated.tsv");
    private static final ULocale PERSIAN = ULocale.forLanguageTag("fa");
    private static final ULocale ARABIC = ULocale.forLanguageTag("ar");
    private static final List<ULocale> COUNTRY_NAME_LOCALES = List.of(ULocale.ENGLISH, PERSIAN, ULocale.SIMPLIFIED_CHINESE, ARABIC);
    /** A name marked {@code ~} in the data is also a common word: it counts only beside other evidence. */
    private static final char WEAK_MARK = '~';
    /** In a curated file, a name marked {@code !} is taken away from the place its row names. */
    private static final char REMOVE_MARK = '!';

    /** In the data, a name marked {@code ^} means its place when a text does not say which of the places sharing it. */
    private static final char USUAL_MARK = '^';

    /**
     * A name as matched: normalised form, the places it may mean, whether it is weak on its own,
     * and the place it usually means when nothing in a text settles it (null when none does).
     */
    record Name(String normalized, List<Place> places, boolean weak, Place usual) {

        /** The name narrowed to some of its places; its usual reading stays if it is among them. */
        Name withPlaces(List<Place> narrowed) {
            return new Name(normalized, narrowed, weak, usual != null && narrowed.contains(usual) ? usual : null);
        }

        /** The name read as a name, not as the word it also is. */
        Name asName() {
            return new Name(normalized, places, false, usual);
        }
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
        Loader loader = new Loader();
        for (String country : ULocale.getISOCountries()) {
            Place place = new Place(country, country, null, Precision.COUNTRY, new ULocale("", country).getDisplayCountry(ULocale.ENGLISH));
            loader.places.put(country, place);
            for (ULocale locale : COUNTRY_NAME_LOCALES) {
                loader.addName(new ULocale("", country).getDisplayCountry(locale), country, false);
            }
            loader.persianCountryName(country, new ULocale("", country).getDisplayCountry(PERSIAN),
                    new ULocale("", country).getDisplayCountry(ARABIC));
        }
        GENERATED.forEach(file -> loader.read(file, false));
        CURATED.forEach(file -> loader.read(file, true));
        return loader.build();
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
        return find(normalized, true);
    }

    /**
     * As {@link #find(String)}; {@code proclitics} says whether a name may follow an Arabic
     * proclitic joined to it (وبغداد, بالبصرة). Persian writes "and" and "to" apart, so in Persian
     * text a name inside a word is no name: وارد ("entered") is not "and Ard".
     */
    public List<Mention> find(String normalized, boolean proclitics) {
        List<TermTrie.Match<Name>> candidates = new ArrayList<>();
        // Names start at a word's start (after an Arabic proclitic or two): walking the trie from
        // inside Arabic-script words only to drop what it finds there costs a third of the time.
        for (TermTrie.Match<Name> match : trie.matches(normalized, proclitics ? Gazetteer::mayStartName : Gazetteer::startsWord)) {
            if (atWordBoundaries(normalized, match.start(), match.end(), proclitics)) {
                candidates.add(match);
            }
        }
        candidates.sort(Comparator.comparingInt((TermTrie.Match<Name> m) -> m.end() - m.start()).reversed()
                .thenComparingInt(TermTrie.Match::start));
        Map<Long, Name> bySpan = new HashMap<>();
        candidates.forEach(m -> bySpan.put(span(m.start(), m.end()), m.value()));
        boolean[] taken = new boolean[normalized.length()];
        List<Mention> mentions = new ArrayList<>();
        for (TermTrie.Match<Name> match : candidates) {
            if (isFree(taken, match.start(), match.end())) {
                java.util.Arrays.fill(taken, match.start(), match.end(), true);
                mentions.add(new Mention(withProcliticReading(normalized, match, bySpan), match.start(), match.end()));
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    private static long span(int start, int end) {
        return ((long) start << 32) | end;
    }

    /**
     * An Arabic name that opens with a proclitic letter may be that letter joined to another
     * name: وجدة is Morocco's Oujda, or "and Jeddah". Both readings are kept, for the
     * document's context to settle ({@link PlaceResolver#settle}).
     */
    private static Name withProcliticReading(String text, TermTrie.Match<Name> match, Map<Long, Name> bySpan) {
        int start = match.start();
        if (Scripts.PROCLITICS.indexOf(text.charAt(start)) < 0 || (start > 0 && Scripts.isLetter(text.charAt(start - 1)))) {
            return match.value();
        }
        Name shorter = bySpan.get(span(start + 1, match.end()));
        if (shorter == null) {
            return match.value();
        }
        List<Place> both = new ArrayList<>(match.value().places());
        shorter.places().stream().filter(p -> !both.contains(p)).forEach(both::add);
        return new Name(match.value().normalized(), List.copyOf(both), match.value().weak() && shorter.weak(), match.value().usual());
    }

    private static boolean isFree(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a name may start at {@code at}: outside Arabic script anywhere, inside it at a word's start. */
    private static boolean startsWord(String text, int at) {
        return at == 0 || !Scripts.inArabicBlock(text.charAt(at)) || !Scripts.isLetter(text.charAt(at - 1));
    }

    /** As {@link #startsWord}, or after an Arabic proclitic or two joined to the name (وبغداد). */
    private static boolean mayStartName(String text, int at) {
        return startsWord(text, at) || Scripts.afterProclitics(text, at);
    }

    /**
     * Alphabetic names must stand as words (Tehran, not Tehrani); Chinese has no word breaks,
     * so Han names match anywhere and overlaps are settled by longest-first.
     */
    private static boolean atWordBoundaries(String text, int start, int end, boolean proclitics) {
        if (Scripts.of(text.codePointAt(start)) == Character.UnicodeScript.HAN) {
            return true;
        }
        boolean before = start == 0 || !Scripts.isLetter(text.codePointBefore(start)) || (proclitics && Scripts.afterProclitics(text, start));
        boolean after = end >= text.length() || !Scripts.isLetter(text.codePointAt(end));
        return before && after;
    }

    /**
     * Gathers places and names from the data files. A place is one id: rows of several files with
     * the same id are merged, their names unioned, and the last English name given wins. A name's
     * weak mark comes from the curated files where they list it, else from the generated ones.
     */
    private static final class Loader {
        private final Map<String, Place> places = new LinkedHashMap<>();
        /** Normalised name to the ids of the places it names, in the order first seen. */
        private final Map<String, List<String>> idsByName = new HashMap<>();
        private final Map<String, Boolean> weakGenerated = new HashMap<>();
        private final Map<String, Boolean> weakCurated = new HashMap<>();
        private final Map<String, java.util.Set<String>> removed = new HashMap<>();
        /** Normalised name to the id of the place it usually means ({@link #USUAL_MARK}). */
        private final Map<String, String> usual = new HashMap<>();
        /** Persian country names that Arabic does not share, with their country (see {@link #build}). */
        private final Map<String, String> persianOnly = new HashMap<>();

        void persianCountryName(String country, String persian, String arabic) {
            String fa = normalize(persian);
            if (!fa.equals(normalize(arabic))) {
                persianOnly.put(fa, country);
            }
        }

        void read(String file, boolean curated) {
            DataFiles.readTsv(RESOURCE_DIR + file, 6, cells -> {
                Precision precision = Precision.valueOf(cells[2]);
                String region = precision == Precision.COUNTRY ? null : cells[3];
                String english = cells[4].equals("-") ? null : cells[4];
                String[] aliases = cells[5].split("\\|");
                Place known = places.get(cells[0]);
                if (known == null) {
                    String name = english != null ? english : firstName(aliases);
                    places.put(cells[0], new Place(cells[0], cells[1], region, precision, name));
                } else {
                    if (!known.country().equals(cells[1]) || known.precision() != precision
                            || !java.util.Objects.equals(known.region(), region)) {
                        throw new IllegalStateException(file + ": " + cells[0] + " differs from its earlier row: " + known);
                    }
                    if (english != null) {
                        places.put(cells[0], new Place(known.id(), known.country(), known.region(), known.precision(), english));
                    }
                }
                for (String alias : aliases) {
                    if (curated && !alias.isEmpty() && alias.charAt(0) == REMOVE_MARK) {
                        removed.computeIfAbsent(normalize(alias.substring(1)), n -> new java.util.HashSet<>()).add(cells[0]);
                    } else {
                        addName(alias, cells[0], curated);
                    }
                }
            });
        }

        private static String firstName(String[] aliases) {
            for (String alias : aliases) {
                if (!alias.isBlank() && !alias.equals("-") && alias.charAt(0) != REMOVE_MARK) {
                    return alias.charAt(0) == WEAK_MARK || alias.charAt(0) == USUAL_MARK ? alias.substring(1) : alias;
                }
            }
            return null;
        }

        private static String normalize(String raw) {
            return TextNormalizer.normalize(raw).strip();
        }

        void addName(String raw, String id, boolean curated) {
            if (raw == null || raw.isBlank() || raw.equals("-")) {
                return;
            }
            boolean isWeak = raw.charAt(0) == WEAK_MARK;
            boolean isUsual = raw.charAt(0) == USUAL_MARK;
            String normalized = normalize(isWeak || isUsual ? raw.substring(1) : raw);
            if (normalized.length() < 2) {
                return;
            }
            if (isUsual) {
                usual.put(normalized, id);
            }
            List<String> ids = idsByName.computeIfAbsent(normalized, n -> new ArrayList<>(1));
            if (!ids.contains(id)) {
                ids.add(id);
            }
            (curated ? weakCurated : weakGenerated).merge(normalized, isWeak, Boolean::logicalOr);
        }

        Gazetteer build() {
            Map<String, Place> byId = Map.copyOf(places);
            List<Name> names = new ArrayList<>(idsByName.size());
            idsByName.forEach((name, ids) -> {
                java.util.Set<String> gone = new java.util.HashSet<>(removed.getOrDefault(name, java.util.Set.of()));
                // Persian calls Morocco مراکش, which Arabic (and the letters' folding) reads as
                // Marrakech: where a Persian-only country name is also a place in that country,
                // the place keeps it.
                String country = persianOnly.get(name);
                if (country != null && ids.stream().anyMatch(id -> !id.equals(country) && byId.get(id).country().equals(country))) {
                    gone.add(country);
                }
                List<Place> list = ids.stream().filter(id -> !gone.contains(id)).map(byId::get).toList();
                if (!list.isEmpty()) {
                    boolean weak = weakCurated.containsKey(name) ? weakCurated.get(name) : weakGenerated.getOrDefault(name, false);
                    Place usualPlace = usual.containsKey(name) ? byId.get(usual.get(name)) : null;
                    names.add(new Name(name, list, weak, usualPlace != null && list.contains(usualPlace) ? usualPlace : null));
                }
            });
            return new Gazetteer(List.copyOf(names), byId);
        }
    }
}
