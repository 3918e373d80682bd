package io.laborpulse.extract;

/**
 * Tells Persian, Arabic, Chinese and English (and other Latin-script text) apart by script
 * and by letters only one of the two Arabic-script languages uses. Reliable on a title alone;
 * on mixed text the dominant script decides, so a Persian article quoting an English name
 * stays Persian.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";

    private LanguageDetector() {
    }

    /** How much of a text decides: a headline and a few paragraphs say which language it is. */
    private static final int SAMPLE = 2000;

    public static String detect(String text) {
        if (text.length() > SAMPLE) {
            text = text.substring(0, Character.isHighSurrogate(text.charAt(SAMPLE - 1)) ? SAMPLE - 1 : SAMPLE);
        }
        int han = 0;
        int arabicScript = 0;
        int latin = 0;
        int persianOnly = 0;
        int arabicOnly = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Scripts.of(cp);
            switch (script) {
                case HAN -> han++;
                case ARABIC -> {
                    arabicScript++;
                    if (cp == 'پ' || cp == 'چ' || cp == 'ژ' || cp == 'گ' || cp == 'ی' || cp == 'ک') {
                        persianOnly++;
                    } else if (cp == 'ة' || cp == 'ي' || cp == 'ك' || cp == 'ى' || cp == 'ؤ' || cp == 'إ') {
                        arabicOnly++;
                    }
                }
                case LATIN -> latin++;
                default -> {
                }
            }
        }
        // Han characters carry a word each; weigh them up against letters of alphabetic scripts.
        int hanWeight = han * 3;
        if (hanWeight == 0 && arabicScript == 0 && latin == 0) {
            return UNDETERMINED;
        }
        if (hanWeight >= arabicScript && hanWeight >= latin) {
            return "zh";
        }
        if (arabicScript >= latin) {
            return persianOnly >= arabicOnly ? "fa" : "ar";
        }
        return "en";
    }
}
