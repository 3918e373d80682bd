package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of many terms in one pass over a text: a character trie walked from
 * each position. Terms are short (a place name, a cue phrase), so the walk from a position
 * stops after a few characters, and the cost grows with the text, not with the number of
 * terms, which the gazetteer will multiply. Immutable once built; safe to share.
 *
 * @param <V> what a term stands for
 */
final class TermTrie<V> {

    /** One occurrence: {@code text.substring(start, end)} is a term standing for {@code value}. */
    record Match<V>(int start, int end, V value) {
    }

    private static final class Node<V> {
        private final Map<Character, Node<V>> next = new HashMap<>(4);
        private final List<V> values = new ArrayList<>(1);
    }

    private final Node<V> root = new Node<>();

    private TermTrie() {
    }

    /** A trie of the given terms; several values may share a term. */
    static <V> TermTrie<V> of(Map<String, ? extends List<V>> terms) {
        TermTrie<V> trie = new TermTrie<>();
        terms.forEach((term, values) -> {
            if (term.isEmpty()) {
                return;
            }
            Node<V> node = trie.root;
            for (int i = 0; i < term.length(); i++) {
                node = node.next.computeIfAbsent(term.charAt(i), c -> new Node<>());
            }
            node.values.addAll(values);
        });
        return trie;
    }

    /** All occurrences of all terms, overlapping ones included, ordered by start then length. */
    List<Match<V>> matches(String text) {
        List<Match<V>> found = new ArrayList<>();
        for (int start = 0; start < text.length(); start++) {
            Node<V> node = root;
            for (int at = start; at < text.length(); at++) {
                node = node.next.get(text.charAt(at));
                if (node == null) {
                    break;
                }
                for (V value : node.values) {
                    found.add(new Match<>(start, at + 1, value));
                }
            }
        }
        return found;
    }
}
