package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {

    private static final Instant NOW = Instant.parse("2025-12-01T10:00:00Z");

    @Test
    void shouldReadAFullLine() {
        ArticleJson.Parsed parsed = ArticleJson.parse("""
                {"id":"x1","source":"ilna","url":"https://ilna.ir/a?utm_source=t","title":"تجمع کارگران",
                 "text":"کارگران تجمع کردند","lang":"fa","country":"IR","published":"2025-09-10T06:30:00Z","extra":1}
                """, "default", NOW);

        Article article = parsed.article();
        assertThat(parsed.error()).isNull();
        assertThat(article.getId()).isEqualTo("x1");
        assertThat(article.getSource()).isEqualTo("ilna");
        assertThat(article.getUrl()).isEqualTo("https://ilna.ir/a");
        assertThat(article.getCountryHint()).isEqualTo("IR");
        assertThat(article.getPublished()).isEqualTo(Instant.parse("2025-09-10T06:30:00Z"));
        assertThat(article.getIngestedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldFillIdSourceAndDateOnlyPublicationTime() {
        Article article = ArticleJson.parse("{\"text\":\"工会送温暖\",\"published\":\"2024-12-10\"}", "feed-a", NOW).article();

        assertThat(article.getId()).hasSize(16);
        assertThat(article.getSource()).isEqualTo("feed-a");
        assertThat(article.getPublished()).isEqualTo(Instant.parse("2024-12-10T00:00:00Z"));
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        assertThat(ArticleJson.parse("{\"title\":\"no body\"}", "s", NOW).error()).contains("'text'");
        assertThat(ArticleJson.parse("{\"text\":\"t\",\"published\":\"yesterday\"}", "s", NOW).error()).contains("'published'");
        assertThat(ArticleJson.parse("[1,2]", "s", NOW).error()).contains("JSON object");
        assertThat(ArticleJson.parse("{\"text\":", "s", NOW).error()).contains("not valid JSON");
    }
}
