package io.laborpulse.extract;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an event's own date where the text writes a day and a month: {@code 12月3日},
 * {@code 11月11日至12日} (the first day), {@code 3 December}, {@code Dec. 3, 2025},
 * {@code ٣ ديسمبر}, {@code ۱۶ شهریور ۱۴۰۴} (Solar Hijri). Month names come from
 * {@code calendar/months.tsv}. A written year is taken as it stands; without one, the date is
 * placed in the year that makes it the latest such date not more than a week after
 * publication, since news reports the recent past and announces the coming days. Without a
 * publication date to anchor it a yearless date stays unknown rather than guessed.
 */
public final class DateReader {

    private static final String RESOURCE = "/io/laborpulse/extract/calendar/months.tsv";
    private static final int DAYS_AHEAD_ALLOWED = 7;
    /**
     * A date right before 讯 or 电 is the outlet's dateline ("2025年06月20日讯"): the event's own
     * date, written further on, comes first, and the dateline only stands in where there is none.
     */
    private static final Pattern ZH = Pattern.compile("(?<![0-9])(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日([讯电])?");

    private enum CalendarKind { GREGORIAN, PERSIAN }

    /** The patterns of one language and the month each normalised name means. */
    /**
     * One language's date forms. Month names are found with a trie first and the patterns tried
     * only where one stands: a regular expression opening with dozens of alternative names would
     * try them all at every position of a long text.
     */
    private record Language(CalendarKind calendar, Pattern dayMonth, Pattern monthDay, Map<String, Integer> months,
            TermTrie<Integer> names) {
    }

    /** How far before a month name its day may start: two digits, a suffix, "of" and spaces. */
    private static final int DAY_REACH = 10;

    private final Map<String, Language> languages;

    private DateReader(Map<String, Language> languages) {
        this.languages = languages;
    }

    public static DateReader loadDefault() {
        Map<String, Map<String, Integer>> months = new HashMap<>();
        Map<String, Map<String, Integer>> safeMonths = new HashMap<>();
        Map<String, CalendarKind> calendars = new HashMap<>();
        DataFiles.readTsv(RESOURCE, 4, cells -> {
            calendars.put(cells[0], CalendarKind.valueOf(cells[1].toUpperCase(java.util.Locale.ROOT)));
            int month = Integer.parseInt(cells[2]);
            for (String raw : cells[3].split("\\|")) {
                boolean weak = raw.startsWith("~");
                String name = TextNormalizer.normalize(weak ? raw.substring(1) : raw);
                months.computeIfAbsent(cells[0], l -> new HashMap<>()).put(name, month);
                if (!weak) {
                    safeMonths.computeIfAbsent(cells[0], l -> new HashMap<>()).put(name, month);
                }
            }
        });
        Map<String, Language> languages = new HashMap<>();
        months.forEach((lang, names) -> {
            String day = "(?<![0-9])([0-9]{1,2})(?:st|nd|rd|th)?";
            String year = "(?:,?\\s*([0-9]{4})(?![0-9]))?";
            String after = "(?![\\p{L}])";
            Pattern dayMonth = Pattern.compile(day + "\\s*(?:of\\s+)?(" + alternation(names) + ")" + after + year,
                    Pattern.UNICODE_CHARACTER_CLASS);
            Map<String, Integer> safe = safeMonths.getOrDefault(lang, Map.of());
            Pattern monthDay = safe.isEmpty() ? null : Pattern.compile("(?<![\\p{L}])(" + alternation(safe) + ")\\.?\\s+"
                    + "([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])" + year, Pattern.UNICODE_CHARACTER_CLASS);
            Map<String, List<Integer>> byName = new HashMap<>();
            names.forEach((name, month) -> byName.put(name, List.of(month)));
            languages.put(lang, new Language(calendars.get(lang), dayMonth, monthDay, Map.copyOf(names), TermTrie.of(byName)));
        });
        return new DateReader(Map.copyOf(languages));
    }

