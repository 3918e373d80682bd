package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void shouldLowerCaseSchemeAndHostButNotThePath() {
        assertThat(ArticleIds.canonicalUrl("HTTPS://WWW.ILNA.IR/News/123")).isEqualTo("https://www.ilna.ir/News/123");
    }

    @Test
    void shouldDropTrackingParameters() {
        assertThat(ArticleIds.canonicalUrl("https://a.example/n?utm_source=tg&UTM_Medium=x&fbclid=1&gclid=2&spm=3&from=timeline&id=9"))
                .isEqualTo("https://a.example/n?id=9");
    }

    @Test
    void shouldSortTheParametersThatRemain() {
        assertThat(ArticleIds.canonicalUrl("https://a.example/n?page=2&id=9")).isEqualTo("https://a.example/n?id=9&page=2");
    }

    @Test
    void shouldDropTheFragmentAndTrailingSlashes() {
        assertThat(ArticleIds.canonicalUrl("https://a.example/news/7//#comments")).isEqualTo("https://a.example/news/7");
    }

    @Test
    void shouldDropOnlyTheDefaultPort() {
        assertThat(ArticleIds.canonicalUrl("https://a.example:443/x")).isEqualTo("https://a.example/x");
        assertThat(ArticleIds.canonicalUrl("http://a.example:8080/x")).isEqualTo("http://a.example:8080/x");
    }

    @Test
    void shouldKeepANonLatinPathAsWritten() {
        assertThat(ArticleIds.canonicalUrl("https://www.ilna.ir/بخش-کارگری/123/?utm_campaign=feed"))
                .isEqualTo("https://www.ilna.ir/بخش-کارگری/123");
    }

    @Test
    void shouldLeaveSomethingThatIsNotAUrlAsItIs() {
        assertThat(ArticleIds.canonicalUrl("  خبر ۱۲۳ ")).isEqualTo("خبر ۱۲۳");
    }

    @Test
    void shouldHashTheCanonicalUrlToSixteenHexDigits() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("https://a.example/news/7".getBytes(StandardCharsets.UTF_8))).substring(0, 16);

        assertThat(ArticleIds.idFor("https://A.example/news/7/?utm_source=x", "title", "text")).isEqualTo(expected);
    }

    @Test
    void shouldGiveTheSameIdToTheSameArticleThroughDifferentLinks() {
        assertThat(ArticleIds.idFor("https://news.example/article/7/?utm_campaign=feed#top", "other", "other"))
                .isEqualTo(ArticleIds.idFor("https://news.example/article/7", null, "text"));
    }

    @Test
    void shouldHashTitleAndTextAlikeWhateverTheSpacingWhenThereIsNoUrl() {
        // Ideographic space, a line break and full-width punctuation fold to one reading.
        assertThat(ArticleIds.idFor(null, "甘肃工会", "寒冬来临，\u3000各级工会\n行动"))
                .isEqualTo(ArticleIds.idFor("", "甘肃工会 ", "寒冬来临, 各级工会 行动"));
    }

    @Test
    void shouldTellDifferentTextsApartWhenThereIsNoUrl() {
        assertThat(ArticleIds.idFor(null, "甘肃工会", "寒冬来临")).isNotEqualTo(ArticleIds.idFor(null, "甘肃工会", "另一篇"));
    }

    @Test
    void shouldPreferAnExplicitId() {
        assertThat(ArticleIds.resolve("demo-fa-01", "https://a.example/1", null, "متن")).isEqualTo("demo-fa-01");
        assertThat(ArticleIds.resolve(" ", "https://a.example/1", null, "متن"))
                .isEqualTo(ArticleIds.idFor("https://a.example/1", null, "متن"));
    }
}
