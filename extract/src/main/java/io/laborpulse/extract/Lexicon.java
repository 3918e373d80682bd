package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cues per language, loaded from {@code lexicon/<lang>.tsv}: event-type cues, actor cues and
 * sector cues. A text's score for a type (or sector) is the sum of the weights of the cues it
 * contains, each cue counted at most twice so a word repeated through a long article does not
 * drown the rest.
 *
 * <p>A type cue of weight 0 names another sense of a word (المقرر, "scheduled", holds قرر,
 * "decided"): it counts for nothing and keeps the cues inside it from counting.
 *
 * <p>The label column says what a cue is: an {@link EventType} name; {@code ACTOR}, a word that
 * marks labour news without naming a type ("workers"); {@code ACTOR:<Actor>}, an organisation
 * that also marks labour news ("trade union"); or {@code SECTOR:<Sector>}, the trade concerned
 * ("miners"), which on its own does not make a text labour news.
 */
public final class Lexicon {

    static final List<String> LANGUAGES = List.of("fa", "zh", "en", "ar");
    private static final String ACTOR = "ACTOR";
    private static final String ACTOR_PREFIX = "ACTOR:";
    private static final String SECTOR_PREFIX = "SECTOR:";
    private static final int MAX_COUNT_PER_CUE = 2;

    /** One cue: exactly one of {@code type} and {@code sector} is set, or neither for an actor cue. */
    record Cue(String term, EventType type, Actor actor, Sector sector, int weight) {
    }

    /**
     * What one text says: scores per type, whether a labour actor is named at all, which
     * organisations take part, and the sector with the highest score (null when none is named).
     */
    public record Scores(Map<EventType, Integer> byType, boolean actor, Set<Actor> actors, Sector sector) {
        public int total() {
            return byType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Map<String, TermTrie<Cue>> cues;

    private Lexicon(Map<String, List<Cue>> cues) {
        Map<String, TermTrie<Cue>> tries = new HashMap<>();
        cues.forEach((lang, list) -> {
            Map<String, List<Cue>> byTerm = new HashMap<>();
            list.forEach(cue -> byTerm.computeIfAbsent(cue.term(), t -> new ArrayList<>()).add(cue));
            tries.put(lang, TermTrie.of(byTerm));
        });
        this.cues = Map.copyOf(tries);
    }

    public static Lexicon loadDefault() {
        Map<String, List<Cue>> cues = new HashMap<>();
        for (String lang : LANGUAGES) {
            cues.put(lang, read(lang));
        }
        return new Lexicon(cues);
    }

    /** Every cue found in one normalised text, found once and then scored for any span of it. */
    public static final class Hits {
        private final List<TermTrie.Match<Cue>> matches;

        private Hits(List<TermTrie.Match<Cue>> matches) {
            this.matches = matches;
        }

    }

    /** Finds the cues of a language in normalised text; languages without a lexicon use the English one. */
    public Hits find(String lang, String normalized) {
        String key = cues.containsKey(lang) ? lang : "en";
        // Latin-script cues count only at a word's start ("rally" not in "generally"): the trie sees to it.
        return new Hits(outermostTypeCues(cues.get(key).matches(normalized, Lexicon::mayStartCue)));
    }

    /**
     * Drops a type cue that lies inside a longer type cue found at the same place: "الإضراب"
     * holds "إضراب" and "protested" holds "protest", and one mention should count once. It also
     * lets a phrase stand for another sense of its word ("strike rate", labelled OTHER, keeps
     * "strike" from counting). Actor and sector cues are kept: they only say who is named.
     */
    private static List<TermTrie.Match<Cue>> outermostTypeCues(List<TermTrie.Match<Cue>> matches) {
        // Matches come ordered by start, then length: a cue holding this one starts at most the
        // longest match's length before it, so only that stretch is searched.
        int longest = matches.stream().mapToInt(m -> m.end() - m.start()).max().orElse(0);
        List<TermTrie.Match<Cue>> kept = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            TermTrie.Match<Cue> match = matches.get(i);
            boolean inside = false;
            if (match.value().type() != null) {
                for (int j = i - 1; j >= 0 && !inside && matches.get(j).start() >= match.start() - longest; j--) {
                    inside = holds(matches.get(j), match);
                }
                for (int j = i + 1; j < matches.size() && !inside && matches.get(j).start() == match.start(); j++) {
                    inside = holds(matches.get(j), match);
                }
            }
            if (!inside) {
                kept.add(match);
            }
        }
        return kept;
    }

