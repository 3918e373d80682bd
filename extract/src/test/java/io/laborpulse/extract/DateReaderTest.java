package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DateReaderTest {

    private static final Instant DEC_10_2024 = Instant.parse("2024-12-10T08:00:00Z");
    private static final Instant SEP_10_2025 = Instant.parse("2025-09-10T06:00:00Z");

    private static DateReader dates;

    @BeforeAll
    static void load() {
        dates = DateReader.loadDefault();
    }

    private static LocalDate read(String lang, String text, Instant published) {
        return dates.eventDate(lang, TextNormalizer.normalize(text), published);
    }

    @Test
    void shouldResolveChineseMonthDayAgainstThePublicationDate() {
        assertThat(read("zh", "12月3日,由甘肃省总工会牵头", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 12, 3));
        assertThat(read("zh", "11月11日至12日,天水市总工会", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 11, 11));
    }

    @Test
    void shouldPlaceADateJustBeforeNewYearInTheYearBefore() {
        assertThat(read("zh", "12月28日举行", Instant.parse("2025-01-05T00:00:00Z"))).isEqualTo(LocalDate.of(2024, 12, 28));
    }

    @Test
    void shouldAcceptAnAnnouncedDateUpToAWeekAfterPublication() {
        assertThat(read("zh", "12月15日将举办招聘会", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(read("zh", "12月25日", DEC_10_2024)).isEqualTo(LocalDate.of(2023, 12, 25));
    }

    @Test
    void shouldTakeAWrittenYearAsItStands() {
        assertThat(read("zh", "2023年5月1日,劳动节", DEC_10_2024)).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(read("en", "The walkout began on Dec. 3, 2023 at the plant", DEC_10_2024)).isEqualTo(LocalDate.of(2023, 12, 3));
    }

    @Test
    void shouldReadEnglishAndArabicMonthNames() {
        assertThat(read("en", "Workers rallied on 3 December outside the mill", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 12, 3));
        assertThat(read("en", "On November 28th, drivers stopped work", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 11, 28));
        assertThat(read("ar", "أضرب العمال يوم ٣ ديسمبر", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 12, 3));
        assertThat(read("ar", "في ٥ كانون الأول", DEC_10_2024)).isEqualTo(LocalDate.of(2024, 12, 5));
    }

    @Test
    void shouldConvertSolarHijriDatesToGregorian() {
        assertThat(read("fa", "روز ۱۶ شهریور ۱۴۰۴ کارگران تجمع کردند", null)).isEqualTo(LocalDate.of(2025, 9, 7));
        assertThat(read("fa", "روز ۱۶ شهریور کارگران تجمع کردند", SEP_10_2025)).isEqualTo(LocalDate.of(2025, 9, 7));
    }

    @Test
    void shouldNotReadTheModalMayOrACountAsADate() {
        assertThat(read("en", "Union leaders say workers may 30 days later strike again; 工会", DEC_10_2024)).isNull();
        assertThat(read("fa", "۱۲ مهر ۱۵۰۰ کارگر", SEP_10_2025)).isEqualTo(LocalDate.of(2024, 10, 3));
    }

    @Test
    void shouldLeaveADateUnknownRatherThanGuessIt() {
        assertThat(read("zh", "12月3日", null)).isNull();
        assertThat(read("zh", "2月30日", Instant.parse("2025-03-01T00:00:00Z"))).isNull();
        assertThat(read("fa", "۳۱ مهر", SEP_10_2025)).isNull();
    }
}
