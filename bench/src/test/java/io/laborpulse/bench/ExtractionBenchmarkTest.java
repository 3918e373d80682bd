package io.laborpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laborpulse.extract.Extraction;
import io.laborpulse.extract.Extractor;
import io.laborpulse.extract.LaborExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs the benchmark's body on a tiny corpus of the project's own sentences, once per
 * {@code @Param} value, so the harness is checked on every build without timing anything.
 */
class ExtractionBenchmarkTest {

    /** Short reports written for this test, two per language, each naming a place and an action. */
    private static final Map<String, List<String>> TEXTS = Map.of(
            "fa", List.of(
                    "کارگران کارخانه قند اصفهان در اعتراض به سه ماه حقوق معوقه مقابل استانداری تجمع کردند.",
                    "کارگران شهرداری اهواز برای دریافت دستمزد خود دست از کار کشیدند و اعتصاب کردند."),
            "zh", List.of(
                    "甘肃省白银市总工会为外卖骑手开展免费健康体检活动，三百多名职工参加。",
                    "兰州市总工会举办冬季招聘会，五十家企业提供一千个就业岗位。"),
            "en", List.of(
                    "Garment workers in Gazipur blocked the highway on Monday, demanding three months of unpaid wages.",
                    "Nurses in Chittagong went on strike over pay, and hundreds of them gathered outside the hospital."),
            "ar", List.of(
                    "أضرب عمال شركة الغزل في المحلة الكبرى عن العمل للمطالبة بصرف الأجور المتأخرة.",
                    "نظم عمال النظافة في الإسكندرية وقفة احتجاجية أمام مبنى المحافظة للمطالبة بزيادة الرواتب."));
    private static final Map<String, Integer> MIX = Map.of("fa", 2, "zh", 2, "en", 1, "ar", 1);
    private static final int TINY_ARTICLE_BYTES = 300;

    private static Extractor engine;
    private static Corpus corpus;

    @BeforeAll
    static void loadOnce() {
        engine = LaborExtractor.loadDefault();
        corpus = Corpus.assemble(TEXTS, MIX, TINY_ARTICLE_BYTES);
    }

    static String[] selections() throws NoSuchFieldException {
        return ExtractionBenchmark.class.getField("selection").getAnnotation(Param.class).value();
    }

    @ParameterizedTest
    @MethodSource("selections")
    void shouldExtractEventsFromEveryArticleOfEachSelection(String selection) {
        ExtractionBenchmark benchmark = new ExtractionBenchmark();
        benchmark.selection = selection;
        benchmark.use(engine, corpus.articles(selection));
        Blackhole sink = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

        for (int i = 0; i < benchmark.articleCount(); i++) {
            benchmark.extractOneArticle(sink);
        }
        // After a full pass the benchmark wraps round to the first article; read the pass again to see what it yields.
        for (int i = 0; i < benchmark.articleCount(); i++) {
            Extraction extraction = benchmark.extractNext();
            assertThat(extraction.events()).as("events of article %d of '%s'", i, selection).isNotEmpty();
        }
        sink.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    @Test
    void shouldMixLanguagesInTheGivenSharesAndKeepArticlesNearTheTargetSize() {
        assertThat(corpus.articles(Corpus.MIXED)).hasSize(6)
                .extracting(d -> d.id().substring(0, 2))
                .containsExactlyInAnyOrder("fa", "fa", "zh", "zh", "en", "ar");
        for (String lang : Corpus.LANGUAGES) {
            assertThat(corpus.articles(lang)).hasSize(2).allSatisfy(article -> assertThat(
                    article.text().getBytes(StandardCharsets.UTF_8).length)
                    .isBetween(TINY_ARTICLE_BYTES - 256, TINY_ARTICLE_BYTES));
        }
    }

    @Test
    void shouldCutAtABreakWithinTheByteLimitWithoutSplittingACharacter() {
        // Each Han character is three bytes in UTF-8: ten bytes hold three whole characters, no break among them.
        assertThat(Corpus.cut("工会活动。职工参加", 10)).isEqualTo("工会活");
        // Twenty bytes reach into the second sentence; the cut backs off to its full stop.
        assertThat(Corpus.cut("工会活动。职工参加", 20)).isEqualTo("工会活动。");
        assertThat(Corpus.cut("short text", 100)).isEqualTo("short text");
    }

    @Test
    void shouldSayWhereTheRealTextsWereExpectedWhenTheyAreMissing() {
        assertThatThrownBy(() -> Corpus.load(Path.of("no-such-shared-folder")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-shared-folder")
                .hasMessageContaining("-D" + Corpus.SHARED_DIR_PROPERTY);
    }

    @Test
    void shouldRejectAnUnknownSelection() {
        assertThatThrownBy(() -> corpus.articles("de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'de'");
    }
}
