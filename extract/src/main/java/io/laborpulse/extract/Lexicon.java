package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event-type cues per language, loaded from {@code lexicon/<lang>.tsv}. A text's score for a
 * type is the sum of the weights of the cues it contains, each cue counted at most twice so a
 * word repeated through a long article does not drown the rest.
 */
public final class Lexicon {

    static final List<String> LANGUAGES = List.of("fa", "zh", "en", "ar");
    private static final String ACTOR = "ACTOR";
    private static final int MAX_COUNT_PER_CUE = 2;

    record Cue(String term, EventType type, int weight) {
    }

    /** Scores of one text: per type, and whether a labour actor is named at all. */
    public record Scores(Map<EventType, Integer> byType, boolean actor) {
        public int total() {
            return byType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Map<String, TermTrie<Cue>> cues;
    private final Map<String, List<String>> actors;

    private Lexicon(Map<String, List<Cue>> cues, Map<String, List<String>> actors) {
        Map<String, TermTrie<Cue>> tries = new HashMap<>();
        cues.forEach((lang, list) -> {
            Map<String, List<Cue>> byTerm = new HashMap<>();
            list.forEach(cue -> byTerm.computeIfAbsent(cue.term(), t -> new ArrayList<>()).add(cue));
            tries.put(lang, TermTrie.of(byTerm));
        });
        this.cues = Map.copyOf(tries);
        this.actors = actors;
    }

    public static Lexicon loadDefault() {
        Map<String, List<Cue>> cues = new HashMap<>();
        Map<String, List<String>> actors = new HashMap<>();
        for (String lang : LANGUAGES) {
            List<Cue> typed = new ArrayList<>();
            List<String> actorTerms = new ArrayList<>();
            read(lang, typed, actorTerms);
            cues.put(lang, List.copyOf(typed));
            actors.put(lang, List.copyOf(actorTerms));
        }
        return new Lexicon(Map.copyOf(cues), Map.copyOf(actors));
    }

    /** Scores normalised text of a language; languages without a lexicon use the English one. */
    public Scores score(String lang, String normalized) {
        String key = cues.containsKey(lang) ? lang : "en";
        Map<EventType, Integer> scores = new EnumMap<>(EventType.class);
        Map<Cue, Integer> counts = new HashMap<>();
        for (TermTrie.Match<Cue> match : cues.get(key).matches(normalized)) {
            if (counts.merge(match.value(), 1, Integer::sum) <= MAX_COUNT_PER_CUE) {
                scores.merge(match.value().type(), match.value().weight(), Integer::sum);
            }
        }
        boolean actor = actors.get(key).stream().anyMatch(normalized::contains);
        return new Scores(scores, actor);
    }

    private static void read(String lang, List<Cue> typed, List<String> actorTerms) {
        DataFiles.readTsv("/io/laborpulse/extract/lexicon/" + lang + ".tsv", 3, cells -> {
            String term = TextNormalizer.normalize(cells[0]);
            if (cells[1].equals(ACTOR)) {
                actorTerms.add(term);
            } else {
                typed.add(new Cue(term, EventType.valueOf(cells[1]), Integer.parseInt(cells[2])));
            }
        });
    }
}
