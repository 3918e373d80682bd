package io.laborpulse.ingest;

import static io.laborpulse.ingest.Fixtures.MONDAY_0900;
import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {

    private static ParsedLine<Article> parse(String json) {
        return ArticleJson.parse(json, 7, "feed-a", MONDAY_0900);
    }

    private static ParsedLine.Problem problemOf(String json) {
        ParsedLine<Article> parsed = parse(json);
        assertThat(parsed.isValid()).as("expected a problem with %s", json).isFalse();
        return parsed.problem();
    }

    @Test
    void shouldReadEveryKnownField() {
        Article article = parse("""
                {"id":"x1","source":"ilna","url":"https://www.ilna.ir/news/1","title":"تجمع کارگران",
                 "text":"کارگران فولاد تجمع کردند","lang":"fa","country":"IR","published":"2025-09-10T06:30:00Z"}
                """).value();

        assertThat(article).isEqualTo(Article.newBuilder()
                .setId("x1").setSource("ilna").setUrl("https://www.ilna.ir/news/1").setTitle("تجمع کارگران")
                .setText("کارگران فولاد تجمع کردند").setLang("fa").setCountryHint("IR")
                .setPublished(Instant.parse("2025-09-10T06:30:00Z")).setIngestedAt(MONDAY_0900).build());
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() {
        ParsedLine<Article> parsed = parse("{\"text\":\"工会送温暖\",\"tags\":[\"a\"],\"score\":3,\"meta\":{\"x\":1}}");

        assertThat(parsed.isValid()).isTrue();
    }

    @Test
    void shouldKeepAnExplicitId() {
        assertThat(parse("{\"id\":\" demo-zh-01 \",\"url\":\"https://a.example/1\",\"text\":\"工会\"}").value().getId())
                .isEqualTo("demo-zh-01");
    }

    @Test
    void shouldDeriveTheIdFromTheCanonicalUrlWhenNoneIsGiven() {
        Article article = parse("{\"url\":\"https://A.example/1/?utm_source=x\",\"text\":\"工会\"}").value();

        assertThat(article.getId()).isEqualTo(ArticleIds.idFor("https://a.example/1", null, "other"));
        assertThat(article.getUrl()).isEqualTo("https://a.example/1");
    }

    @Test
    void shouldDeriveTheIdFromTitleAndTextWhenThereIsNoUrl() {
        Article article = parse("{\"title\":\"甘肃工会\",\"text\":\"寒冬来临 各级工会行动\"}").value();

        assertThat(article.getId()).isEqualTo(ArticleIds.idFor(null, "甘肃工会", "寒冬来临 各级工会行动"));
    }

    @Test
    void shouldUseTheDefaultSourceWhenTheLineNamesNone() {
        assertThat(parse("{\"text\":\"إضراب عمال\"}").value().getSource()).isEqualTo("feed-a");
    }

    @Test
    void shouldLeaveAbsentOptionalFieldsNull() {
        Article article = parse("{\"text\":\"إضراب عمال\",\"lang\":null,\"title\":\"  \"}").value();

        assertThat(article.getUrl()).isNull();
        assertThat(article.getTitle()).isNull();
        assertThat(article.getLang()).isNull();
        assertThat(article.getPublished()).isNull();
    }

    @Test
    void shouldReadADateAsMidnightUtc() {
        assertThat(parse("{\"text\":\"工会送温暖\",\"published\":\"2024-12-10\"}").value().getPublished())
                .isEqualTo(Instant.parse("2024-12-10T00:00:00Z"));
    }

    @Test
    void shouldReadAnInstantWithAnOffset() {
        assertThat(parse("{\"text\":\"تجمع\",\"published\":\"2025-12-01T11:35:00+03:30\"}").value().getPublished())
                .isEqualTo(Instant.parse("2025-12-01T08:05:00Z"));
    }

    @Test
    void shouldRefuseALineWithoutTextNamingTheFieldAndTheLine() {
        ParsedLine.Problem problem = problemOf("{\"title\":\"بدون متن\"}");

        assertThat(problem.kind()).isEqualTo(ParsedLine.Kind.MISSING_FIELD);
        assertThat(problem.field()).isEqualTo("text");
        assertThat(problem.message()).isEqualTo("line 7, field 'text': is required and must be a non-blank string");
    }

    @Test
    void shouldRefuseABlankText() {
        // U+3000 is the ideographic space of Chinese copy.
        assertThat(problemOf("{\"text\":\" \\u3000 \"}").field()).isEqualTo("text");
    }

    @Test
    void shouldRefuseAPublishedTimeThatIsNotIso8601() {
        ParsedLine.Problem problem = problemOf("{\"text\":\"工会\",\"published\":\"دیروز\"}");

        assertThat(problem.kind()).isEqualTo(ParsedLine.Kind.INVALID_FIELD);
        assertThat(problem.message()).isEqualTo("line 7, field 'published': is not an ISO-8601 instant or date: \"دیروز\"");
    }

    @Test
    void shouldRefuseALocalTimeWithoutAZoneRatherThanGuess() {
        assertThat(problemOf("{\"text\":\"工会\",\"published\":\"2025-12-01T08:05:00\"}").field()).isEqualTo("published");
    }

    @Test
    void shouldRefuseAFieldThatIsNotAString() {
        ParsedLine.Problem problem = problemOf("{\"id\":42,\"text\":\"工会\"}");

        assertThat(problem.field()).isEqualTo("id");
        assertThat(problem.reason()).isEqualTo("must be a string, found number");
    }

    @Test
    void shouldRefuseMalformedJson() {
        ParsedLine.Problem problem = problemOf("{\"text\":\"工会");

        assertThat(problem.kind()).isEqualTo(ParsedLine.Kind.MALFORMED_JSON);
        assertThat(problem.message()).startsWith("line 7: not valid JSON");
    }

    @Test
    void shouldRefuseContentAfterTheObject() {
        assertThat(problemOf("{\"text\":\"工会\"} {\"text\":\"又一个\"}").kind()).isEqualTo(ParsedLine.Kind.MALFORMED_JSON);
    }

    @Test
    void shouldRefuseJsonThatIsNotAnObject() {
        ParsedLine.Problem problem = problemOf("[\"工会\"]");

        assertThat(problem.kind()).isEqualTo(ParsedLine.Kind.NOT_AN_OBJECT);
        assertThat(problem.reason()).isEqualTo("expected a JSON object, found array");
    }
}
