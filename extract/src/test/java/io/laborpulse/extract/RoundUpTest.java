package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A round-up reads as one event per place and activity; a single story as one event. */
class RoundUpTest {

    private static final Instant PUBLISHED = Instant.parse("2025-12-01T08:00:00Z");
    private static final String GANSU_ROUND_UP = String.join(" ",
            "我省各级工会冬日送温暖。",
            "酒泉市总工会举办冬季招聘会 11月25日,酒泉市总工会举办招聘会,30家企业提供岗位800个,吸引400余名求职者参加。",
            "张掖市总工会为环卫工人送温暖 11月27日,张掖市总工会为120名环卫工人送去棉衣和手套。",
            "平凉市总工会开展技能培训 近日,平凉市总工会举办电工技能培训班,60名职工参加培训。");

    private static LaborExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = LaborExtractor.loadDefault();
    }

    private static List<ExtractedEvent> read(String text) {
        return extractor.extract(new Document("r", null, text, null, PUBLISHED, null, null)).events();
    }

    @Test
    void shouldSplitARoundUpAtSubHeadlinesThatOpenWithAPlace() {
        List<ExtractedEvent> events = read(GANSU_ROUND_UP);

        assertThat(events).extracting(ExtractedEvent::place).containsExactly("酒泉市", "张掖市", "平凉市");
        assertThat(events).extracting(ExtractedEvent::type).containsExactly(
                EventType.EMPLOYMENT_SERVICE, EventType.WELFARE_SERVICE, EventType.TRAINING);
        assertThat(events).allSatisfy(e -> assertThat(e.region()).isEqualTo("CN-GS"));
    }

    @Test
    void shouldSplitAParagraphAboutAPlaceInsideTheOneAlreadyReported() {
        List<ExtractedEvent> events = read("Garment workers block highway in Gazipur\n"
                + "Workers of a garment factory blocked the highway in Gazipur on Monday over three months of unpaid wages.\n"
                + "Meanwhile, workers of another factory in Gazipur's Konabari area stopped work over a pay rise.");

        assertThat(events).extracting(ExtractedEvent::type).containsExactly(EventType.PROTEST, EventType.STRIKE);
        assertThat(events).allSatisfy(e -> assertThat(e.region()).isEqualTo("BD-C"));
    }

    @Test
    void shouldSplitAWireParagraphAtSentencesAndClausesThatOpenAtANewPlace() {
        List<ExtractedEvent> events = read("Doctors strike in three cities\n"
                + "Junior doctors began a two-day strike on Monday. In Lucknow about 400 doctors walked out of the district hospital, "
                + "while in Kolkata doctors at two medical colleges went on strike. In Pune, resident doctors joined the stoppage.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("IN-UP", "IN-WB", "IN-MH");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.STRIKE));
        assertThat(events.get(0).participants()).isEqualTo(400L);
    }

    @Test
    void shouldReportEachPlaceATitleListsWhenTheBodyReportsThemInTurn() {
        List<ExtractedEvent> events = read("Walkouts in Leeds, Glasgow and Cardiff\n"
                + "Workers in three cities stopped work on Thursday.\n"
                + "In Leeds, about 300 bus drivers walked out over pay, and in Glasgow, refuse collectors began a strike. "
                + "In Cardiff, nurses held the first of two 12-hour strikes.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("GB-ENG", "GB-SCT", "GB-WLS");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.STRIKE));
    }

    @Test
    void shouldGiveListItemsThatNameLittleMoreThanTheirPlaceTheLeadsActivity() {
        List<ExtractedEvent> events = read("جولات تفتيشية على المنشآت الخاصة\n"
                + "نفذت فرق التفتيش التابعة لوزارة الموارد البشرية حملات تفتيشية خلال الأسبوع الماضي:\n"
                + "- رصد ١٢٠ مخالفة في محال تجارية بمدينة الرياض.\n"
                + "- رصد ٤٥ مخالفة في مواقع بناء بمحافظة جدة.\n"
                + "- رصد ٣٠ مخالفة في ورش بمدينة الدمام.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("SA-01", "SA-02", "SA-04");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.INSPECTION_ENFORCEMENT));
    }

    @Test
    void shouldTakeABulletinsParagraphsLedByAPlaceAndADashAsItsItems() {
        List<ExtractedEvent> events = read("Regional news from the union\n"
                + "Our regions this month\n\n"
                + "Bristol — Members at the council's waste depot voted by 88% for strike action over shift patterns.\n\n"
                + "Aberdeen — Reps met the college's principal to open talks on next year's pay award.\n\n"
                + "Swansea — Eighteen new health and safety reps finished the union's foundation course.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("GB-ENG", "GB-SCT", "GB-WLS");
        assertThat(events).extracting(ExtractedEvent::type).containsExactly(
                EventType.STRIKE, EventType.NEGOTIATION_MEETING, EventType.TRAINING);
    }

    @Test
    void shouldSplitAnArabicParagraphAtAnAndInClauseWithoutAComma() {
        List<ExtractedEvent> events = read("إضراب عمال النظافة في مدينتين\n"
                + "دخل عمال النظافة في الزرقاء في إضراب عن العمل صباح الأحد للمطالبة بصرف رواتبهم المتأخرة "
                + "وفي إربد أضرب نحو 150 عاملا عن العمل للمطالبة نفسها.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("JO-AZ", "JO-IR");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.STRIKE));
    }

    @Test
    void shouldReportEachPlaceAUnitOpensWithWhenTheTitleSaysSeveralPlaces() {
        List<ExtractedEvent> events = read("اعتصاب رانندگان اتوبوس در چند شهر\n"
                + "رانندگان اتوبوس در اعتراض به پرداخت نشدن حقوق امروز دست از کار کشیدند؛ در تبریز حدود ۱۲۰ راننده اتوبوس‌ها را در پایانه نگه داشتند؛ "
                + "در یزد رانندگان مقابل ساختمان شرکت واحد جمع شدند و در رشت نیز بیشتر خطوط تعطیل ماند.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("IR-03", "IR-21", "IR-01");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.STRIKE));
    }

    @Test
    void shouldTakeALeadPlacedOnlyAtItsDatelineForTheRoundUpsSummary() {
        List<ExtractedEvent> events = read("Teachers strike in several states\n"
                + "NEW DELHI — Contract teachers went on strike in several states on Monday over pay.\n"
                + "In Patna, about 4,000 teachers marched to the education department.\n"
                + "In Jaipur, teachers boycotted classes at government schools.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("IN-BR", "IN-RJ");
    }

    @Test
    void shouldReadASentenceRecallingLastYearsEventsElsewhereAsBackground() {
        List<ExtractedEvent> events = read("اعتصاب کارگران معدن در طبس\n"
                + "کارگران معدن زغال‌سنگ طبس امروز در اعتراض به سه ماه حقوق معوقه دست از کار کشیدند.\n"
                + "سال گذشته نیز کارگران معادن کرمان در اعتراض به تعویق مزد دست از کار کشیده بودند.");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo(EventType.STRIKE);
    }

    @Test
    void shouldSplitAChineseParagraphAtClausesThatOpenAtANewPlace() {
        List<ExtractedEvent> events = read("各地工会开展夏送清凉活动\n"
                + "7月15日，吐鲁番市总工会为850名户外劳动者送去防暑降温物资；同一天，三亚市总工会为环卫工人送去清凉物资；"
                + "银川市总工会则走进工业园区，为600余名一线职工送去慰问品。");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("CN-XJ", "CN-HI", "CN-NX");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.WELFARE_SERVICE));
    }

    @Test
    void shouldCountEachPlaceTheLeadListsAsTheSceneOfTheSameActivity() {
        List<ExtractedEvent> events = read("عمال النظافة يحتجون في ثلاث مدن\n"
                + "نظم عمال شركات النظافة، يوم الثلاثاء، وقفات احتجاجية متزامنة أمام المستشفيات بكل من المحمدية وسطات والجديدة.");

        assertThat(events).extracting(ExtractedEvent::place).containsExactlyInAnyOrder("المحمدية", "سطات", "الجديدة");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.PROTEST));
    }

    @Test
    void shouldReadPlacesWorkersComeFromOrOneCitysDistrictsAsOneEventsReach() {
        List<ExtractedEvent> origins = read("四十余名务工人员在宝安区一工地聚集讨薪\n"
                + "11月20日,四十余名来自四川南充、广安的建筑工人在深圳市宝安区一在建项目门口拉起横幅,讨要被拖欠的工资。");
        List<ExtractedEvent> districts = read("天水市总工会慰问一线环卫职工\n"
                + "1月16日,天水市总工会联合秦州区、麦积区总工会开展送温暖活动,为320名环卫工人送去慰问金。");

        assertThat(origins).singleElement().satisfies(e -> assertThat(e.region()).isEqualTo("CN-GD"));
        assertThat(districts).singleElement().satisfies(e -> assertThat(e.participants()).isEqualTo(320L));
    }

    @Test
    void shouldNotOpenASectionAtACityOfACountryTheTextIsNotAbout() {
        List<ExtractedEvent> events = read("Job fair in Trenton draws employers\n"
                + "TRENTON, N.C. - The NCWorks Career Center hosted a job fair in Trenton, North Carolina on Tuesday.\n"
                + "Samara Taft, the career center's manager, said job seekers responded well to the hiring event.");

        assertThat(events).singleElement().satisfies(e -> assertThat(e.region()).isEqualTo("US-NC"));
    }

    @Test
    void shouldNotMakeAnEventOfTheTownTheInjuredWereTakenTo() {
        List<ExtractedEvent> events = read("انفجار در پتروشیمی ماهشهر؛ یک کارگر جان باخت\n"
                + "صبح امروز در پی انفجار یک مخزن در یکی از پتروشیمی های ماهشهر یک کارگر جان باخت و سه کارگر دیگر مصدوم شدند.\n"
                + "فرماندار ماهشهر گفت: مصدومان به بیمارستان سوانح و سوختگی اهواز منتقل شدند.");

        assertThat(events).singleElement().satisfies(e -> assertThat(e.place()).isEqualTo("ماهشهر"));
    }

    @Test
    void shouldCountEachPlaceAHeadlineListsAndNotAPlaceQualifiedByItsRegion() {
        List<ExtractedEvent> listed = extractor.extract(new Document("l", "اعتصاب کارگران پیمانی در آبادان، عسلویه و بندرعباس",
                "کارگران پیمانی پالایشگاه ها امروز دست از کار کشیدند.", null, PUBLISHED, null, null)).events();
        List<ExtractedEvent> qualified = extractor.extract(new Document("q", "Worker killed at Corrigan, Texas plywood mill",
                "A worker was killed on Monday when a log loader overturned at a plywood mill.", null, PUBLISHED, null, null)).events();

        assertThat(listed).extracting(ExtractedEvent::region).containsExactlyInAnyOrder("IR-06", "IR-18", "IR-22");
        assertThat(listed).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.STRIKE));
        assertThat(qualified).singleElement().satisfies(e -> assertThat(e.region()).isEqualTo("US-TX"));
    }

    @Test
    void shouldGiveEachSegmentItsOwnCountAndDate() {
        List<ExtractedEvent> events = read(GANSU_ROUND_UP);

        assertThat(events).extracting(ExtractedEvent::participants).containsExactly(400L, 120L, 60L);
        assertThat(events.get(0).eventDate()).hasToString("2025-11-25");
        assertThat(events.get(1).eventDate()).hasToString("2025-11-27");
    }

    @Test
    void shouldNotCountTheRoundUpsProvinceWideLeadAsAnEvent() {
        assertThat(read(GANSU_ROUND_UP)).noneMatch(e -> e.precision() == Precision.REGION);
    }

    @Test
    void shouldReadASingleStoryAsOneEventEvenWhenItNamesSeveralPlaces() {
        List<ExtractedEvent> events = read("兰州市总工会举办招聘会。近日,兰州市总工会举办春风行动招聘会,来自白银、定西的500余名求职者参加。");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.place()).isEqualTo("兰州市");
            assertThat(e.type()).isEqualTo(EventType.EMPLOYMENT_SERVICE);
        });
    }

    @Test
    void shouldSplitAtAParagraphReportingActivityAtAnotherPlace() {
        String text = String.join("\n",
                "Workers at a spinning mill in Narayanganj walked out on Sunday over two months of unpaid wages.",
                "The strike halted both shifts, a union organiser said.",
                "Meanwhile in Chattogram, dock workers staged a protest outside the port authority over job cuts.");

        List<ExtractedEvent> events = read(text);

        assertThat(events).extracting(ExtractedEvent::place).containsExactly("Narayanganj", "Chattogram");
        assertThat(events).extracting(ExtractedEvent::type).containsExactly(EventType.STRIKE, EventType.PROTEST);
    }

    @Test
    void shouldKeepAStoryWhoseLaterParagraphsNameTheSamePlaceAsOneEvent() {
        String text = String.join("\n",
                "深圳市一家电子厂300余名工人因被拖欠工资集体罢工。",
                "深圳市人社局表示,已派出劳动监察人员督促企业支付工资。",
                "相关阅读:广州外卖骑手罢工讨薪");

        assertThat(read(text)).singleElement().satisfies(e -> assertThat(e.place()).isEqualTo("深圳市"));
    }
    @Test
    void shouldPlaceARoundUpsLeadWhereItHappenedRatherThanAtItsDateline() {
        List<ExtractedEvent> events = read("Factory walkout, mill fire: the week in industry\n"
                + "MUMBAI: About 600 workers at a tyre plant outside Nashik walked out on Monday over a suspended shift. "
                + "In Gujarat, three workers were injured when a fire broke out at a textile mill in Surat on Tuesday.");

        assertThat(events).extracting(ExtractedEvent::place).containsExactly("Nashik", "Surat");
        assertThat(events.get(0).participants()).isEqualTo(600L);
    }

    @Test
    void shouldLetALeadThatListsThePlacesGiveWayToTheParagraphAboutEach() {
        List<ExtractedEvent> events = read("Cleaners rally in Leeds and Sheffield\n"
                + "Hospital cleaners rallied on Friday in Leeds and Sheffield over a new rota.\n"
                + "In Leeds, about 120 cleaners held a rally outside the infirmary.\n"
                + "In Sheffield, some 90 cleaners held a rally at the town hall.");

        assertThat(events).extracting(ExtractedEvent::place).containsExactly("Leeds", "Sheffield");
        assertThat(events).extracting(ExtractedEvent::participants).containsExactly(120L, 90L);
    }

    @Test
    void shouldReadALiveBlogsTimedEntriesAsItems() {
        List<ExtractedEvent> events = read("Live: nurses strike across the state\n"
                + "Updated Tuesday\n"
                + "8.40am — Hundreds of nurses on strike have formed picket lines outside the hospital in Melbourne this morning.\n"
                + "9.15am — In Bendigo, about 80 nurses have gathered at the hospital entrance.\n"
                + "10.30am — The health minister says talks will resume on Thursday.");

        assertThat(events).extracting(ExtractedEvent::place).containsExactly("Melbourne", "Bendigo");
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.STRIKE));
    }

    @Test
    void shouldNotReadWhereAFirmSitsAsAnotherEvent() {
        List<ExtractedEvent> events = read("Dockers strike at Durban port\n"
                + "DURBAN — About 1,000 dock workers went on strike at Durban's container terminal on Monday. "
                + "The operator, headquartered in Johannesburg, said talks would continue.");

        assertThat(events).extracting(ExtractedEvent::place).containsExactly("Durban");
    }

    @Test
    void shouldNotReadTheTownsWorkersCameFromOrAPlannedMeetingAsEvents() {
        List<ExtractedEvent> origins = read("تجمع کارگران معدن سقز، بانه و مریوان مقابل استانداری\n"
                + "گروهی از کارگران معدن که از شهرهای سقز، بانه و مریوان به سنندج آمده بودند، صبح دوشنبه مقابل استانداری تجمع کردند.");
        List<ExtractedEvent> planned = read("Dock workers strike in Mombasa\n"
                + "About 400 dock workers went on strike in Mombasa on Monday over casual contracts. "
                + "In Nairobi, union leaders said talks with the port authority would resume next week.");

        assertThat(origins).hasSize(1);
        assertThat(origins.get(0).region()).isEqualTo("IR-12");
        assertThat(planned).extracting(ExtractedEvent::place).containsExactly("Mombasa");
    }

    @Test
    void shouldMeasureHowNearItsOpeningAUnitNamesItsPlaceAfterTheWordsThatLinkItToTheLastOne() {
        List<ExtractedEvent> events = read("إضراب عمال النظافة في البصرة\n"
                + "البصرة - نفذ نحو 300 عامل نظافة في البصرة إضرابا عن العمل اليوم الأحد للمطالبة بصرف رواتبهم المتأخرة.\n"
                + "وفي سياق متصل، نظم عشرات العمال في مصفى الدورة ببغداد وقفة احتجاجية أمام بوابة المصفى.");

        assertThat(events).extracting(ExtractedEvent::region).containsExactly("IQ-BA", "IQ-BG");
        assertThat(events).extracting(ExtractedEvent::type).containsExactly(EventType.STRIKE, EventType.PROTEST);
    }

    @Test
    void shouldReadAListItemsOwnDatelineOrHeadingAsItsPlace() {
        List<ExtractedEvent> datelines = read("劳动简讯\n"
                + "1. 本报郑州讯 11月20日，郑州市一建筑工地约60名农民工聚集讨要工资。\n"
                + "2. 本报武汉讯 武汉市人社局11月21日举办专场招聘会，吸引求职者3000余人。");
        List<ExtractedEvent> headings = read("各地简讯\n"
                + "东莞：一家五金厂约150名工人停工，要求结清欠薪。\n"
                + "中山：一家玩具厂突然宣布停产，600多名工人面临失业。");

        assertThat(datelines).extracting(ExtractedEvent::region).containsExactly("CN-HA", "CN-HB");
        assertThat(headings).extracting(ExtractedEvent::place).containsExactly("东莞", "中山");
    }

    @Test
    void shouldNotReadOnePlaceWrittenTwoWaysAsTwoEvents() {
        List<ExtractedEvent> events = read("耒阳四十多名工人被欠薪 至今未结\n"
                + "“干了一年活，过年都回不了家。”近日，湖南耒阳市的四十多名建筑工人反映，总包方至今仍拖欠工资两百多万元。");

        assertThat(events).hasSize(1);
    }

    @Test
    void shouldReadASectionWithACueOfItsOwnAndNoneOfTheLeadsAsItsOwnActivity() {
        List<ExtractedEvent> events = read("Provincial round-up\n"
                + "GAUTENG: About 1,500 municipal workers in Tshwane downed tools on Monday over unpaid increases.\n"
                + "LIMPOPO: Two mineworkers were injured in a fall of ground at a mine near Polokwane on Tuesday.");

        assertThat(events).extracting(ExtractedEvent::type).containsExactly(EventType.STRIKE, EventType.ACCIDENT_SAFETY);
    }
}
