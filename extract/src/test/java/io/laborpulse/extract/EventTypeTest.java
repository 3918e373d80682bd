package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the engine chooses an event's main type: precedence, and words used in other senses. */
class EventTypeTest {

    private static LaborExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = LaborExtractor.loadDefault();
    }

    private static List<ExtractedEvent> events(String title, String text) {
        return extractor.extract(new Document("t", title, text, null, null, null, null)).events();
    }

    private static EventType typeOf(String title, String text) {
        List<ExtractedEvent> events = events(title, text);
        return events.isEmpty() ? EventType.OTHER : events.get(0).type();
    }

    @Test
    void shouldNotReadAStrikeOrProtestWordAsLabourWhenNoOneFromTheWorldOfWorkIsNamed() {
        assertThat(typeOf("Stoppage-time strike wins the derby",
                "A low strike in the 93rd minute won the derby; the visitors protested the goal.")).isEqualTo(EventType.OTHER);
        assertThat(typeOf("冰箱“罢工”怎么办", "天气炎热，不少家庭的冰箱突然“罢工”，专家建议及时联系售后。"))
                .isEqualTo(EventType.OTHER);
        assertThat(typeOf("تجمع هواداران مقابل باشگاه", "هواداران تیم پس از شکست مقابل ساختمان باشگاه تجمع کردند."))
                .isEqualTo(EventType.OTHER);
        assertThat(typeOf("النادي يحتج على التحكيم", "قدم النادي احتجاجا رسميا على قرارات الحكم في المباراة."))
                .isEqualTo(EventType.OTHER);
    }

    @Test
    void shouldReadAStrikeCalledByUnionsAsAStrike() {
        assertThat(typeOf("النقابات تعلن إضرابا عاما", "أعلنت ثلاث مركزيات نقابية عن إضراب عام وطني يوم الخميس."))
                .isEqualTo(EventType.STRIKE);
        assertThat(typeOf("الاتحاد الجهوي للشغل يقرر إضرابا", "قرر الاتحاد الجهوي للشغل تنفيذ إضراب عام جهوي."))
                .isEqualTo(EventType.STRIKE);
        assertThat(typeOf("Dockers strike at the port", "Union members began a strike on Monday.")).isEqualTo(EventType.STRIKE);
    }

    @Test
    void shouldPutWorkersActingBeforeTheArrearsTheyActOverHoweverLongTheArrearsAreTold() {
        assertThat(typeOf("农民工讨薪", "一工地三十余名农民工拉横幅讨薪，称被拖欠工资近一年，欠薪总额逾八十万元。"))
                .isEqualTo(EventType.PROTEST);
    }

    @Test
    void shouldCountACueInsideALongerCueOfTheSameMentionOnce() {
        Lexicon lexicon = Lexicon.loadDefault();

        assertThat(lexicon.score("ar", TextNormalizer.normalize("الإضراب")).byType()).containsEntry(EventType.STRIKE, 3);
        assertThat(lexicon.score("en", TextNormalizer.normalize("they protested")).byType()).containsEntry(EventType.PROTEST, 3);
    }

    @Test
    void shouldReadTalksThatAvertOrPostponeAStrikeAsTheMeeting() {
        assertThat(typeOf("Union and hospital reach tentative deal, averting strike",
                "Negotiators for the nurses' union reached a tentative deal on Sunday, hours before the strike deadline."))
                .isEqualTo(EventType.NEGOTIATION_MEETING);
        assertThat(typeOf("جلسة صلحية لتفادي الإضراب بمصنع الإسمنت",
                "انعقدت جلسة صلحية بين النقابة وإدارة المصنع وأفضت إلى تأجيل الإضراب إلى موعد لاحق."))
                .isEqualTo(EventType.NEGOTIATION_MEETING);
        assertThat(typeOf("劳资双方协商避免罢工", "公司与工会代表进行集体协商，双方达成协议，避免罢工。"))
                .isEqualTo(EventType.NEGOTIATION_MEETING);
        assertThat(typeOf("نشست نمایندگان کارگران با کارفرما برای جلوگیری از اعتصاب",
                "نمایندگان کارگران و کارفرما در نشستی برای جلوگیری از اعتصاب به توافق رسیدند."))
                .isEqualTo(EventType.NEGOTIATION_MEETING);
    }

    @Test
    void shouldLetWorkersWhoActOverArrearsLeadTheArrears() {
        ExtractedEvent placards = events("二十余名农民工到人社局讨薪",
                "二十余名农民工来到县人社局门前，举着写有“还我工资”的纸牌，讨要被拖欠半年的工资。").get(0);
        assertThat(placards.type()).isEqualTo(EventType.PROTEST);
        assertThat(placards.secondaryTypes()).contains(EventType.WAGE_ARREARS);

        ExtractedEvent refusal = events("کارگران خدمات شهری در اعتراض به حقوق معوقه",
                "کارگران خدمات شهری شیراز امروز از جمع‌آوری زباله خودداری کردند و می‌گویند تا پرداخت حقوق معوقه به کار بازنمی‌گردند.").get(0);
        assertThat(refusal.type()).isEqualTo(EventType.STRIKE);
        assertThat(refusal.secondaryTypes()).contains(EventType.WAGE_ARREARS);
    }

    @Test
    void shouldReadAFilmOrANovelAboutAStrikeAsOther() {
        assertThat(typeOf("رواية عن إضراب عمال الميناء في معرض الكتاب",
                "قدم الكاتب روايته الجديدة عن إضراب عمال الميناء، وقال الناشر إن الرواية تصدرت مبيعات دور النشر."))
                .isEqualTo(EventType.OTHER);
        assertThat(typeOf("电影《讨薪》首映", "讲述农民工讨要欠薪故事的电影在京首映，影片将于下月公映。"))
                .isEqualTo(EventType.OTHER);
        assertThat(typeOf("Strike drama premieres at film festival",
                "A documentary about the 1984 miners' strike had its premiere at the film festival on Friday."))
                .isEqualTo(EventType.OTHER);
        assertThat(typeOf("اکران فیلم تازه درباره اعتصاب کارگران",
                "فیلم تازه این کارگردان درباره اعتصاب کارگران نساجی در سینماهای تهران اکران شد."))
                .isEqualTo(EventType.OTHER);
    }

    @Test
    void shouldReadACampaignAgainstArrearsAsEnforcementWithTheArrearsSecondary() {
        ExtractedEvent event = events("某市开展根治欠薪专项行动",
                "市人社局开展根治欠薪专项行动，查处恶意欠薪案件5起，为80名农民工追回被拖欠工资，两名老板被移送公安机关。").get(0);

        assertThat(event.type()).isEqualTo(EventType.INSPECTION_ENFORCEMENT);
        assertThat(event.secondaryTypes()).contains(EventType.WAGE_ARREARS);
    }

    @Test
    void shouldReadMaghrebTrainingAndHandingOutAid() {
        assertThat(typeOf("دورة تكوينية لفائدة 40 متربصا بوهران",
                "انطلقت بمركز التكوين المهني بوهران دورة تكوينية لفائدة 40 متربصا في اختصاص اللحام."))
                .isEqualTo(EventType.TRAINING);
        assertThat(typeOf("فرع النقابة يوزع بطاقات التأمين الصحي على العمال",
                "يوزع فرع النقابة بطاقات التأمين الصحي على 300 عامل في المعامل والمطاعم."))
                .isEqualTo(EventType.WELFARE_SERVICE);
    }

    @Test
    void shouldTellTheMeetingOverAMinimumWageFromTheDecisionOnIt() {
        assertThat(typeOf("وزير العمل يلتقي النقابات لبحث الحد الأدنى للأجور",
                "التقى وزير العمل ممثلي النقابات لبحث مطالبهم برفع الحد الأدنى للأجور، على أن ترفع التوصيات إلى اللجنة الثلاثية."))
                .isEqualTo(EventType.NEGOTIATION_MEETING);
        assertThat(typeOf("مجلس الأجور يقرر رفع الحد الأدنى للأجور",
                "قرر مجلس الأجور في اجتماعه اليوم رفع الحد الأدنى للأجور اعتبارا من أول يناير."))
                .isEqualTo(EventType.POLICY_ANNOUNCEMENT);
        assertThat(typeOf("Wage board approves pay rise for farm workers",
                "The regional wage board approved a new wage order for farm workers; it takes effect next month."))
                .isEqualTo(EventType.POLICY_ANNOUNCEMENT);
        assertThat(typeOf("شورای کار استان حداقل دستمزد را تصویب کرد",
                "شورای کار استان در جلسه امروز حداقل دستمزد کارگران فصلی را تصویب کرد."))
                .isEqualTo(EventType.POLICY_ANNOUNCEMENT);
    }

    @Test
    void shouldCountNothingForACueOfWeightZeroNorForTheCuesInsideIt() {
        Lexicon lexicon = Lexicon.loadDefault();

        assertThat(lexicon.score("ar", TextNormalizer.normalize("الموعد المقرر")).byType()).isEmpty();
        assertThat(lexicon.score("ar", TextNormalizer.normalize("قرر المجلس")).byType())
                .containsEntry(EventType.POLICY_ANNOUNCEMENT, 3);
    }

    @Test
    void shouldReadStoppingWorkInThePresentAsAStrikeAndAStopWorkOrderAsEnforcement() {
        assertThat(typeOf("Tannery workers stop work over unpaid wages",
                "Workers at a tannery in Hazaribagh stop work for a second day, saying the owners had not paid wages since June."))
                .isEqualTo(EventType.STRIKE);
        assertThat(typeOf("Inspectors issue stop-work order at tower site",
                "Labour inspectors issued a stop-work order at a tower construction site after finding no fall protection for workers."))
                .isEqualTo(EventType.INSPECTION_ENFORCEMENT);
    }
}
