package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberReaderTest {

    private static Long participants(String lang, String text) {
        return NumberReader.participants(lang, TextNormalizer.normalize(text));
    }

    @Test
    void shouldReadChineseCountsWithApproximationsAndSeparators() {
        assertThat(participants("zh", "共有700余名群众前来咨询问诊")).isEqualTo(700L);
        assertThat(participants("zh", "组织1,425名网约送餐员体检")).isEqualTo(1425L);
        assertThat(participants("zh", "两千名职工参加")).isEqualTo(2000L);
        assertThat(participants("zh", "三百五十名快递员")).isEqualTo(350L);
        assertThat(participants("zh", "吸引求职者3千多名，现场达成意向900余人")).isEqualTo(3000L);
    }

    @Test
    void shouldNotCountTheOrganisersStaffMoneyOrItems() {
        assertThat(participants("zh", "30余名医务工作者分赴5个村,700余名群众前来")).isEqualTo(700L);
        assertThat(participants("zh", "发放150双手套、50顶帽子")).isNull();
    }

    @Test
    void shouldReadPersianThousandsWrittenInWords() {
        assertThat(participants("fa", "با ۹۸۸ تعاونی و ۱۰ هزار و ۴۲۹ نفر عضو")).isEqualTo(10429L);
        assertThat(participants("fa", "حدود ۳۰۰ نفر از کارگران تجمع کردند")).isEqualTo(300L);
    }

    @Test
    void shouldReadEnglishAndArabicCounts() {
        assertThat(participants("en", "About 2,000 garment workers blocked the road")).isEqualTo(2000L);
        assertThat(participants("ar", "أضرب نحو ٣٠٠٠ عامل عن العمل")).isEqualTo(3000L);
    }

    @Test
    void shouldReadEnglishCountsWrittenInWords() {
        assertThat(participants("en", "Thirty-two trainee electricians began their course on Monday")).isEqualTo(32L);
        assertThat(participants("en", "Some three thousand dock workers marched to the port authority")).isEqualTo(3000L);
        assertThat(participants("en", "Four hundred and twenty nurses joined the picket")).isEqualTo(420L);
        assertThat(participants("en", "One worker said the line had stopped")).isNull();
    }

    @Test
    void shouldCountThePartOfAWorkforceThatActsAndPeopleNamedByTheirTrade() {
        assertThat(participants("en", "About 640 of the 2,300 production workers at the mill walked out")).isEqualTo(640L);
        assertThat(participants("en", "Nearly 900 cane cutters and pickers blocked the sugar mill's gate")).isEqualTo(900L);
    }

    @Test
    void shouldCountCasualtiesNamedWithTheirAgeTradeAndWhereTheyCameFrom() {
        assertThat(NumberReader.casualties("en", "a 29-year-old migrant worker from bihar was killed and another from west bengal's malda was injured"))
                .isEqualTo(2L);
        assertThat(NumberReader.casualties("en", "three crane operators were killed and a fourth was hurt")).isEqualTo(4L);
        assertThat(participants("en", "About 900 dock and warehouse workers stopped work")).isEqualTo(900L);
    }

    @Test
    void shouldReadPersianTradesAndPassOverWorkforceTotalsAndLastYearsCounts() {
        assertThat(participants("fa", TextNormalizer.normalize("حدود ۴۵۰ معدنچی از ورود به تونل خودداری کردند"))).isEqualTo(450L);
        assertThat(participants("fa", TextNormalizer.normalize(
                "حدود ۳۰۰ نفر از کارگران شرکت پیمانکاری که در معدن کار می‌کنند، از صبح دیروز دست از کار کشیده‌اند. "
                        + "سال گذشته نیز حدود ۶۰۰ کارگر در اعتراض به تاخیر حقوق اعتصاب کرده بودند."))).isEqualTo(300L);
    }

    @Test
    void shouldReadACrowdCountedWithoutANoun() {
        assertThat(participants("en", "In Bengaluru, about 800 gathered at Freedom Park")).isEqualTo(800L);
        assertThat(participants("en", "Police put the crowd at 500 by noon")).isEqualTo(500L);
        assertThat(participants("en", "a group of 150 held a sit-in before the office")).isEqualTo(150L);
        assertThat(participants("en", "The association, which claims 62,000 members, warned of more action")).isNull();
    }

    @Test
    void shouldPassOverAWorkforceSizeToTheCountOfParticipants() {
        assertThat(participants("en", "The plant, which has 3,000 workers, saw 400 workers walk out")).isEqualTo(400L);
        assertThat(participants("zh", "该厂员工总数逾3000人,200多名工人聚集讨薪")).isEqualTo(200L);
        assertThat(participants("fa", "این شرکت با ۴ هزار نفر پرسنل؛ ۳۰۰ کارگر تجمع کردند")).isEqualTo(300L);
        assertThat(participants("ar", "المصنع يعمل به 5000 عامل، وأضرب 700 عامل")).isEqualTo(700L);
    }

    @Test
    void shouldReadArabicThousandsWrittenAsWords() {
        assertThat(participants("ar", "نظم أكثر من ألف عامل وقفة احتجاجية")).isEqualTo(1000L);
        assertThat(participants("ar", "شارك ألفا عامل")).isNull();
        assertThat(participants("ar", "شارك ألفي عامل في الإضراب")).isEqualTo(2000L);
    }

    private static Long casualties(String lang, String text) {
        return NumberReader.casualties(lang, TextNormalizer.normalize(text));
    }

    @Test
    void shouldSumTheDeadAndTheInjuredOfAnAccident() {
        assertThat(casualties("zh", "一在建工地发生事故,导致2名工人遇难,另有2人受伤。")).isEqualTo(4L);
        assertThat(casualties("fa", "مرگ یک معدنچی بر اثر ریزش تونل")).isEqualTo(1L);
        assertThat(casualties("fa", "سه کارگر در این حادثه جان باختند و دو نفر مصدوم شدند")).isEqualTo(5L);
        assertThat(casualties("en", "Two workers were killed and three others injured in a blast")).isEqualTo(5L);
        assertThat(casualties("en", "Man fatally injured at work, OSHA investigating")).isEqualTo(1L);
        assertThat(casualties("ar", "مصرع عامل وإصابة آخر إثر سقوطهما من سقالة")).isEqualTo(2L);
        assertThat(casualties("ar", "مصرع عاملين في انهيار جدار")).isEqualTo(2L);
    }

    @Test
    void shouldCountEnglishCasualtiesWrittenAsWireCopyWritesThem() {
        assertThat(casualties("en", "two dockworkers died and three others were injured when a crane collapsed")).isEqualTo(5L);
        assertThat(casualties("en", "one worker died and eight others were taken to hospital")).isEqualTo(9L);
        assertThat(casualties("en", "at least six workers were killed and around 20 injured in the fire")).isEqualTo(26L);
        assertThat(casualties("en", "a 34-year-old worker suffered serious leg injuries when a forklift tipped")).isEqualTo(1L);
    }

    @Test
    void shouldReadCountsTheTeamsDevelopmentSetFoundMissing() {
        assertThat(casualties("zh", "江西萍乡一烟花厂发生爆炸 致2死3伤")).isEqualTo(5L);
        assertThat(casualties("fa", TextNormalizer.normalize("یک کارگر ۳۴ ساله از طبقه پنجم سقوط کرد و جان باخت"))).isEqualTo(1L);
        assertThat(participants("en", "a mega job fair drew 8,500 candidates on saturday")).isEqualTo(8500L);
        assertThat(participants("zh", "一名参与罢工的工人说,当天约有300人在车间外停工")).isEqualTo(300L);
    }

    @Test
    void shouldNotCountAnAccidentReportWithoutACasualtyCount() {
        assertThat(casualties("en", "Fire at a warehouse; no one was hurt, officials said")).isNull();
        assertThat(casualties("zh", "工地发生火灾,无人员伤亡。")).isNull();
    }

    @Test
    void shouldNotReadOneChinesePhraseOfTheDeadAsTheInjuredToo() {
        assertThat(casualties("zh", "某矿井下透水 3人遇难4人受伤")).isEqualTo(7L);
        assertThat(casualties("zh", "事故造成1人死亡2人受伤,其余工人安全升井")).isEqualTo(3L);
        assertThat(casualties("zh", "井下共有作业人员60人,其中58人安全升井,1人遇难、1人受伤")).isEqualTo(2L);
        assertThat(casualties("zh", "仓库起火,3人受伤,无人死亡")).isEqualTo(3L);
    }

    @Test
    void shouldTakeTheChineseHeadlineTallyWhenTheBodyTellsOnlyPart() {
        assertThat(casualties("zh", "某厂发生中毒事故 致1死4伤\n6名工人中毒,其中1人死亡,4人在医院观察")).isEqualTo(5L);
    }

    @Test
    void shouldCountOneChineseWorkerWhoseDeathComesLaterInTheSentence() {
        assertThat(casualties("zh", "一名47岁的焊工在高温下作业时晕倒,送医后抢救无效死亡")).isEqualTo(1L);
        assertThat(casualties("zh", "坍塌致3名工人被埋,3名伤者因抢救无效死亡")).isEqualTo(3L);
    }

    @Test
    void shouldReadArabicCasualtiesWrittenInWords() {
        assertThat(casualties("ar", "وفاة عامل وإصابة ثلاثة في انفجار غلاية")).isEqualTo(4L);
        assertThat(casualties("ar", "مقتل عاملين اثنين وإصابة ثالث بانهيار رافعة")).isEqualTo(3L);
        assertThat(casualties("ar", "أصيب أربعة عمال بحروق إثر اشتعال خزان")).isEqualTo(4L);
        assertThat(casualties("ar", "مصرع عاملتين وإصابة 12 في حادث سير")).isEqualTo(14L);
        assertThat(casualties("ar", "وفاة عامل وإصابة اثنين بسقوط سقف")).isEqualTo(3L);
    }

    @Test
    void shouldReadPersianTalliesAndASingularVictim() {
        assertThat(casualties("fa", "انفجار در کارگاه؛ دو کشته و سه مصدوم")).isEqualTo(5L);
        assertThat(casualties("fa", "مرگ کارگر جوان در چاه. همکار او که برای کمک رفته بود دچار مسمومیت شد")).isEqualTo(2L);
        assertThat(casualties("fa", "سقوط مرگبار کارگر از داربست")).isEqualTo(1L);
        assertThat(casualties("fa", "انفجار گاز سه کارگر را به کام مرگ کشاند. دو کارگر دیگر با سوختگی به بیمارستان رفتند"))
                .isEqualTo(5L);
    }

    @Test
    void shouldCountAThirdOrAnotherEnglishVictim() {
        assertThat(casualties("en", "Three workers died and a fourth was hurt in the blast")).isEqualTo(4L);
        assertThat(casualties("en", "One worker was killed and another badly injured")).isEqualTo(2L);
        assertThat(casualties("en", "Two workers died and another two were injured")).isEqualTo(4L);
        assertThat(casualties("ar", "مصرع سائق وإصابة آخر في انقلاب شاحنة")).isEqualTo(2L);
    }

    @Test
    void shouldNotReadADateOrClockTimeAsACount() {
        assertThat(participants("fa", "۱۴۰۳/۰۵/۱۲ - ۰۹:۳۰\n\nکارگران کارخانه نساجی امروز دست از کار کشیدند")).isNull();
        assertThat(participants("fa", "۱۴۰۳/۰۵/۱۲ - ۰۹:۳۰\n\nکارگران امروز تجمع کردند و ۲۵۰ نفر حضور داشتند")).isEqualTo(250L);
    }

    @Test
    void shouldReadTheArabicThousandsSeparator() {
        assertThat(participants("ar", "شارك ٢٬٣٠٠ باحث عن عمل في الملتقى")).isEqualTo(2300L);
        assertThat(participants("fa", "۱٬۶۰۰ جوینده کار به نمایشگاه مراجعه کردند")).isEqualTo(1600L);
    }

    @Test
    void shouldPreferTheCountOfPeopleWhoAct() {
        assertThat(participants("fa", "۸۰۰ کارگر این معدن بلاتکلیف هستند. امروز حدود ۲۰۰ نفر از آنها تجمع کردند"))
                .isEqualTo(200L);
        assertThat(participants("zh", "该厂停产后900名职工待岗,今天上午约150名工人在厂门口聚集")).isEqualTo(150L);
        assertThat(participants("en", "The mill's 2,000 workers are unpaid; on Monday 350 workers staged a sit-in")).isEqualTo(350L);
        assertThat(participants("ar", "فقد 600 عامل وظائفهم، واعتصم 90 عاملا أمام المحافظة")).isEqualTo(90L);
    }

    @Test
    void shouldLetALowerBoundGiveWayToTheExactCountItRounds() {
        assertThat(participants("zh", "两百余名工人申请仲裁\n近日,237名工人集体申请劳动仲裁")).isEqualTo(237L);
        assertThat(participants("zh", "300余名工人聚集,其中45名工人代表进入厂区")).isEqualTo(300L);
    }

    @Test
    void shouldNotCountAWorkforceGivenAsMembershipOrCoverage() {
        assertThat(participants("ar", "المصنع يعمل فيه نحو ٣٬٢٠٠ عامل، وأكثر من ألفي عامل في إضراب")).isEqualTo(2000L);
        assertThat(participants("ar", "تعاونية تضم 80 امرأة تفتتح وحدة جديدة")).isNull();
        assertThat(participants("zh", "工资集体协商,劳资双方各5名代表参加,协议覆盖职工3,000余人")).isEqualTo(10L);
    }

    @Test
    void shouldReadMoreArabicAndPersianPersonWords() {
        assertThat(participants("ar", "استقبل المركز 450 متربصا جديدا")).isEqualTo(450L);
        assertThat(participants("ar", "دورة لفائدة 60 بحارا")).isEqualTo(60L);
        assertThat(participants("fa", "در این نشست ۱۲ نماینده کارگری حضور داشتند")).isEqualTo(12L);
    }

    @Test
    void shouldReadIndianMultipliers() {
        assertThat(participants("en", "unions said 12 crore workers joined the strike")).isEqualTo(120_000_000L);
        assertThat(participants("en", "about 1.5 lakh workers took part")).isEqualTo(150_000L);
        assertThat(participants("zh", "约1.5万名工人参加")).isEqualTo(15_000L);
    }

    @Test
    void shouldCountHouseholdsServedWhenNoPersonIsCounted() {
        assertThat(participants("zh", "工会为85户困难职工家庭送去慰问品")).isEqualTo(85L);
        assertThat(participants("zh", "今年吸收农户入社210户")).isEqualTo(210L);
        assertThat(participants("zh", "合作社带动200余户农户增收")).isNull();
        assertThat(participants("zh", "走访企业50户")).isNull();
        assertThat(participants("fa", "۳۰۰ بسته معیشتی میان خانواده‌های کارگران توزیع شد")).isEqualTo(300L);
        assertThat(participants("ar", "توزيع 250 سلة غذائية على الأسر العمالية")).isEqualTo(250L);
    }

    @Test
    void shouldLeaveVagueChineseAmountsUnread() {
        assertThat(participants("zh", "数百名工人聚集在厂门口")).isNull();
        assertThat(participants("zh", "几十名司机在交通局外聚集")).isNull();
        assertThat(participants("zh", "十余名农民工讨薪")).isNull();
        assertThat(participants("zh", "二十余名农民工讨薪")).isEqualTo(20L);
    }

    @Test
    void shouldReadCasualtiesWithTheVerbFirstOrAsTallies() {
        assertThat(casualties("zh", "事故共造成死亡2人、受伤6人")).isEqualTo(8L);
        assertThat(casualties("zh", "造成4人死亡,受伤1人")).isEqualTo(5L);
        assertThat(casualties("ar", "انفجار في مصنع يخلف 4 قتلى و9 جرحى")).isEqualTo(13L);
        assertThat(casualties("en", "Refinery fire: 2 dead, 7 injured")).isEqualTo(9L);
        assertThat(casualties("en", "the explosion left three dead and one injured")).isEqualTo(4L);
    }

    @Test
    void shouldReadArabicAndPersianCountsWrittenInWords() {
        assertThat(participants("ar", "نظم نحو أربعمائة عامل وقفة احتجاجية")).isEqualTo(400L);
        assertThat(participants("ar", "أضرب أكثر من سبعين عاملا")).isEqualTo(70L);
        assertThat(participants("ar", "شارك خمسة آلاف عامل في المسيرة")).isEqualTo(5000L);
        assertThat(participants("ar", "إضراب لمدة ثلاثة أيام")).isNull();
        assertThat(participants("fa", "حدود سیصد نفر از کارگران تجمع کردند")).isEqualTo(300L);
        assertThat(participants("fa", "چند صد نفر از کارگران تجمع کردند")).isNull();
    }
}
