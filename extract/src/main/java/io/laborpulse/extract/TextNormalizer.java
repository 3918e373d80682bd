package io.laborpulse.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.List;
import java.util.Set;

/**
 * Brings text and gazetteer or lexicon entries to one form before matching, so that spelling
 * variants meet: NFKC (full-width to half-width, Arabic presentation forms), Arabic and Persian
 * letter variants to one letter, diacritics and tatweel removed (a Latin letter becomes the
 * ASCII letter under it), the zero-width non-joiner removed and a space written in its place
 * closed up (feeds drop it or type a space, so
 * {@code کرده‌ایم}, {@code کردهایم} and {@code کرده ایم} must meet), digits of every script to
 * ASCII, Traditional to Simplified Chinese, and lower case.
 *
 * <p>{@link #normalizeWithOffsets} also says where each normalised character came from, so that
 * places and evidence can be quoted as the source wrote them.
 */
public final class TextNormalizer {

    private static final char ZWNJ = '\u200C';
    private static final char TATWEEL = '\u0640';

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    /**
     * Latin letters with diacritics (U+00C0 to U+024F) to the ASCII letter under them, or 0 where
     * there is none (ß, æ, ø): feeds write Whangārei and Whangarei, Fórsa and Forsa, São Paulo and
     * Sao Paulo, and sources spell gazetteer names either way.
     */
    private static final int LATIN_FROM = 0xC0;
    private static final char[] LATIN_BASE = latinBaseTable();

    /**
     * ICU's Hant-Hans, turned once into a table over the Basic Multilingual Plane. Its rules map
     * character to character, and running the transliterator on every article cost more than
     * the rest of the engine together (under 2,000 Chinese articles a second), so the table is
     * read instead; it also keeps every character where it was.
     */
    private static final char[] SIMPLIFIED = simplifiedTable();

    /**
     * Persian affixes that are joined to their word by a ZWNJ and that typists often separate
     * with a space instead: the verbal prefixes می/نمی and the plural, comparative and personal
     * endings. Closing the space up gives the same form as a dropped ZWNJ. Endings that are
     * also frequent words on their own (ای, ام, ات) are left out.
     */
    private static final Set<String> SPACED_PREFIXES = Set.of("می", "نمی");
    private static final Set<String> SPACED_SUFFIXES = Set.of("ها", "های", "هایی", "هایش", "هایشان", "ایم", "اید", "اند",
            "تر", "ترین");
    private static final int LONGEST_PREFIX = SPACED_PREFIXES.stream().mapToInt(String::length).max().orElseThrow();
    private static final int LONGEST_SUFFIX = SPACED_SUFFIXES.stream().mapToInt(String::length).max().orElseThrow();

    /** A normalised text and, per character, the span of the original it came from. */
    public record Normalized(String original, String text, int[] originStart, int[] originEnd) {

        /** The original text behind the normalised span {@code [start, end)}. */
        public String originalOf(int start, int end) {
            if (start >= end) {
                return "";
            }
            return original.substring(originStart[start], originEnd[end - 1]);
        }

