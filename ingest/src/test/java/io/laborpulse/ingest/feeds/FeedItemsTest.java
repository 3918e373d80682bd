package io.laborpulse.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedItemsTest {

    private static final FeedSpec ARABIC = new FeedSpec("akhbar", URI.create("https://akhbar.example/rss/labour.xml"), "ar", "EG",
            Duration.ofMinutes(10));

    private static List<ObjectNode> read(String fixture, FeedSpec spec) throws Exception {
        return FeedItems.read(FeedFixtures.bytes(fixture), "application/rss+xml", spec);
    }

    @Test
    void shouldDecodeAFeedInTheEncodingItsPrologDeclares() throws Exception {
        List<ObjectNode> items = read(FeedFixtures.ARABIC_RSS, ARABIC);

        assertThat(items.get(0).get("title").asText()).isEqualTo("إضراب عمال الغزل في المحلة الكبرى");
        List<ObjectNode> chinese = read(FeedFixtures.CHINESE_RSS,
                new FeedSpec("gongren", URI.create("http://gongren.example/rss"), "zh", "CN", null));
        assertThat(chinese.get(0).get("text").asText()).isEqualTo("12月1日，陇南市总工会帮助120名农民工讨回工资。");
    }

    @Test
    void shouldTurnHtmlAndCdataIntoPlainText() throws Exception {
        String text = read(FeedFixtures.ARABIC_RSS, ARABIC).get(0).get("text").asText();

        assertThat(text).isEqualTo("دخل ألفا عامل في شركة الغزل والنسيج في إضراب عن العمل.\nيطالب العمال بصرف الأجور المتأخرة.");
        assertThat(read(FeedFixtures.ARABIC_RSS, ARABIC).get(1).get("text").asText()).contains("المحافظة & طالبوا");
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheFeedsAddress() throws Exception {
        List<ObjectNode> items = read(FeedFixtures.ARABIC_RSS, ARABIC);

        assertThat(items.get(0).get("url").asText())
                .isEqualTo("https://akhbar.example/news/2025/11/30/strike-mahalla?utm_source=rss&utm_medium=feed");
        assertThat(items.get(1).get("url").asText()).isEqualTo("https://akhbar.example/rss/news/2025/11/30/giza-cleaners");
    }

    @Test
    void shouldApplyAtomsXmlBaseAndReadUpdatedDatesAndHtmlTitles() throws Exception {
        List<ObjectNode> items = read(FeedFixtures.PERSIAN_ATOM,
                new FeedSpec("kargar", URI.create("https://kargar.example/atom"), "fa", "IR", null));

        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("url").asText()).isEqualTo("https://kargar.example/fa/news/7001");
        assertThat(items.get(0).get("title").asText()).isEqualTo("تجمع کارگران هفت\u200cتپه در شوش");
        assertThat(items.get(0).get("published").asText()).isEqualTo("2025-12-01T02:30:00Z");
        assertThat(items.get(1).get("text").asText()).isEqualTo("Representatives met in Tehran on Monday.");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("lang").asText()).isEqualTo("fa");
            assertThat(item.get("country").asText()).isEqualTo("IR");
            assertThat(item.get("source").asText()).isEqualTo("kargar");
        });
    }

    @Test
    void shouldLeaveOutADateThatIsMissingOrUnreadable() throws Exception {
        List<ObjectNode> items = read(FeedFixtures.ARABIC_RSS, ARABIC);

        assertThat(items.get(0).get("published").asText()).isEqualTo("2025-11-30T06:15:00Z");
        assertThat(items.get(1).has("published")).isFalse();
        assertThat(items.get(2).has("published")).isFalse();
    }

    @Test
    void shouldPassOnAnEmptyItemForTheIngestToDeadLetter() throws Exception {
        ObjectNode empty = read(FeedFixtures.ARABIC_RSS, ARABIC).get(4);

        assertThat(empty.get("text").asText()).isEmpty();
    }

    @Test
    void shouldRefuseADocumentThatIsNoFeed() {
        assertThatThrownBy(() -> FeedItems.read("<html><body>moved</body></html>".getBytes(StandardCharsets.UTF_8), "text/html", ARABIC))
                .isInstanceOf(FeedItems.UnreadableFeedException.class).hasMessageContaining("akhbar");
    }

    @Test
    void shouldDecodeNumericAndNamedEntities() {
        assertThat(FeedItems.plainText("a&#160;b &#x41; &lt;tag&gt; کرده&zwnj;اند<br/>next")).isEqualTo("a b A <tag> کرده\u200cاند\nnext");
    }
}
