package io.laborpulse.extract;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number of people taking part in, or served by, an event: a count followed by a
 * person word (名, نفر, workers, عامل), in digits of any script (already ASCII after
 * normalisation), with thousands separators, Chinese numerals and "more than" marks (余, 多),
 * and Persian "N هزار و M". Staff of the organiser (medics, volunteers) are not participants;
 * money and items never are.
 */
public final class NumberReader {

    private static final Pattern ZH = Pattern.compile(
            "([0-9][0-9,]*|[零一二两三四五六七八九十百千万]+)\\s*(?:余|多)?\\s*(?:名|人|位)(?!次|民币)(.{0,6})");
    private static final List<String> ZH_STAFF = List.of("医务", "医护", "志愿者", "工作人员", "专家", "干部");

    private static final Pattern FA = Pattern.compile(
            "([0-9][0-9,]*)\\s*(هزار)?(?:\\s*و\\s*([0-9]+))?\\s*(?:نفر|کارگر|تن از)");

    private static final Pattern EN = Pattern.compile(
            "([0-9][0-9,]*)\\s+(?:[a-z-]+\\s+)?(?:workers|employees|people|members|drivers|nurses|teachers|miners|staff|riders|job seekers|jobseekers)"
                    + "|(?:numbering|totalling|totaling)\\s+(?:around|about|some|nearly|over|more than)?\\s*([0-9][0-9,]*)",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** {@code 23 الفا من عمال}: a count in thousands (ألف, آلاف, after normalisation الف, الاف) counts too. */
    private static final Pattern AR = Pattern.compile(
            "([0-9][0-9,]*)\\s*(الف|الاف)?ا?\\s*(?:من\\s*)?(?:ال)?(?:عاملا|عامل|عمال|موظفا|موظف|شخصا|شخص|طالب عمل)");

    private static final String CHINESE_DIGITS = "零一二三四五六七八九";
    private static final Map<Character, Integer> CHINESE_UNITS = Map.of('十', 10, '百', 100, '千', 1000, '万', 10000);

    private NumberReader() {
    }

    /** The first participant count in normalised text of the language, or null. */
    public static Long participants(String lang, String normalized) {
        switch (lang) {
            case "zh" -> {
                Matcher m = ZH.matcher(normalized);
                while (m.find()) {
                    String after = m.group(2);
                    if (ZH_STAFF.stream().noneMatch(after::startsWith)) {
                        Long value = parseChineseOrDigits(m.group(1));
                        if (value != null) {
                            return value;
                        }
                    }
                }
                return null;
            }
            case "fa" -> {
                Matcher m = FA.matcher(normalized);
                if (m.find()) {
                    long value = digits(m.group(1));
                    if (m.group(2) != null) {
                        value = value * 1000 + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
                    }
                    return value;
                }
                return null;
            }
            case "ar" -> {
                Matcher m = AR.matcher(normalized);
                if (!m.find()) {
                    return null;
                }
                return m.group(2) == null ? digits(m.group(1)) : digits(m.group(1)) * 1000;
            }
            default -> {
                Matcher m = EN.matcher(normalized);
                if (!m.find()) {
                    return null;
                }
                return digits(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
    }

    private static long digits(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    static Long parseChineseOrDigits(String text) {
        if (Character.isDigit(text.charAt(0))) {
            return digits(text);
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        for (char c : text.toCharArray()) {
            int d = c == '两' ? 2 : CHINESE_DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            Integer unit = CHINESE_UNITS.get(c);
            if (unit == null) {
                return null;
            }
            if (unit == 10000) {
                total += (section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        long value = total + section + Math.max(digit, 0);
        return value == 0 ? null : value;
    }
}
