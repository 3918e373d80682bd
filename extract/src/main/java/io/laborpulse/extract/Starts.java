package io.laborpulse.extract;

/**
 * Where in a text a term or pattern may start. Scanners ask it before trying a position, so
 * positions that cannot start a match cost a character test instead of a trie walk or a regex.
 */
@FunctionalInterface
interface Starts {

    boolean mayStart(String text, int at);
}
