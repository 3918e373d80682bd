package io.laborpulse.extract;

/**
 * The Unicode script of a code point, with the blocks news text is made of (ASCII, Arabic, the
 * common CJK ideographs) answered without the table search of {@link Character.UnicodeScript#of},
 * which is the costliest step of reading a character otherwise.
 */
final class Scripts {

    /** Arabic writes "and", "in", "to", "so" and "as" as one letter joined to the next word. */
    static final String PROCLITICS = "وبلفك";

    private Scripts() {
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
            if (start - i == 0 || !Character.isLetter(text.charAt(start - i - 1))) {
                return true;
            }
        }
        return false;
    }

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
        return Character.UnicodeScript.of(cp);
    }
}
