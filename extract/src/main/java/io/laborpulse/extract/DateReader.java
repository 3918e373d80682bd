package io.laborpulse.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an event's own date where the text writes one with month and day ({@code 12月3日},
 * {@code 11月11日至12日}: the first day), resolved against the publication date: the latest such
 * date that is not more than a week after publication, since news reports the recent past.
 * Dates without a publication date to anchor the year, and Solar Hijri dates without a year,
 * stay unknown rather than guessed.
 */
public final class DateReader {

    private static final Pattern ZH_MONTH_DAY = Pattern.compile("(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日");
    private static final int DAYS_AHEAD_ALLOWED = 7;

    private DateReader() {
    }

    public static LocalDate eventDate(String lang, String normalized, Instant published) {
        if (published == null || !lang.equals("zh")) {
            return null;
        }
        Matcher m = ZH_MONTH_DAY.matcher(normalized);
        if (!m.find()) {
            return null;
        }
        LocalDate anchor = LocalDate.ofInstant(published, ZoneOffset.UTC);
        try {
            LocalDate date = LocalDate.of(anchor.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return date.isAfter(anchor.plusDays(DAYS_AHEAD_ALLOWED)) ? date.minusYears(1) : date;
        } catch (DateTimeException e) {
            return null; // 2月30日 and the like: not a date
        }
    }
}
