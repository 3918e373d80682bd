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
 * <p>Each node keeps its children as a sorted {@code char[]} beside an array of nodes, searched
 * by bisection: no boxing and little memory per node, which matters with a gazetteer of tens of
 * thousands of names. The root's children, looked up at every position, sit in a table indexed
 * by character (256 KiB per trie).
 *
 * @param <V> what a term stands for
 */
final class TermTrie<V> {

    /** One occurrence: {@code text.substring(start, end)} is a term standing for {@code value}. */
    record Match<V>(int start, int end, V value) {
    }

    private static final char[] NO_KEYS = new char[0];
    private static final Object[] NO_VALUES = new Object[0];

    private static final class Node<V> {
        /** Below this many children a plain scan beats bisection; most nodes have one or two. */
        private static final int SCAN_LIMIT = 8;
        private char[] keys = NO_KEYS;
        private Node<V>[] children;
        private Object[] values = NO_VALUES;

        Node<V> child(char c) {
            if (keys.length <= SCAN_LIMIT) {
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] == c) {
                        return children[i];
                    }
                }
                return null;
            }
            int at = Arrays.binarySearch(keys, c);
            return at < 0 ? null : children[at];
        }
    }

    /** A mutable node used while building; frozen into {@link Node}s once all terms are in. */
    private static final class Draft<V> {
        private final TreeMap<Character, Draft<V>> next = new TreeMap<>();
        private final List<V> values = new ArrayList<>(1);

        @SuppressWarnings("unchecked")
        Node<V> freeze() {
            Node<V> node = new Node<>();
            node.values = values.isEmpty() ? NO_VALUES : values.toArray();
            if (!next.isEmpty()) {
                node.keys = new char[next.size()];
                node.children = new Node[next.size()];
                int i = 0;
                for (Map.Entry<Character, Draft<V>> entry : next.entrySet()) {
                    node.keys[i] = entry.getKey();
                    node.children[i++] = entry.getValue().freeze();
                }
            }
            return node;
        }
    }

    /** The root's children indexed by character: the step taken at every position of every text. */
    private final Node<V>[] first;

    @SuppressWarnings("unchecked")
    private TermTrie(Node<V> root) {
        this.first = new Node[Character.MAX_VALUE + 1];
        for (int i = 0; i < root.keys.length; i++) {
            first[root.keys[i]] = root.children[i];
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
        return new TermTrie<>(root.freeze());
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
        for (int start = 0; start < text.length(); start++) {
            char c = text.charAt(start);
            if (start > 0 && c < 0x250 && Character.isLetterOrDigit(c) && Character.isLetterOrDigit(text.charAt(start - 1))) {
                continue; // inside a Latin word
            }
            if (!starts.mayStart(text, start)) {
                continue;
            }
            Node<V> node = first[c];
            for (int at = start; node != null; node = ++at < text.length() ? node.child(text.charAt(at)) : null) {
                for (Object value : node.values) {
                    found.add(new Match<>(start, at + 1, (V) value));
                }
            }
        }
        return found;
    }
}
