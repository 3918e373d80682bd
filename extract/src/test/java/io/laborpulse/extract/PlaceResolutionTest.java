package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where an event happened, as the engine settles it from the places a text names. */
class PlaceResolutionTest {

    private static LaborExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = LaborExtractor.loadDefault();
    }

    private static ExtractedEvent only(String title, String text, String countryHint) {
        List<ExtractedEvent> events = extractor.extract(new Document("t", title, text, null, null, null, countryHint)).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void shouldNotLetALawFirmsHomeStateInAGeneralStatementOutvoteTheStory() {
        ExtractedEvent event = only("Worker dies in fall, OSHA investigating",
                "Texas employers must keep their workers safe, here in Texas or elsewhere. A worker fell 30 feet to his death "
                        + "at a grain elevator in Kansas last week. OSHA is investigating.", null);

        assertThat(event.region()).isEqualTo("US-KS");
    }

    @Test
    void shouldReadADatelinesCityInsideTheStateWrittenAfterIt() {
        ExtractedEvent event = only("Nurses strike at Birmingham hospital",
                "BIRMINGHAM, Ala. — About 400 nurses at a private hospital walked out on Tuesday over staffing levels.", null);

        assertThat(event.region()).isEqualTo("US-AL");
        assertThat(event.precision()).isEqualTo(Precision.CITY);
    }

    @Test
    void shouldLetTheProvinceStandWhenTheDatelinesTownIsNotInTheGazetteer() {
        ExtractedEvent event = only("Pulp mill to close, 220 workers laid off",
                "KITIMAT, B.C. — The town's pulp mill will close in June and lay off its 220 workers, the owner said on Friday.", null);

        assertThat(event.region()).isEqualTo("CA-BC");
        assertThat(event.precision()).isEqualTo(Precision.REGION);
    }

    @Test
    void shouldNotLetAnArabicWireStorysNewsroomOutvoteThePlaceItReports() {
        ExtractedEvent event = only("جلسة تفاوض في مصنع للأسمدة",
                "القاهرة - عقدت مديرية العمل بمحافظة الإسماعيلية أمس جلسة تفاوض بين إدارة مصنع للأسمدة وممثلي العمال.", null);

        assertThat(event.region()).isEqualTo("EG-IS");
    }

    @Test
    void shouldKeepAnArabicNewsroomThatTheStoryNamesAgain() {
        ExtractedEvent event = only("إضراب عمال الموانئ",
                "العقبة - أضرب نحو 300 عامل في ميناء العقبة عن العمل صباح اليوم للمطالبة بزيادة الأجور، "
                        + "فيما زار وفد من وزارة العمل في عمان الميناء.", null);

        assertThat(event.region()).isEqualTo("JO-AQ");
    }

    @Test
    void shouldTakeANameThatIsAlsoAWordAsThePlaceWhenAnIndustrialZoneIsNamedAfterIt() {
        ExtractedEvent event = only(null, "昆山经济技术开发区一家电子企业召开工资集体协商会议，劳资双方达成一致。", null);

        assertThat(event.region()).isEqualTo("CN-JS");
    }

    @Test
    void shouldTakeAPersianTownNameThatIsAlsoAWordAsThePlaceWhereItsGovernorOrReporterIsNamed() {
        ExtractedEvent governor = only(null, "کارگران کارخانه آجر در اعتراض به حقوق معوقه مقابل دفتر فرماندار میانه تجمع کردند.", null);
        ExtractedEvent reporter = only(null, "به گزارش خبرنگار ما از میانه، کارگران کارخانه آجر در اعتراض به حقوق معوقه تجمع کردند.", null);

        assertThat(governor.region()).isEqualTo("IR-03");
        assertThat(reporter.region()).isEqualTo("IR-03");
    }

    @Test
    void shouldNotReadATownWrittenAsAnAcronymInRunningTextAsThatTown() {
        ExtractedEvent event = only("Garment workers block highway",
                "Members of the FENI, a garment workers federation, blocked the highway in Gazipur on Monday over unpaid wages.", null);

        assertThat(event.region()).isEqualTo("BD-C"); // Feni is a town of Chattogram Division
    }

    @Test
    void shouldPreferTheTitlesPlaceOverTheReportersCityAndReadARepeatedTitleOnce() {
        String title = "تجمع کارگران شهرداری شهرکرد مقابل شورای شهر";
        ExtractedEvent event = only(title, title + "\nبه گزارش خبرنگار ایلنا از اصفهان، جمعی از کارگران شهرداری شهرکرد "
                + "امروز در اعتراض به چهار ماه حقوق معوقه مقابل شورای شهر تجمع کردند.", null);

        assertThat(event.region()).isEqualTo("IR-14");
    }

    @Test
    void shouldReadAProvinceCapitalSharingItsNameAsTheCityInThatProvince() {
        ExtractedEvent event = only(null, "کارگران کارخانه ای در اصفهان مقابل فرمانداری تجمع کردند.", null);

        assertThat(event.region()).isEqualTo("IR-10");
        assertThat(event.precision()).isEqualTo(Precision.CITY);
        assertThat(event.regionName()).isEqualTo("Isfahan");
    }

    @Test
    void shouldReadTheProvinceWrittenAsSuchAtRegionPrecision() {
        ExtractedEvent event = only(null, "بازرسان اداره کار استان اصفهان از کارگاهها بازرسی کردند.", null);

        assertThat(event.region()).isEqualTo("IR-10");
        assertThat(event.precision()).isEqualTo(Precision.REGION);
        assertThat(event.place()).isEqualTo("استان اصفهان");
    }

    @Test
    void shouldResolveAnEnglishNameSharedByProvinceAndCapital() {
        ExtractedEvent event = only("Kermanshah workers protest unpaid wages; کرمانشاه",
                "Dozens of workers gathered in Kermanshah to protest months of unpaid wages.", null);

        assertThat(event.region()).isEqualTo("IR-05");
    }

    @Test
    void shouldTrustTheReportersDatelineOverAPlaceNamedInPassing() {
        ExtractedEvent event = only(null,
                "رئیس اداره کار در گفت و گو با خبرنگار ایلنا در بروجرد گفت: بازرسی از کارگاهها ادامه دارد؛ برخی اتباع اهل افغانستان و تهران بودند.",
                null);

        assertThat(event.region()).isEqualTo("IR-15");
        assertThat(event.place()).isEqualTo("بروجرد");
    }

    @Test
    void shouldSettleChengguanDistrictByTheProvinceTheArticleNames() {
        assertThat(only(null, "甘肃兰州城关区总工会开展送温暖活动,慰问困难职工。", null).region()).isEqualTo("CN-GS");
        assertThat(only(null, "西藏拉萨城关区总工会开展送温暖活动,慰问困难职工。", null).region()).isEqualTo("CN-XZ");
    }

    @Test
    void shouldLeaveChengguanDistrictUnplacedWithoutAProvince() {
        ExtractedEvent event = only(null, "城关区总工会开展送温暖活动,慰问困难职工。", null);

        assertThat(event.region()).isNull();
    }

    @Test
    void shouldQuoteThePlaceAsTheSourceWroteIt() {
        ExtractedEvent event = only("廣州市總工會為外賣騎手送溫暖", "廣州市總工會近日開展送溫暖活動,為300名外賣騎手送上禦寒物資。", null);

        assertThat(event.region()).isEqualTo("CN-GD");
        assertThat(event.place()).isEqualTo("廣州市"); // the full name, as written: the gazetteer has 广州市
        assertThat(event.evidence()).startsWith("廣州市總工會為外賣騎手送溫暖");
    }

    @Test
    void shouldUseTheOutletsCountryAsAPriorForAnAmbiguousName() {
        ExtractedEvent event = only("Hospital workers strike in Georgia", "Nurses and cleaners at a state hospital in Georgia walked out; 医院", "US");

        assertThat(event.country()).isEqualTo("US");
    }
    @Test
    void shouldTakeANameThatIsAlsoAWordAsThePlaceAtTheDatelineOrWrittenWithCapitals() {
        ExtractedEvent dateline = only("Hospital porters stop work over pay",
                "LIMERICK — About 90 porters at the city's hospital stopped work for two hours on Friday.", null);
        ExtractedEvent capitals = only("Bus drivers strike",
                "About 500 bus drivers in Cape Town went on strike on Monday over shift allowances.", null);

        assertThat(dateline.region()).isEqualTo("IE-M");
        assertThat(capitals.region()).isEqualTo("ZA-WC");
    }

    @Test
    void shouldReadPlacesWrittenWithLatinDiacriticsOrWithout() {
        ExtractedEvent event = only("Nurses walk off the job", "About 300 nurses at Whangārei Hospital walked off the job on Tuesday.", null);

        assertThat(event.region()).isEqualTo("NZ-NTL");
    }

    @Test
    void shouldNotPlaceAStoryWhereItsPeopleCameFromOrItsFirmSits() {
        ExtractedEvent migrant = only("Worker from Kumasi dies in fall at Accra building site",
                "A 31-year-old labourer from Kumasi, Ashanti, died after a fall from scaffolding at a building site in Accra on Monday.", null);
        ExtractedEvent based = only("Nurses strike in Superior",
                "About 200 nurses at a hospital in Superior, Wis., went on strike on Monday; their Duluth-based union local said talks had stalled.", null);

        assertThat(migrant.region()).isEqualTo("GH-AA");
        assertThat(based.region()).isEqualTo("US-WI");
    }

    @Test
    void shouldReadANameAnArabCountryAndAnotherShareAsTheArabPlaceInArabicNews() {
        ExtractedEvent event = only("ورشة تدريبية لعمال النسيج", "أقامت نقابة العمال في حلب ورشة تدريبية لعمال النسيج حول السلامة المهنية.", null);

        assertThat(event.region()).isEqualTo("SY-HL");
    }

    @Test
    void shouldReadIranianCitiesUnderTheLatinNamesEnglishNewsWrites() {
        ExtractedEvent event = only("Bakery workers protest in Saqqez", "About 60 bakery workers gathered outside the governor's office in Saqqez on Sunday over unpaid wages.", null);

        assertThat(event.region()).isEqualTo("IR-12");
    }
}
