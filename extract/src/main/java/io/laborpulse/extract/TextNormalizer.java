package io.laborpulse.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Brings text and gazetteer or lexicon entries to one form before matching, so that spelling
 * variants meet: NFKC (full-width to half-width, Arabic presentation forms), Arabic and Persian
 * letter variants to one letter, diacritics and tatweel removed, the zero-width non-joiner
 * removed (feeds drop it, so {@code کرده‌ایم} and {@code کردهایم} must match), digits of every
 * script to ASCII, Traditional to Simplified Chinese, and lower case.
 *
 * <p>The output has the same length as the input wherever possible, but callers must not
 * rely on positions mapping back: evidence snippets are cut from the normalised text.
 */
public final class TextNormalizer {

    private static final char ZWNJ = '\u200C';
    private static final char TATWEEL = '\u0640';

    // Creating the transliterator is slow (tens of ms); it is immutable and shared.
    private static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Hant-Hans");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean han = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ZWNJ || cp == TATWEEL || isArabicDiacritic(cp) || cp == '\u200F' || cp == '\u200E') {
                continue;
            }
            int digit = UCharacter.digit(cp, 10);
            if (digit >= 0 && !isAsciiDigit(cp)) {
                out.append((char) ('0' + digit));
                continue;
            }
            han |= Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            out.appendCodePoint(foldArabicLetter(cp));
        }
        String folded = out.toString().toLowerCase(Locale.ROOT);
        return han ? TRADITIONAL_TO_SIMPLIFIED.transliterate(folded) : folded;
    }

    private static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
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
}
