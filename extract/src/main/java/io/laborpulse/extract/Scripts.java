package io.laborpulse.extract;

/**
 * What kind of character this is, asked at nearly every position of every text: the Unicode
 * script, and whether a character is a letter, a letter or digit, or a space. For the Basic
 * Multilingual Plane each is answered from a table built once from {@link Character}: its own
 * two-level lookup was a fifth of the engine's time, and {@link Character.UnicodeScript#of}
 * searches a table of ranges at every call.
 */
final class Scripts {

    /** Arabic writes "and", "in", "to", "so" and "as" as one letter joined to the next word. */
    static final String PROCLITICS = "وبلفك";

    private static final long[] LETTERS = bitmap(Character::isLetter);
    private static final long[] LETTERS_OR_DIGITS = bitmap(Character::isLetterOrDigit);
    private static final Character.UnicodeScript[] SCRIPT_VALUES = Character.UnicodeScript.values();
    /** The script of each BMP character, as an index into {@link #SCRIPT_VALUES}. */
    private static final byte[] SCRIPTS = scriptTable();
    /** Java's whitespace and Unicode's space separators (no-break spaces among them). */
    private static final long[] SPACES = bitmap(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));

    private Scripts() {
    }

    private static long[] bitmap(java.util.function.IntPredicate member) {
        long[] bits = new long[(Character.MAX_VALUE + 1) / 64];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (member.test(c)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    private static byte[] scriptTable() {
        if (SCRIPT_VALUES.length > 256) {
            throw new IllegalStateException("More Unicode scripts than a byte holds: " + SCRIPT_VALUES.length);
        }
        byte[] table = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = (byte) Character.UnicodeScript.of(c).ordinal();
        }
        return table;
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    static boolean isLetterOrDigit(char c) {
        return (LETTERS_OR_DIGITS[c >>> 6] & (1L << c)) != 0;
    }

    /** {@link Character#isLetter(char)}. */
    static boolean isLetter(char c) {
        return (LETTERS[c >>> 6] & (1L << c)) != 0;
    }

    /** {@link Character#isLetter(int)}. */
    static boolean isLetter(int cp) {
        return cp <= Character.MAX_VALUE ? isLetter((char) cp) : Character.isLetter(cp);
    }

    /** Whitespace or a Unicode space separator: where a run of text breaks between words. */
    static boolean isSpace(char c) {
        return (SPACES[c >>> 6] & (1L << c)) != 0;
    }

    /** A letter of the Arabic block, Persian's included (the block's first 32 are signs, not letters). */
    static boolean isArabicLetter(char c) {
        return inArabicBlock(c) && isLetter(c);
    }

    /** Whether {@code c} is in the Arabic block (U+0600–U+06FF), which Persian shares. */
    static boolean inArabicBlock(char c) {
        return c >= 0x600 && c <= 0x6FF;
    }

    /**
     * Whether the Arabic-script letter at {@code start} opens a word behind one or two proclitics
     * joined to it (وذي قار, بالسويس, وصفاقس): a word's start for reading names and counts.
     */
    static boolean afterProclitics(String text, int start) {
        if (of(text.codePointAt(start)) != Character.UnicodeScript.ARABIC) {
            return false;
        }
        for (int i = 1; i <= 2 && start - i >= 0; i++) {
            if (PROCLITICS.indexOf(text.charAt(start - i)) < 0) {
                return false;
            }
            if (start - i == 0 || !isLetter(text.charAt(start - i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** {@link Character.UnicodeScript#of(int)}, the blocks news is made of answered first. */
    static Character.UnicodeScript of(int cp) {
        if (cp < 0x80) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? Character.UnicodeScript.LATIN : Character.UnicodeScript.COMMON;
        }
        if ((cp >= 0x0621 && cp <= 0x064A && cp != 0x0640) || (cp >= 0x0671 && cp <= 0x06D3)) {
            return Character.UnicodeScript.ARABIC; // Arabic and Persian letters, tatweel excepted
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return Character.UnicodeScript.HAN;
        }
        return cp <= Character.MAX_VALUE ? SCRIPT_VALUES[SCRIPTS[cp] & 0xFF] : Character.UnicodeScript.of(cp);
    }
}