    /** Whether type cue {@code outer} is longer than {@code inner} and covers it. */
    private static boolean holds(TermTrie.Match<Cue> outer, TermTrie.Match<Cue> inner) {
        return outer.value().type() != null && outer.start() <= inner.start() && outer.end() >= inner.end()
                && outer.end() - outer.start() > inner.end() - inner.start();
    }

    /** How far into an Arabic-script word a cue may start: past prefixes such as و, ال, بال, می, نمی. */
    private static final int PREFIX_REACH = 4;

    /**
     * Cues start at a word's start or just after its prefixes; deeper inside a word a match is
     * part of another word (کار in بیکاری), and walking the trie from there is wasted.
     */
    private static boolean mayStartCue(String text, int at) {
        char c = text.charAt(at);
        if (!Scripts.inArabicBlock(c)) {
            return true;
        }
        for (int back = 1; back <= PREFIX_REACH; back++) {
            if (at - back < 0 || !Scripts.isLetter(text.charAt(at - back))) {
                return true;
            }
        }
        return false;
    }

    /** Scores normalised text of a language. */
    public Scores score(String lang, String normalized) {
        return score(find(lang, normalized), 0, normalized.length());
    }

    /** Scores the span {@code [from, to)} of the text {@code hits} were found in. */
    public Scores score(Hits hits, int from, int to) {
        Map<EventType, Integer> types = new EnumMap<>(EventType.class);
        Map<Sector, Integer> sectors = new EnumMap<>(Sector.class);
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        boolean actor = false;
        Map<Cue, Integer> counts = new java.util.IdentityHashMap<>(); // one Cue instance per lexicon row
        List<TermTrie.Match<Cue>> matches = hits.matches;
        for (int i = Spans.firstAtOrAfter(matches, TermTrie.Match::start, from); i < matches.size() && matches.get(i).start() < to; i++) {
            TermTrie.Match<Cue> match = matches.get(i);
            if (match.end() > to) {
                continue;
            }
            Cue cue = match.value();
            if (cue.weight() == 0 || counts.merge(cue, 1, Integer::sum) > MAX_COUNT_PER_CUE) {
                continue;
            }
            if (cue.type() != null) {
                types.merge(cue.type(), cue.weight(), Integer::sum);
            } else if (cue.sector() != null) {
                sectors.merge(cue.sector(), cue.weight(), Integer::sum);
            } else {
                actor = true;
                if (cue.actor() != null) {
                    actors.add(cue.actor());
                }
            }
        }
        Sector sector = sectors.entrySet().stream()
                .max(Map.Entry.<Sector, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
        return new Scores(types, actor, actors, sector);
    }

    private static List<Cue> read(String lang) {
        List<Cue> cues = new ArrayList<>();
        String file = "/io/laborpulse/extract/lexicon/" + lang + ".tsv";
        Set<String> seen = new HashSet<>();
        DataFiles.readTsv(file, 3, cells -> {
            String term = TextNormalizer.normalize(cells[0]);
            String label = cells[1];
            // Spellings that normalise alike (إضراب, اضراب) are one cue: listed twice, it would count twice.
            if (!seen.add(term + '\t' + label)) {
                throw new IllegalStateException(file + ": '" + cells[0] + "' is listed twice as " + label
                        + " once normalised (as '" + term + "')");
            }
            int weight = Integer.parseInt(cells[2]);
            try {
                if (label.equals(ACTOR)) {
                    cues.add(new Cue(term, null, null, null, weight));
                } else if (label.startsWith(ACTOR_PREFIX)) {
                    cues.add(new Cue(term, null, Actor.valueOf(label.substring(ACTOR_PREFIX.length())), null, weight));
                } else if (label.startsWith(SECTOR_PREFIX)) {
                    cues.add(new Cue(term, null, null, Sector.valueOf(label.substring(SECTOR_PREFIX.length())), weight));
                } else {
                    cues.add(new Cue(term, EventType.valueOf(label), null, null, weight));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": unknown label '" + label + "' for term '" + cells[0]
                        + "' (expected an EventType, ACTOR, ACTOR:<Actor> or SECTOR:<Sector>)", e);
            }
        });
        return List.copyOf(cues);
    }
}
