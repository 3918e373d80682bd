package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LaborExtractorTest {

    private static LaborExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = LaborExtractor.loadDefault();
    }

    private static List<ExtractedEvent> events(String title, String text) {
        return extractor.extract(new Document("t", title, text, null, null, null, null)).events();
    }

    @Test
    void shouldPreferTheReportersDatelineOverOtherPlacesNamed() {
        List<ExtractedEvent> events = events(null,
                "به گزارش خبرنگار ایلنا از اراک، کارگران یک کارخانه که پیشتر در تهران و قم کار میکردند مقابل فرمانداری تجمع کردند.");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.region()).isEqualTo("IR-00");
            assertThat(e.type()).isEqualTo(EventType.PROTEST);
        });
    }

    @Test
    void shouldResolveADistrictNameSharedByProvincesFromTheArticlesProvince() {
        ExtractedEvent event = events(null, "甘肃省兰州市城关区总工会开展送温暖慰问活动,为57名困难职工送去慰问金。").get(0);

        assertThat(event.region()).isEqualTo("CN-GS");
        assertThat(events(null, "西藏拉萨市城关区总工会开展送温暖慰问活动。").get(0).region()).isEqualTo("CN-XZ");
    }

    @Test
    void shouldKeepTheGrievanceAsASecondaryTypeOfAProtest() {
        ExtractedEvent event = events("تجمع کارگران قزوین در اعتراض به حقوق معوقه",
                "کارگران مقابل استانداری قزوین تجمع کردند. آنها ۱۴ ماه حقوق نگرفتهاند.").get(0);

        assertThat(event.type()).isEqualTo(EventType.PROTEST);
        assertThat(event.secondaryTypes()).contains(EventType.WAGE_ARREARS);
        assertThat(event.region()).isEqualTo("IR-26");
    }

    @Test
    void shouldNotTreatACommonWordAsAPlaceWithoutSupport() {
        List<ExtractedEvent> events = events(null, "کارگران در پرتو نور چراغ ها تجمع کردند.");

        assertThat(events).singleElement().satisfies(e -> assertThat(e.region()).isNull());
    }

    @Test
    void shouldNameTheOrganisationsAndTheTradeAStoryStates() {
        ExtractedEvent zh = events(null, "山东省济南市总工会联合人社局为外卖骑手和快递员开展送温暖活动。").get(0);
        ExtractedEvent fa = events(null, "رانندگان کامیون در بندرعباس با حضور نماینده خانه کارگر و اداره کار تجمع کردند.").get(0);
        ExtractedEvent en = events(null, "Nurses at a Leeds hospital walked out on Monday, their trade union said.").get(0);

        assertThat(zh.actors()).containsExactly(Actor.TRADE_UNION, Actor.LABOUR_AUTHORITY);
        assertThat(zh.sector()).isEqualTo(Sector.DELIVERY);
        assertThat(fa.actors()).containsExactly(Actor.WORKERS_HOUSE, Actor.LABOUR_AUTHORITY);
        assertThat(fa.sector()).isEqualTo(Sector.TRANSPORT);
        assertThat(en.actors()).containsExactly(Actor.TRADE_UNION);
        assertThat(en.sector()).isEqualTo(Sector.HEALTH);
    }

    @Test
    void shouldLeaveActorsAndSectorEmptyWhenTheTextNamesNone() {
        ExtractedEvent event = events(null, "كارگران مقابل استانداری قزوین تجمع کردند.").get(0);

        assertThat(event.actors()).isEmpty();
        assertThat(event.sector()).isNull();
    }

    @Test
    void shouldMatchEnglishCuesOnlyAtTheStartOfAWord() {
        List<ExtractedEvent> events = events(null, "Generally, the council determined the budget for the reunion.");

        assertThat(events).isEmpty();
    }

    @Test
    void shouldYieldNothingForTextThatIsNotAboutWork() {
        assertThat(events("Sunny weather in Tehran", "Temperatures rose across the capital on Sunday.")).isEmpty();
    }

    @Test
    void shouldFallBackToTheCountryWhenNoRegionIsNamed() {
        ExtractedEvent event = events("Workers strike across Algeria", "Thousands of workers joined a national strike.").get(0);

        assertThat(event.country()).isEqualTo("DZ");
        assertThat(event.region()).isNull();
        assertThat(event.precision()).isEqualTo(Precision.COUNTRY);
    }

    @Test
    void shouldReadTheCrawlersDateMarkerAsThePublicationDateNotAsText() {
        List<ExtractedEvent> events = extractor.extract(Document.of("m",
                " date 2025-09-10 به گزارش خبرنگار ایلنا از اراک، کارگران روز ۱۶ شهریور مقابل فرمانداری تجمع کردند.")).events();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventDate()).hasToString("2025-09-07");
            assertThat(e.evidence()).startsWith("به گزارش خبرنگار ایلنا از اراک");
        });
    }

    @Test
    void shouldRefuseADocumentWithoutText() {
        assertThatThrownBy(() -> extractor.extract(Document.of("empty", " "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
