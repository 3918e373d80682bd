package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void shouldDropTrackingParametersFragmentsAndCaseFromUrls() {
        assertThat(ArticleIds.canonicalUrl("HTTPS://WWW.ILNA.IR:443/news/123/?utm_source=tg&b=2&fbclid=x&a=1#top"))
                .isEqualTo("https://www.ilna.ir/news/123?a=1&b=2");
    }

    @Test
    void shouldGiveTheSameIdToTheSameArticleFromDifferentLinks() {
        String plain = ArticleIds.idFor("https://news.example/article/7", null, "text");
        String tracked = ArticleIds.idFor("https://news.example/article/7/?utm_campaign=feed", "other title", "other text");

        assertThat(tracked).isEqualTo(plain).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void shouldHashTheTextWhenThereIsNoUrl() {
        String once = ArticleIds.idFor(null, "甘肃工会", "寒冬来临,  各级工会行动");
        String reflowed = ArticleIds.idFor("", "甘肃工会", "寒冬来临, 各级工会行动\n");

        assertThat(once).isEqualTo(reflowed);
        assertThat(ArticleIds.idFor(null, "甘肃工会", "另一篇")).isNotEqualTo(once);
    }

    @Test
    void shouldLeaveSomethingThatIsNotAUrlAsItIs() {
        assertThat(ArticleIds.canonicalUrl(" not a url ")).isEqualTo("not a url");
    }
}
