package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void shouldFoldArabicLetterVariantsToOneForm() {
        assertThat(TextNormalizer.normalize("كارگران يزد")).isEqualTo(TextNormalizer.normalize("کارگران یزد"));
        assertThat(TextNormalizer.normalize("إضراب أمس")).isEqualTo("اضراب امس");
        assertThat(TextNormalizer.normalize("مدرسة")).isEqualTo("مدرسه");
    }

    @Test
    void shouldMatchPersianWithTheZwnjPresentOrMissing() {
        assertThat(TextNormalizer.normalize("کرده\u200Cایم")).isEqualTo(TextNormalizer.normalize("کردهایم"));
    }

    @Test
    void shouldCloseUpASpaceTypedWhereTheZwnjBelongs() {
        assertThat(TextNormalizer.normalize("کرده ایم")).isEqualTo(TextNormalizer.normalize("کرده\u200Cایم"));
        assertThat(TextNormalizer.normalize("کارگاه های ساختمانی")).isEqualTo("کارگاههای ساختمانی");
        assertThat(TextNormalizer.normalize("پیگیری می شود")).isEqualTo("پیگیری میشود");
    }

    @Test
    void shouldLeaveSpacesBetweenWholeWordsAlone() {
        assertThat(TextNormalizer.normalize("کارگران هفت تپه")).isEqualTo("کارگران هفت تپه");
    }

    @Test
    void shouldSayWhereEachNormalisedCharacterCameFrom() {
        TextNormalizer.Normalized traditional = TextNormalizer.normalizeWithOffsets("廣州市總工會");
        TextNormalizer.Normalized arabic = TextNormalizer.normalizeWithOffsets("عمّال المحلّة الكبرى");

        assertThat(traditional.text()).isEqualTo("广州市总工会");
        assertThat(traditional.originalOf(0, 2)).isEqualTo("廣州");
        assertThat(arabic.text()).isEqualTo("عمال المحله الکبری");
        assertThat(arabic.originalOf(5, arabic.text().length())).isEqualTo("المحلّة الكبرى");
    }

    @Test
    void shouldDropDiacriticsAndTatweel() {
        assertThat(TextNormalizer.normalize("عُمّـــال")).isEqualTo("عمال");
    }

    @Test
    void shouldWriteLatinLettersWithDiacriticsAsTheLetterUnderThem() {
        assertThat(TextNormalizer.normalize("Whangārei, Fórsa, São Paulo")).isEqualTo("whangarei, forsa, sao paulo");
        assertThat(TextNormalizer.normalize("Tairāwhiti")).isEqualTo(TextNormalizer.normalize("Taira\u0304whiti"));
        assertThat(TextNormalizer.normalize("Straße")).isEqualTo("straße");
    }

    @Test
    void shouldTurnDigitsOfEveryScriptIntoAscii() {
        assertThat(TextNormalizer.normalize("۱۰ هزار و ۴۲۹ نفر")).isEqualTo("10 هزار و 429 نفر");
        assertThat(TextNormalizer.normalize("٣٠٠٠ عامل")).isEqualTo("3000 عامل");
    }

    @Test
    void shouldTurnTraditionalChineseAndFullWidthFormsIntoSimplifiedAndHalfWidth() {
        assertThat(TextNormalizer.normalize("福州市總工會")).isEqualTo("福州市总工会");
        assertThat(TextNormalizer.normalize("１４２５名，ＡＢ")).isEqualTo("1425名,ab");
    }

    @Test
    void shouldLowerCaseLatinWithoutLocaleSurprises() {
        assertThat(TextNormalizer.normalize("ISTANBUL Workers")).isEqualTo("istanbul workers");
    }
}