    /** Longest names first, so that "sept" is not read as "sep". */
    private static String alternation(Map<String, Integer> names) {
        return names.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /** The first day-and-month date in normalised text of the language, resolved; or null. */
    public LocalDate eventDate(String lang, String normalized, Instant published) {
        LocalDate anchor = published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC);
        List<Written> found = new ArrayList<>();
        if (lang.equals("zh")) {
            Matcher m = ZH.matcher(normalized);
            boolean undated = true;
            while (undated && m.find()) {
                boolean dateline = m.group(4) != null;
                found.add(new Written(dateline ? normalized.length() + m.start() : m.start(), CalendarKind.GREGORIAN,
                        number(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                undated = dateline;
            }
        }
        Language language = languages.get(lang);
        if (language != null) {
            Matcher dayMonth = language.dayMonth().matcher(normalized).useTransparentBounds(true);
            Matcher monthDay = language.monthDay() == null ? null
                    : language.monthDay().matcher(normalized).useTransparentBounds(true);
            boolean dayMonthFound = false;
            boolean monthDayFound = monthDay == null;
            for (TermTrie.Match<Integer> name : language.names().matches(normalized)) {
                if (dayMonthFound && monthDayFound) {
                    break;
                }
                // "3 December": the day stands up to a few characters before the name.
                if (!dayMonthFound) {
                    for (int from = Math.max(0, name.start() - DAY_REACH); from < name.start() && !dayMonthFound; from++) {
                        dayMonth.region(from, normalized.length());
                        if (dayMonth.lookingAt() && dayMonth.start(2) == name.start()) {
                            found.add(new Written(dayMonth.start(), language.calendar(), number(dayMonth.group(3)),
                                    language.months().get(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1))));
                            dayMonthFound = true;
                        }
                    }
                }
                if (!monthDayFound) {
                    monthDay.region(name.start(), normalized.length());
                    if (monthDay.lookingAt()) {
                        found.add(new Written(monthDay.start(), language.calendar(), number(monthDay.group(3)),
                                language.months().get(monthDay.group(1)), Integer.parseInt(monthDay.group(2))));
                        monthDayFound = true;
                    }
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Written::at))
                .map(w -> w.resolve(anchor))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Integer number(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }

    /** A date as written: its year may be missing; {@code at} orders candidates, datelines last. */
    private record Written(int at, CalendarKind calendar, Integer year, int month, int day) {

        LocalDate resolve(LocalDate anchor) {
            try {
                if (year != null && plausibleYear()) {
                    return toGregorian(year, month, day);
                }
                if (anchor == null) {
                    return null;
                }
                int anchorYear = calendar == CalendarKind.PERSIAN ? persianYear(anchor) : anchor.getYear();
                LocalDate date = toGregorian(anchorYear, month, day);
                return date.isAfter(anchor.plusDays(DAYS_AHEAD_ALLOWED)) ? toGregorian(anchorYear - 1, month, day) : date;
            } catch (DateTimeException | IllegalArgumentException e) {
                return null; // 2月30日, 31 شهریور of a short year and the like: not a date
            }
        }

        /** A four-digit number after a date may be a count, not a year ("۱۲ مهر ۱۵۰۰ کارگر"): then it is ignored. */
        private boolean plausibleYear() {
            return calendar == CalendarKind.PERSIAN ? year >= 1300 && year <= 1480 : year >= 1950 && year <= 2100;
        }

        private LocalDate toGregorian(int y, int m, int d) {
            if (calendar == CalendarKind.GREGORIAN) {
                return LocalDate.of(y, m, d);
            }
            // Solar Hijri months have 31 days (1-6), 30 (7-11) and 29 or 30 (12).
            if (m < 1 || m > 12 || d < 1 || d > (m <= 6 ? 31 : 30)) {
                throw new DateTimeException("no such Solar Hijri date: " + y + "-" + m + "-" + d);
            }
            PersianCalendar persian = new PersianCalendar(TimeZone.GMT_ZONE);
            persian.clear();
            persian.setLenient(false); // 30 Esfand of a common year must fail, not roll over
            persian.set(y, m - 1, d);
            return LocalDate.ofInstant(persian.getTime().toInstant(), ZoneOffset.UTC);
        }

        private static int persianYear(LocalDate gregorian) {
            PersianCalendar persian = new PersianCalendar(TimeZone.GMT_ZONE);
            persian.setTime(java.util.Date.from(gregorian.atStartOfDay(ZoneOffset.UTC).toInstant()));
            return persian.get(Calendar.YEAR);
        }
    }
}
