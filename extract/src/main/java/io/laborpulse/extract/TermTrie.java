package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every occurrence of many terms in one pass over a text: a character trie walked from
 * each position. Terms are short (a place name, a cue phrase), so the walk from a position
 * stops after a few characters, and the cost grows with the text, not with the number of
 * terms, which the gazetteer will multiply. Immutable once built; safe to share.
 *
 * <p>The trie is frozen into flat arrays, its nodes numbered breadth first from the root (0).
 * Node {@code n}'s children are then numbered one after another, and so are the edges leading
 * to them: edge {@code e} leads to node {@code e + 1}. Node {@code n}'s edges run from
 * {@code index[2n]} to {@code index[2n + 2]}, and {@code keys} holds the character of each,
 * scanned when there are few (most nodes have one or two) and bisected otherwise. Its values run
 * from {@code index[2n + 1]} to {@code index[2n + 3]} in {@code values}. No boxing, no object per
 * node (little memory with a gazetteer of tens of thousands of names), and each step of a walk
 * reads two neighbouring places in memory rather than chasing references. The root's children,
 * looked up at every position, sit in a table indexed by character (256 KiB per trie).
 *
 * @param <V> what a term stands for
 */
final class TermTrie<V> {

    /** One occurrence: {@code text.substring(start, end)} is a term standing for {@code value}. */
    record Match<V>(int start, int end, V value) {
    }

    /** Below this many children a plain scan beats bisection. */
    private static final int SCAN_LIMIT = 8;
    /** Node number 0 is the root, which no walk steps into: as a child, it means "none". */
    private static final int NONE = 0;

    /** A mutable node used while building; frozen into the arrays once all terms are in. */
    private static final class Draft<V> {
        private final TreeMap<Character, Draft<V>> next = new TreeMap<>();
        private final List<V> values = new ArrayList<>(1);
    }

    /** The root's child for each character, or {@link #NONE}: the step taken at every position of every text. */
    private final int[] first;
    /** For node {@code n}: its first edge at {@code 2n}, its first value at {@code 2n + 1}. */
    private final int[] index;
    private final char[] keys;
    private final Object[] values;

    private TermTrie(Draft<V> root) {
        List<Draft<V>> nodes = new ArrayList<>();
        nodes.add(root);
        for (int n = 0; n < nodes.size(); n++) {
            nodes.addAll(nodes.get(n).next.values());
        }
        int count = nodes.size();
        index = new int[2 * count + 2];
        keys = new char[count - 1];
        List<Object> allValues = new ArrayList<>();
        int edge = 0;
        for (int n = 0; n < count; n++) {
            Draft<V> node = nodes.get(n);
            index[2 * n] = edge;
            index[2 * n + 1] = allValues.size();
            for (Character key : node.next.keySet()) {
                keys[edge++] = key;
            }
            allValues.addAll(node.values);
        }
        index[2 * count] = edge;
        index[2 * count + 1] = allValues.size();
        values = allValues.toArray();
        first = new int[Character.MAX_VALUE + 1];
        for (int e = index[0]; e < index[2]; e++) {
            first[keys[e]] = e + 1;
        }
    }

    /** A trie of the given terms; several values may share a term. */
    static <V> TermTrie<V> of(Map<String, ? extends List<V>> terms) {
        Draft<V> root = new Draft<>();
        terms.forEach((term, values) -> {
            if (term.isEmpty()) {
                return;
            }
            Draft<V> node = root;
            for (int i = 0; i < term.length(); i++) {
                node = node.next.computeIfAbsent(term.charAt(i), c -> new Draft<>());
            }
            node.values.addAll(values);
        });
        return new TermTrie<>(root);
    }

    /**
     * All occurrences of all terms, overlapping ones included, ordered by start then length. In
     * Latin script a term starts only at the start of a word ("iran" is not in "tirana"); Arabic,
     * Persian and Chinese terms may start anywhere (prefixes join Arabic-script words, and Chinese
     * has no spaces).
     */
    List<Match<V>> matches(String text) {
        return matches(text, (t, at) -> true);
    }

    /**
     * As {@link #matches(String)}, walking the trie only from positions {@code starts} allows
     * (the rule for Latin script holds besides).
     */
    @SuppressWarnings("unchecked") // values holds only what of(..) put in, all of them Vs
    List<Match<V>> matches(String text, Starts starts) {
        List<Match<V>> found = new ArrayList<>();
        int length = text.length();
        for (int start = 0; start < length; start++) {
            char c = text.charAt(start);
            if (start > 0 && c < 0x250 && Scripts.isLetterOrDigit(c) && Scripts.isLetterOrDigit(text.charAt(start - 1))) {
                continue; // inside a Latin word
            }
            int node = first[c];
            if (node == NONE || !starts.mayStart(text, start)) {
                continue;
            }
            for (int at = start; ; ) {
                for (int v = index[2 * node + 1]; v < index[2 * node + 3]; v++) {
                    found.add(new Match<>(start, at + 1, (V) values[v]));
                }
                if (++at == length || (node = child(node, text.charAt(at))) == NONE) {
                    break;
                }
            }
        }
        return found;
    }

    private int child(int node, char c) {
        int from = index[2 * node];
        int to = index[2 * node + 2];
        if (to - from <= SCAN_LIMIT) {
            for (int e = from; e < to; e++) {
                if (keys[e] == c) {
                    return e + 1;
                }
            }
            return NONE;
        }
        int at = Arrays.binarySearch(keys, from, to, c);
        return at < 0 ? NONE : at + 1;
    }
}
