package io.laborpulse.extract;

/**
 * The Unicode script of a code point, with the blocks news text is made of (ASCII, Arabic, the
 * common CJK ideographs) answered without the table search of {@link Character.UnicodeScript#of},
 * which is the costliest step of reading a character otherwise.
 */
final class Scripts {

    private Scripts() {
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
