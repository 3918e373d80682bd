package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "تجمع کارگران کنتورسازی قزوین|fa",
        "پیگیری مسائل معیشتی کارگران|fa",
        "إضراب عمال الغزل في المحلة الكبرى|ar",
        "مصرع عاملين في حادث بموقع إنشاءات|ar",
        "给这个冬天升点温|zh",
        "福州市總工會為外賣騎手送溫暖|zh",
        "Garment workers in Gazipur protest unpaid wages|en",
        "دبیر اجرایی خانه کارگر در دیدار با ILO Country Office گفت|fa",
        "12345 !!!|und"
    })
    void shouldTellTheLanguageFromATitle(String title, String lang) {
        assertThat(LanguageDetector.detect(title)).isEqualTo(lang);
    }
}