        /** Offset in the original of normalised offset {@code at} (may be the text's length). */
        public int originalOffset(int at) {
            return at < originStart.length ? originStart[at] : original.length();
        }
    }

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        return normalizeWithOffsets(text).text();
    }

    /** Words written in code, normalised as the texts they are looked for in are. */
    static List<String> normalizeAll(String... words) {
        return java.util.Arrays.stream(words).map(TextNormalizer::normalize).toList();
    }

    public static Normalized normalizeWithOffsets(String text) {
        Builder folded = new Builder(text.length());
        // NFKC first, normalising only the spans that need it (most text already is NFKC), and
        // each character folded as it comes out.
        int at = 0;
        while (at < text.length()) {
            int clean = at + NFKC.spanQuickCheckYes(java.nio.CharBuffer.wrap(text, at, text.length()));
            for (int i = at; i < clean; ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                fold(cp, i, i + n, folded);
                i += n;
            }
            if (clean >= text.length()) {
                break;
            }
            // The unclean segment runs to the next character that starts a new normalisation unit.
            int segmentEnd = clean + Character.charCount(text.codePointAt(clean));
            while (segmentEnd < text.length() && !NFKC.hasBoundaryBefore(text.codePointAt(segmentEnd))) {
                segmentEnd += Character.charCount(text.codePointAt(segmentEnd));
            }
            String segment = text.substring(clean, segmentEnd);
            String normalized = NFKC.normalize(segment);
            // Where NFKC kept the length, each character keeps its own place in the original;
            // otherwise each comes from the whole segment.
            boolean sameLength = normalized.length() == segment.length();
            for (int j = 0; j < normalized.length(); ) {
                int cp = normalized.codePointAt(j);
                int n = Character.charCount(cp);
                fold(cp, sameLength ? clean + j : clean, sameLength ? clean + j + n : segmentEnd, folded);
                j += n;
            }
            at = segmentEnd;
        }
        Builder result = folded.arabicScript ? closeSpacedAffixes(folded) : folded;
        int length = result.length;
        return new Normalized(text, new String(result.text, 0, length), java.util.Arrays.copyOf(result.start, length),
                java.util.Arrays.copyOf(result.end, length));
    }

    /** Appends NFKC code point {@code cp}, from {@code [from, to)} of the original, folded, or drops it. */
    private static void fold(int cp, int from, int to, Builder out) {
        if (cp < 0x80) { // ASCII, most of any Latin text: nothing to fold but the case
            out.append(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp, from, to);
            return;
        }
        if (cp == ZWNJ || cp == TATWEEL || isArabicDiacritic(cp) || isCombiningMark(cp)
                || cp == '\u200F' || cp == '\u200E' || cp == '\u200D') {
            return;
        }
        if ((cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D3)) {
            // Arabic and Persian letters (tatweel went above): no digits and no case among them.
            out.arabicScript = true;
            out.append(foldArabicLetter(cp), from, to);
            return;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) { // the common ideographs, none of them a digit
            out.append(SIMPLIFIED[cp], from, to);
            return;
        }
        if (cp >= LATIN_FROM && cp - LATIN_FROM < LATIN_BASE.length && LATIN_BASE[cp - LATIN_FROM] != 0) {
            out.append(LATIN_BASE[cp - LATIN_FROM], from, to);
            return;
        }
        int digit = UCharacter.digit(cp, 10);
        if (digit >= 0) {
            out.append('0' + digit, from, to);
            return;
        }
        Character.UnicodeScript script = Scripts.of(cp);
        if (script == Character.UnicodeScript.HAN) {
            out.append(cp < SIMPLIFIED.length ? SIMPLIFIED[cp] : cp, from, to);
            return;
        }
        out.arabicScript |= script == Character.UnicodeScript.ARABIC;
        // Simple (one-to-one) case mapping is locale-independent, like toLowerCase(Locale.ROOT),
        // and keeps every character where it was.
        out.append(UCharacter.toLowerCase(foldArabicLetter(cp)), from, to);
    }

    /** Closes up the spaces between a Persian word and an affix of it (see {@link #SPACED_SUFFIXES}). */
    private static Builder closeSpacedAffixes(Builder in) {
        String text = new String(in.text, 0, in.length);
        Builder out = null;
        int copied = 0;
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) != ' ' || !Scripts.isArabicLetter(text.charAt(i - 1))) {
                continue;
            }
            int next = i;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            if (next == text.length() || !Scripts.isArabicLetter(text.charAt(next))) {
                i = next;
                continue;
            }
            // Walk each word only as far as the longest affix, plus one letter to tell it is longer.
            int leftStart = i;
            while (leftStart > 0 && i - leftStart <= LONGEST_PREFIX && Scripts.isArabicLetter(text.charAt(leftStart - 1))) {
                leftStart--;
            }
            int rightEnd = next;
            while (rightEnd < text.length() && rightEnd - next <= LONGEST_SUFFIX && Scripts.isArabicLetter(text.charAt(rightEnd))) {
                rightEnd++;
            }
            if ((i - leftStart <= LONGEST_PREFIX && SPACED_PREFIXES.contains(text.substring(leftStart, i)))
                    || (rightEnd - next <= LONGEST_SUFFIX && SPACED_SUFFIXES.contains(text.substring(next, rightEnd)))) {
                if (out == null) {
                    out = new Builder(in.length);
                }
                out.copy(in, copied, i);
                copied = next;
            }
            i = next - 1;
        }
        if (out == null) {
            return in;
        }
        out.copy(in, copied, in.length);
        return out;
    }

    private static char[] simplifiedTable() {
        Transliterator hantToHans = Transliterator.getInstance("Hant-Hans");
        StringBuilder han = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.append(c);
            }
        }
        String from = han.toString();
        String to = hantToHans.transliterate(from);
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) c;
        }
        for (int i = 0; i < from.length(); i++) {
            // Should a rule ever change the length, fall back to one character at a time.
            String one = to.length() == from.length() ? null : hantToHans.transliterate(from.substring(i, i + 1));
            char simplified = one == null ? to.charAt(i) : one.length() == 1 ? one.charAt(0) : from.charAt(i);
            table[from.charAt(i)] = simplified;
        }
        return table;
    }

    private static char[] latinBaseTable() {
        Normalizer2 nfd = Normalizer2.getNFDInstance();
        char[] table = new char[0x250 - LATIN_FROM];
        for (int cp = LATIN_FROM; cp < 0x250; cp++) {
            String decomposed = nfd.normalize(String.valueOf((char) cp));
            char base = decomposed.charAt(0);
            if (decomposed.length() > 1 && base < 0x80 && Character.isLetter(base)) {
                table[cp - LATIN_FROM] = Character.toLowerCase(base);
            }
        }
        return table;
    }

    /** Combining diacritical marks left over after NFKC (on letters that have no precomposed form). */
    private static boolean isCombiningMark(int cp) {
        return cp >= 0x0300 && cp <= 0x036F;
    }

    /** Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks. */
    private static boolean isArabicDiacritic(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED);
    }

    /**
     * One letter per family: Persian ی and ک for the Arabic ي ى ك (so Persian text keeps its own
     * letters), bare alef for hamza and madda forms, ه for ة, و for ؤ, ی for ئ.
     */
    private static int foldArabicLetter(int cp) {
        return switch (cp) {
            case 'ي', 'ى', 'ئ' -> 'ی';
            case 'ك' -> 'ک';
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ة' -> 'ه';
            case 'ؤ' -> 'و';
            default -> cp;
        };
    }

    /** Text under construction with the original span of each of its chars. */
    private static final class Builder {
        private char[] text;
        private int[] start;
        private int[] end;
        private int length;
        /** Whether an Arabic-script letter was appended: only then are spaced affixes looked for. */
        private boolean arabicScript;

        Builder(int capacity) {
            int size = Math.max(capacity, 4);
            text = new char[size];
            start = new int[size];
            end = new int[size];
        }

        void append(int cp, int from, int to) {
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                put((char) cp, from, to);
                return;
            }
            put(Character.highSurrogate(cp), from, to);
            put(Character.lowSurrogate(cp), from, to);
        }

        void copy(Builder source, int from, int to) {
            for (int i = from; i < to; i++) {
                put(source.text[i], source.start[i], source.end[i]);
            }
        }

        private void put(char c, int from, int to) {
            if (length == text.length) {
                int size = length * 2;
                text = java.util.Arrays.copyOf(text, size);
                start = java.util.Arrays.copyOf(start, size);
                end = java.util.Arrays.copyOf(end, size);
            }
            text[length] = c;
            start[length] = from;
            end[length++] = to;
        }
    }
}
