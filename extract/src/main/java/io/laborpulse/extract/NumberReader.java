package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number of people taking part in, or served by, an event: a count followed by a
 * person word (名, نفر, workers, عامل), in digits of any script (already ASCII after
 * normalisation), with thousands separators, Chinese numerals and "more than" marks (余, 多),
 * Persian "N هزار و M", Arabic and Persian number words and the crore, lakh and 万 multipliers.
 * Staff of the organiser (medics, volunteers) are not participants; money and goods never are
 * (aid parcels handed to families stand for the households served, when no person is counted).
 */
public final class NumberReader {

    /**
     * A count does not continue a number, a date or a clock time: "۱۴۰۴/۰۲/۰۹ - ۱۱:۴۲" followed by
     * "کارگران" is no count of workers. Separators are the comma and the Arabic thousands
     * separator (U+066C, which normalisation keeps: "۱٬۴۰۰").
     */
    private static final String NOT_IN_NUMBER = "(?<![0-9:/.\u066b])(?<![0-9][,\u066c])";
    private static final String DIGITS = NOT_IN_NUMBER + "([0-9][0-9,\u066c]*)";

    /** Vague amounts are no count: "数十名", "几百名", "上百名" (the look-behind), and "十余名" (below). */
    private static final Pattern ZH = Pattern.compile(
            "(?<![0-9:/.数几上])(?<![0-9],)([0-9][0-9,]*(?:\\.[0-9]+)?[万千]|[0-9][0-9,]*|[零一二两三四五六七八九十百千万]+)\\s*(余|多)?\\s*(?:名|人|位)"
                    + "(?!次|民币)(?=(.{0,6}))");
    private static final List<String> ZH_STAFF = List.of("医务", "医护", "志愿者", "工作人员", "专家", "干部");
    /** "劳资双方各6名代表": each of the two sides sends that many, so twice the count take part. */
    private static final Pattern ZH_EACH_SIDE = Pattern.compile(
            "双方各\\s*([0-9]+|[一二两三四五六七八九十]+)\\s*(?:名|人|位)");
    /**
     * Households served, when no person is counted: "为120户困难职工家庭", "吸收农户入社156户". A 户
     * also counts firms ("企业50户"), so only a household word next to it makes it one.
     */
    private static final Pattern ZH_HOUSEHOLDS = Pattern.compile(
            "([0-9][0-9,]*|[一二两三四五六七八九十百千万]+)\\s*(?:余|多)?\\s*户(?=困难|职工|家庭|农户|村民|居民|贫困|低保|群众|脱贫)"
                    + "|(?:农户|社员|家庭|村民|居民)[^,。;]{0,8}?([0-9][0-9,]*|[一二两三四五六七八九十百千万]+)\\s*(?:余|多)?\\s*户");

    /** Persian person words: workers, people, representatives, job seekers, trainees, women, retirees, miners, nurses, drivers, staff, teachers, sweepers. */
    private static final Pattern FA = normalized(
            DIGITS + "[ \\t]*(هزار)?(?:[ \\t]*و[ \\t]*([0-9]+))?[ \\t]*"
                    + "(?:نفر|کارگر|تن از|جویای کار|جوینده کار|جویندگان کار|کارجو|متقاضی کار|کارآموز|نماینده|زن|بازنشسته"
                    + "|معدنچی|پرستار|راننده|کارمند|معلم|پاکبان|کشاورز|رفتگر|نانوا|مددجو|کادر درمان)");

    /** What a crowd does right after its count, with no noun between ("around 400 blocked the road"). */
    private static final String EN_CROWD_ACTIONS = "(?:gathered|marched|rallied|turned out|joined|protested|took part|held|blocked"
            + "|walked out|stayed away|downed tools|attended)";
    /** English nouns for people who take part in or are served by labour events. */
    private static final String EN_PARTICIPANTS = "(?:[a-z]*workers|employees|people|members|drivers|nurses|doctors|teachers"
            + "|miners|staff|riders|protesters|demonstrators|strikers|labou?rers|cleaners|collectors|pilots|farmers|artisans"
            + "|trainees|apprentices|recruits|candidates|graduates|women|men|youths|residents|families|job seekers|jobseekers"
            + "|pluckers|pickers|growers|dockers|porters|guards|technicians|engineers|firefighters|paramedics|midwives"
            + "|lecturers|academics|journalists|vendors|hawkers|fishermen|fishers|seafarers|conductors|janitors|carers"
            + "|caregivers|attendants|clerks|activists|supporters|participants|attendees|delegates|retirees|pensioners"
            + "|operators|stewards|reps|electricians|plumbers|welders|fitters|mechanics|machinists|carpenters|masons"
            + "|painters|builders|loaders|cutters|tappers|harvesters|weavers|tailors|bakers|foremen|longshoremen|medics|paramedics)";
    private static final Pattern EN = Pattern.compile(
            DIGITS + "(?:\\.([0-9]+))?\\s+(?:(thousand|lakh|crore|million)\\s+)?(?:[a-z-]+\\s+(?:and|or|&)\\s+)?(?:[a-z-]+\\s+)?" + EN_PARTICIPANTS
                    + "|(?:numbering|totalling|totaling)\\s+(?:around|about|some|nearly|over|more than)?\\s*([0-9][0-9,]*)"
                    // "1,150 of the 1,900 hourly workers walked off": the part that acts
                    + "|([0-9][0-9,]*)\\s+of\\s+(?:the|its|their)\\s+[0-9][0-9,]*\\s+(?:[a-z-]+\\s+){0,2}" + EN_PARTICIPANTS
                    // a crowd counted without a noun: "about 800 gathered", "police put the crowd at 500", "a group of 150"
                    + "|(?:about|around|some|roughly|nearly|over|more than|at least)\\s+([0-9][0-9,]*)\\s+" + EN_CROWD_ACTIONS
                    + "|(?:crowd|turnout)\\s+(?:at|of)\\s+(?:about|around|some|roughly|nearly|over|more than|at least)?\\s*([0-9][0-9,]*)"
                    + "|a group of ([0-9][0-9,]*)",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Where a count of people may stand with no noun after it: before an approximation, a crowd or a group. */
    private static final List<String> EN_CROWD_OPENINGS = List.of("about", "around", "some", "roughly", "nearly", "over",
            "more than", "at least", "crowd", "turnout", "a group of");
    private static final String EN_UNITS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            + "|fifteen|sixteen|seventeen|eighteen|nineteen";
    private static final String EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    /** Below a hundred in words: "forty-five", "twelve", "sixty". */
    private static final String EN_BELOW_HUNDRED = "(?:(?:" + EN_TENS + ")(?:[- ](?:" + EN_UNITS + "))?|" + EN_UNITS + ")";
    /**
     * A count in words before the people it counts: "Forty-five apprentices", "some two thousand
     * workers", "three hundred and fifty nurses". Group 1 is the number.
     */
    private static final Pattern EN_WORDS = Pattern.compile(
            "\\b(" + EN_BELOW_HUNDRED + "(?:\\s+hundred(?:\\s+(?:and\\s+)?" + EN_BELOW_HUNDRED + ")?)?(?:\\s+thousand)?)"
                    + "\\s+(?:[a-z-]+\\s+)?" + EN_PARTICIPANTS + "\\b");
    /** Indian and English multipliers: "25 crore workers" is 250 million. */
    private static final Map<String, Long> EN_MULTIPLIERS = Map.of(
            "thousand", 1_000L, "lakh", 100_000L, "crore", 10_000_000L, "million", 1_000_000L);

    /**
     * {@code 23 الفا من عمال}: a count in thousands (ألف, آلاف, after normalisation الف, الاف)
     * counts too. Person words include the Maghreb's trainee (متربص) and fishermen (بحار).
     */
    private static final Pattern AR = normalized(
            DIGITS + "\\s*(ألف|آلاف)?ا?\\s*(?:من\\s*)?(?:ال)?(?:عاملا|عامل|عمال|موظفا|موظف|شخصا|شخص|طالب عمل|باحث|شابا|شاب"
                    + "|متدربا|متدرب|متربصا|متربص|متكونا|متكون|بحارا|بحار|صيادا|صياد|سائقا|سائق|معلما|معلم|ممرضا|ممرض"
                    + "|طبيبا|طبيب|فلاحا|فلاح|مزارعا|مزارع|متقاعدا|متقاعد|مستفيدا|مستفيد|عاملة|امرأة|سيدة)");

    /*
     * Aid reports count parcels, one to a household: "توزیع ۵۰۰ بسته معیشتی میان خانواده‌های
     * کارگران", "500 حقيبة مدرسية على أبناء العمال" serve 500 households. Read only when no person
     * is counted, and only for parcels given to families or children, never for goods as such.
     */
    private static final Pattern FA_PARCELS = normalized(
            DIGITS + "[ \\t]*(?:بسته|سبد)(?:[ \\t]+[\\u0600-\\u06ff]+){0,3}?[ \\t]+(?:میان|بین|به|برای)[ \\t]+"
                    + "(?:خانواده|خانوار|فرزندان)");
    private static final Pattern AR_PARCELS = normalized(
            DIGITS + "\\s*(?:حقيبة|سلة|كرتونة|طرد|حصة)(?:\\s+[\\u0600-\\u06ff]+){0,3}?\\s+(?:على|لفائدة|ل)\\s*"
                    + "(?:ال)?(?:أسر|عائلات|أبناء|أطفال)");

    /*
     * Casualties of an accident: the dead and the injured the lead reports, summed. A count is
     * digits, a small number word, or the grammatical number of the noun (Arabic عامل is one,
     * عاملين two; English "a worker"). Patterns are written as the source spells them and
     * normalised like the text they run on.
     */
    /*
     * What may stand between a Chinese count and its verb: no other count ("2人遇难3人受伤" is two
     * phrases, not two people who died and were hurt), no full stop, and no verb of the other kind
     * or "无人" ("3人受伤,无人死亡" has no dead). Commas may: "一名钢筋工突然晕倒,经抢救无效死亡".
     */
    private static final String ZH_COUNT = "(?:[0-9]+|[一二两三四五六七八九十]+)\\s*(?:名|人|位)";
    private static final String ZH_DEAD_GAP = "(?:(?!" + ZH_COUNT + "|受伤|轻伤|重伤|无人)[^。;])";
    private static final String ZH_HURT_GAP = "(?:(?!" + ZH_COUNT + "|死|亡|遇难|无人)[^。;])";
    /**
     * A verb some way after a count, and right before another count, is that count's: "3人、受伤2人"
     * (verb first) has 3 and 2, not 3 hurt. Right after its count ("2人遇难3人受伤") it is its own.
     */
    private static final String ZH_OWN_VERB = "(?:(?<=[名人位]\\s{0,2}(?:遇难|死亡|身亡|罹难|丧生|不治|受伤|轻伤|重伤|救治|治疗))"
            + "|(?!\\s*" + ZH_COUNT + "))";
    private static final Pattern ZH_DEAD = Pattern.compile(
            "([0-9]+|[一二两三四五六七八九十]+)\\s*(?:名|人|位)" + ZH_DEAD_GAP + "{0,30}?(?:遇难|死亡|身亡|罹难|丧生|不治)" + ZH_OWN_VERB);
    private static final Pattern ZH_HURT = Pattern.compile(
            "([0-9]+|[一二两三四五六七八九十]+)\\s*(?:名|人|位)" + ZH_HURT_GAP + "{0,8}?(?:受伤|轻伤|重伤|救治|治疗)" + ZH_OWN_VERB);
    /** Official style puts the verb first: "造成死亡3人、受伤5人" (so a verb followed by a count is not the one before's). */
    private static final Pattern ZH_DEAD_FIRST = Pattern.compile(
            "(?:造成|致|导致|、|,|;)\\s*(?:死亡|遇难)\\s*([0-9]+|[一二两三四五六七八九十]+)\\s*(?:名|人)(?![^,。;、]{0,4}?(?:伤|亡|难))");
    private static final Pattern ZH_HURT_FIRST = Pattern.compile(
            "(?:造成|致|导致|、|,|;)\\s*受伤\\s*([0-9]+|[一二两三四五六七八九十]+)\\s*(?:名|人)(?![^,。;、]{0,4}?(?:伤|亡|难))");
    private static final Pattern AGE_ZH = Pattern.compile("[0-9]+\\s*(?:岁|周岁)");
    private static final String FA_NUMBER = "([0-9]+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده)";
    private static final String FA_PERSON = "(?:کارگر|معدنچی|نفر|تن|کارمند|راننده|شخص)";
    /** Up to 40 characters of the same clause that hold no other count ("سه کارگر … و دو نفر مصدوم"). */
    private static final String FA_GAP = "(?:(?![0-9]|یک |دو |سه |چهار |پنج )[^.،]){0,40}?";
    /** A singular worker noun, not the start of its plural (کارگران, کارگرها). */
    private static final String FA_ONE_PERSON = "(?:کارگر|معدنچی|کارمند|راننده)(?![\\u0600-\\u06ff])";
    /*
     * Besides "N کارگر … جان باختند", Persian reports write the tally as a headline ("یک کشته و دو
     * مصدوم"), the death as a noun with a singular subject ("مرگ کارگر", "سقوط مرگبار کارگر": one),
     * or a rescuer hurt as "همکار این کارگر … دچار مسمومیت شد" (one more).
     */
    private static final Pattern FA_DEAD = normalized(
            "(?:مرگ|فوت|کشته شدن|جان باختن|درگذشت)\\s+" + FA_NUMBER + "\\s+" + FA_PERSON
                    + "|" + FA_NUMBER + "\\s+" + FA_PERSON + FA_GAP
                    + "(?:جان باخت|جان سپرد|کشته شد|فوت کرد|فوت شد|جان خود را از دست|به کام مرگ)"
                    + "|(?<![\\u0600-\\u06ff])" + FA_NUMBER + "\\s+(?:کشته|فوتی)(?![\\u0600-\\u06ff])"
                    + "|(?:مرگ|فوت|کشته شدن|جان باختن|سقوط مرگبار|مرگ تلخ)\\s+" + FA_ONE_PERSON);
    private static final Pattern FA_HURT = normalized(
            "(?:مصدومیت|مصدوم شدن|زخمی شدن|مجروح شدن|آسیب دیدگی)\\s+" + FA_NUMBER + "\\s+" + FA_PERSON
                    + "|" + FA_NUMBER + "\\s+" + FA_PERSON + FA_GAP
                    + "(?:مصدوم|زخمی|مجروح|دچار سوختگی|با سوختگی|دچار مسمومیت|با جراحات|به بیمارستان)"
                    + "|(?<![\\u0600-\\u06ff])" + FA_NUMBER + "\\s+(?:مصدوم|زخمی|مجروح)(?![\\u0600-\\u06ff])"
                    + "|(?:همکار|کارگر دیگری)(?![\\u0600-\\u06ff])(?:(?![0-9])[^.،]){0,60}?"
                    + "(?:مصدوم|زخمی|مجروح|دچار سوختگی|دچار مسمومیت|به بیمارستان)");
    private static final String EN_NUMBER = "([0-9]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)";
    /** A person an accident report counts, with an age and up to two words before ("a 32-year-old migrant worker", "two rock drill operators"). */
    private static final String EN_PERSON = "(?:[0-9]+-year-old\\s+)?(?:[a-z-]+\\s+){0,2}?(?:[a-z]*workers?|employees?|contractors?|miners?|men|man|women|woman"
            + "|people|persons?|laborers?|labourers?|operators?|drivers?|drillers?|technicians?|electricians?|welders?|painters?|cleaners?"
            + "|guards?|riders?|porters?|fishermen|fisherman|apprentices?|trainees?)";
    private static final Pattern EN_DEAD = Pattern.compile(
            "\\b" + EN_NUMBER + "\\s+" + EN_PERSON + "\\s+(?:[a-z,']+\\s+){0,6}?(?:killed|died|dies|dead|fatally|lost (?:his|her|their) li)"
                    + "|\\b(?:killed|killing|kills|left)\\s+" + EN_NUMBER + "\\s+" + EN_PERSON
                    + "|^\\s*(?:the\\s+)?()(?:worker|contractor|man|woman|employee|miner|laborer|labourer)\\s+(?:[a-z]+\\s+){0,2}?(?:killed|died|dies|dead|fatally)"
                    + "|\\bthe\\s+()(?:worker|contractor|employee|miner)\\s+(?:[a-z]+\\s+){0,1}?died"
                    + "|\\b(?:leaving\\s+|left\\s+)?" + EN_NUMBER + "\\s+dead\\b"); // "leaving two dead", "3 dead, 5 hurt"
    /** "and a third was hurt", "and another seriously injured": one more, unless a number follows ("another two"). */
    private static final Pattern EN_HURT = Pattern.compile(
            "(?<!\\bno\\s)\\b" + EN_NUMBER + "\\s+(?:others?\\s+|" + EN_PERSON + "\\s+)?(?:were\\s+|was\\s+)?(?:[a-z]+\\s+)?"
                    + "(?:injured|hurt|wounded|hospitali|taken to (?:a\\s+)?hospital)"
                    + "|\\binjur(?:ed|ing)\\s+" + EN_NUMBER + "\\s+(?:others?|" + EN_PERSON + ")"
                    + "|\\b(a|an|one)\\s+(?:[0-9]+-year-old\\s+)?(?:[a-z-]+\\s+)?(?:worker|employee|man|woman)\\s+(?:was\\s+)?"
                    + "(?:suffered|sustained)\\s+(?:[a-z,]+\\s+){0,4}?injur"
                    + "|\\b(?:a third|a fourth|a fifth|another|one other)\\b(?!\\s+(?:[0-9]|two|three|four|five|six|seven|eight|nine|ten)\\b)"
                    + "\\s+(?:[a-z,'-]+\\s+){0,8}?(?:injured|hurt|wounded|hospitali|(?:taken|admitted) to (?:a\\s+)?hospital)");
    private static final Pattern AGE_FA = Pattern.compile("[0-9]+\\s*ساله");
    private static final Pattern ZH_DEAD_HURT = Pattern.compile(
            "([0-9]+|[一二两三四五六七八九十]+)死(?:([0-9]+|[一二两三四五六七八九十]+)伤)?");
    /*
     * Arabic casualties: a verb or verbal noun (مصرع, إصابة, أصيب), then the count as digits or a
     * number word before or after the noun ("إصابة ثلاثة عمال", "مقتل عاملين اثنين"), the count
     * alone ("وإصابة اثنين", "وإصابة 17"), or only the noun, whose number is the count: singular
     * one, dual two ("عاملتين"), an ordinal "the third" (ثالث) one more.
     */
    private static final Map<String, Integer> AR_NUMBER_WORDS = normalizedKeys(Map.ofEntries(
            Map.entry("واحد", 1), Map.entry("أحد", 1), Map.entry("اثنان", 2), Map.entry("اثنين", 2),
            Map.entry("اثنتان", 2), Map.entry("اثنتين", 2), Map.entry("ثلاثة", 3), Map.entry("ثلاث", 3),
            Map.entry("أربعة", 4), Map.entry("أربع", 4), Map.entry("خمسة", 5), Map.entry("خمس", 5), Map.entry("ستة", 6),
            Map.entry("سبعة", 7), Map.entry("سبع", 7), Map.entry("ثمانية", 8), Map.entry("ثماني", 8),
            Map.entry("تسعة", 9), Map.entry("تسع", 9), Map.entry("عشرة", 10), Map.entry("عشر", 10)));
    private static final String AR_LETTER = "[\\u0600-\\u06ff]";
    private static final String AR_NUMBER = "([0-9]+|" + String.join("|", AR_NUMBER_WORDS.keySet().stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) + ")(?!" + AR_LETTER + ")";
    private static final String AR_NOUN = TextNormalizer.normalize(
            "(عاملتين|عاملتان|عاملين|عاملان|عاملات|عاملة|عاملا|عامل|العمال|عمال|أشخاص|شخصين|شخصان|شخص|موظفين|موظفان|موظف"
                    + "|سائقين|سائقان|سائق|آخرين|آخرون|آخران|آخر|ثالث|رابع|خامس|زميله|زميل)") + "(?!" + AR_LETTER + ")";
    private static final String AR_DEAD_VERB = "(?:مصرع|وفاة|مقتل|لقي|لقيت|لقيا|لقيتا|لقوا|قضى|توفي|توفيت)";
    private static final String AR_HURT_VERB = "(?:إصابة|إصابات|أصيب|أصيبت|أصيبا|يصيب|تصيب|جرح)";
    private static final Pattern AR_DEAD = arabicCasualty(AR_DEAD_VERB);
    private static final Pattern AR_HURT = arabicCasualty(AR_HURT_VERB);
    /** The tally as nouns: "سقوط 3 قتلى و5 جرحى". */
    private static final Pattern AR_DEAD_TALLY = Pattern.compile(
            AR_NUMBER + "\\s+" + TextNormalizer.normalize("(?:قتلى|قتيلا|قتيل|وفيات)") + "(?!" + AR_LETTER + ")");
    private static final Pattern AR_HURT_TALLY = Pattern.compile(
            AR_NUMBER + "\\s+" + TextNormalizer.normalize("(?:جرحى|مصابين|مصابا|مصاب)") + "(?!" + AR_LETTER + ")");

    /*
     * Counts written as words before a person word: Arabic hundreds and tens ("ثلاثمائة عامل",
     * "خمسين عاملا"), "ثلاثة آلاف"; Persian hundreds and tens ("دویست نفر", "حدود پنجاه کارگر").
     * "چند صد نفر" (some hundreds) is vague and not read.
     */
    private static final Map<String, Integer> AR_WORD_COUNTS = normalizedKeys(Map.ofEntries(
            Map.entry("مائة", 100), Map.entry("مئة", 100), Map.entry("مائتي", 200), Map.entry("مئتي", 200),
            Map.entry("مائتا", 200), Map.entry("مئتا", 200), Map.entry("مائتين", 200), Map.entry("مئتين", 200),
            Map.entry("ثلاثمائة", 300), Map.entry("ثلاثمئة", 300), Map.entry("أربعمائة", 400), Map.entry("أربعمئة", 400),
            Map.entry("خمسمائة", 500), Map.entry("خمسمئة", 500), Map.entry("ستمائة", 600), Map.entry("ستمئة", 600),
            Map.entry("سبعمائة", 700), Map.entry("سبعمئة", 700), Map.entry("ثمانمائة", 800), Map.entry("ثمانمئة", 800),
            Map.entry("تسعمائة", 900), Map.entry("تسعمئة", 900),
            Map.entry("عشرون", 20), Map.entry("عشرين", 20), Map.entry("ثلاثون", 30), Map.entry("ثلاثين", 30),
            Map.entry("أربعون", 40), Map.entry("أربعين", 40), Map.entry("خمسون", 50), Map.entry("خمسين", 50),
            Map.entry("ستون", 60), Map.entry("ستين", 60), Map.entry("سبعون", 70), Map.entry("سبعين", 70),
            Map.entry("ثمانون", 80), Map.entry("ثمانين", 80), Map.entry("تسعون", 90), Map.entry("تسعين", 90)));
    private static final Pattern AR_WORDS = Pattern.compile(
            "(?<!" + AR_LETTER + ")(?:" + AR_NUMBER + "\\s+(" + TextNormalizer.normalize("آلاف") + ")|" + alternation(AR_WORD_COUNTS) + ")"
                    + "\\s+(?:من\\s+)?(?:ال)?" + TextNormalizer.normalize("(?:عامل|عمال|موظف|شخص|باحث|شاب|متدرب|متربص|سائق|معلم|ممرض|طبيب|فلاح|مزارع)"));
    private static final Map<String, Integer> FA_WORD_COUNTS = normalizedKeys(Map.ofEntries(
            Map.entry("صد", 100), Map.entry("یکصد", 100), Map.entry("دویست", 200), Map.entry("سیصد", 300),
            Map.entry("چهارصد", 400), Map.entry("پانصد", 500), Map.entry("ششصد", 600), Map.entry("هفتصد", 700),
            Map.entry("هشتصد", 800), Map.entry("نهصد", 900), Map.entry("بیست", 20), Map.entry("سی", 30),
            Map.entry("چهل", 40), Map.entry("پنجاه", 50), Map.entry("شصت", 60), Map.entry("هفتاد", 70),
            Map.entry("هشتاد", 80), Map.entry("نود", 90)));
    private static final Pattern FA_WORDS = Pattern.compile(
            "(?<!" + AR_LETTER + ")(?<!" + TextNormalizer.normalize("چند") + " )" + alternation(FA_WORD_COUNTS)
                    + "[ \\t]+(?:نفر|کارگر|تن از|نماینده|کارجو|کارآموز|معدنچی|پرستار|راننده|کارمند|معلم|پاکبان|بازنشسته)");

    /** "ألف عامل", "ألفي عامل": a thousand or two thousand written as words. */
    private static final Pattern AR_THOUSANDS = normalized(
            "(?:أكثر من |نحو |حوالي )?(ألفي|ألفين|ألف)\\s+(?:من\\s+)?(?:ال)?(?:عامل|عمال|موظف|شخص|باحث|شاب)");
    private static final int WORKFORCE_WINDOW = 40;
    private static final char[] CLAUSE_DELIMITERS = {'.', ',', ';', '،', '؛', '。'};
    /**
     * Words that make a nearby count a workforce, or workers merely affected ("协议覆盖职工", "涉及劳动者",
     * "受影响"), per language (normalised like the text).
     */
    private static final Map<String, List<String>> WORKFORCE = normalizedCues(Map.of(
            "en", List.of("employs", "employing", "employ ", "workforce", "staff of", "has a staff", "claims", "claiming",
                    "membership of",
                    "headcount", "which has", "that has", "with a payroll"),
            "zh", List.of("员工总数", "职工总数", "员工过", "员工逾", "共有员工", "拥有员工", "现有员工", "现有职工", "在职", "用工规模",
                    "吸纳", "带动就业", "覆盖", "涉及", "影响"),
            "fa", List.of("پرسنل", "شاغل", "دارای", "با بیش از", "نیروی کار", "اشتغال", "در مجموع", "مشغول به کار"),
            "ar", List.of("يعمل بها", "يعمل فيها", "يعمل فيه", "يعمل به", "يعمل بال", "يضم", "تضم", "قوة عاملة", "يوظف")));

    private static final String CHINESE_DIGITS = "零一二三四五六七八九";
    private static final Map<Character, Integer> CHINESE_UNITS = Map.of('十', 10, '百', 100, '千', 1000, '万', 10000);

    private static final String CHINESE_NUMERALS = "零一二两三四五六七八九十百千万";
    /** The letters the number words of AR_WORDS, AR_THOUSANDS and FA_WORDS begin with (normalised). */
    private static final String AR_WORD_FIRSTS = firstLetters(AR_WORD_COUNTS.keySet(), AR_NUMBER_WORDS.keySet());
    private static final String AR_THOUSANDS_FIRSTS = firstLetters(
            TextNormalizer.normalizeAll("أكثر", "نحو", "حوالي", "ألف"));
    private static final String FA_WORD_FIRSTS = firstLetters(FA_WORD_COUNTS.keySet());

    private NumberReader() {
    }

    @SafeVarargs
    private static String firstLetters(java.util.Collection<String>... words) {
        StringBuilder firsts = new StringBuilder();
        for (java.util.Collection<String> list : words) {
            list.stream().filter(w -> !w.isEmpty() && firsts.indexOf(w.substring(0, 1)) < 0).forEach(w -> firsts.append(w.charAt(0)));
        }
        return firsts.toString();
    }

    /**
     * The matches {@code Matcher.find} would give, tried only where {@code starts} allows. The
     * patterns here open with a count or a word, and trying them at every character of every
     * segment was most of the engine's time; their look-behinds still see the whole text.
     */
    private static List<MatchResult> find(Pattern pattern, String text, Starts starts) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        List<MatchResult> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (starts.mayStart(text, i) && m.region(i, text.length()).lookingAt()) {
                found.add(m.toMatchResult());
                i = Math.max(i, m.end() - 1);
            }
        }
        return found;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The first digit of a number: a count never starts inside one. */
    private static boolean opensDigits(String text, int i) {
        return isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1)));
    }

    /** The first letter of a Persian or Arabic word. */
    private static boolean opensArabicWord(String text, int i) {
        return Scripts.isArabicLetter(text.charAt(i)) && (i == 0 || !Scripts.isArabicLetter(text.charAt(i - 1)));
    }

    /** A word's first letter, or the first after one or two proclitics joined to it (والف, وبألف). */
    private static boolean opensArabicWordOrClitic(String text, int i) {
        return opensArabicWord(text, i) || (Scripts.isArabicLetter(text.charAt(i)) && Scripts.afterProclitics(text, i));
    }

    /** A count of people in the text, where it stands, and whether it is a lower bound ("700余名", "أكثر من"). */
    private record Count(int start, int end, long value, boolean lowerBound) {
    }

    /**
     * The participant count in normalised text of the language, or null. A count that describes
     * a workforce ("a plant employing 3,000", "員工總數逾3000人", "۴ هزار نفر پرسنل") is the size of
     * an employer, not of an event, and is passed over. Of the counts left, the first whose
     * clause says its people act ("۳۰۰ نفر … تجمع کردند" after "۱۲۰۰ کارگر … بلاتکلیف") is
     * taken, else the first; a lower bound gives way to a later exact count it rounds ("百余名"
     * in the headline, "132名" in the body). With no person counted, households served are.
     */
    public static Long participants(String lang, String normalized) {
        List<Count> counts = switch (lang) {
            case "zh" -> chineseCounts(normalized);
            case "fa" -> persianCounts(normalized);
            case "ar" -> arabicCounts(normalized);
            default -> englishCounts(normalized);
        };
        if (counts.isEmpty()) {
            return households(lang, normalized);
        }
        // A count in a sentence recalling the past ("last autumn, some 600 workers struck") is background.
        List<Count> present = counts.stream().filter(c -> !recalled(normalized, c)).toList();
        if (!present.isEmpty()) {
            counts = present;
        }
        Count chosen = counts.stream().filter(c -> acting(lang, normalized, c)).findFirst().orElse(counts.get(0));
        return refined(chosen, counts).value();
    }

    private static List<Count> chineseCounts(String text) {
        List<Count> counts = new ArrayList<>();
        for (MatchResult sides : find(ZH_EACH_SIDE, text, (t, i) -> t.charAt(i) == '双')) {
            Long each = parseChineseOrDigits(sides.group(1));
            if (each != null && !workforce("zh", text, sides.start(), sides.end())) {
                counts.add(new Count(sides.start(), sides.end(), 2 * each, false));
            }
        }
        for (MatchResult m : find(ZH, text, (t, i) -> isDigit(t.charAt(i)) || CHINESE_NUMERALS.indexOf(t.charAt(i)) >= 0)) {
            String after = m.group(3);
            int start = m.start();
            boolean inEachSide = counts.stream().anyMatch(c -> c.start() <= start && start < c.end());
            if (inEachSide || ZH_STAFF.stream().anyMatch(after::startsWith) || workforce("zh", text, m.start(), m.end())) {
                continue;
            }
            if (m.group(1).equals("十") && m.group(2) != null) {
                continue;
            }
            Long value = parseChineseOrDigits(m.group(1));
            if (value != null && value > 1) { // 一名工人说: one speaker, not the crowd
                counts.add(new Count(m.start(), m.end(), value, m.group(2) != null || lowerBoundBefore("zh", text, m.start())));
            }
        }
        counts.sort(java.util.Comparator.comparingInt(Count::start));
        return counts;
    }

    private static List<Count> persianCounts(String text) {
        List<Count> counts = new ArrayList<>();
        addCounts(counts, "fa", text, FA, NumberReader::opensDigits, m -> {
            long value = digits(m.group(1));
            return m.group(2) == null ? value : value * 1000 + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        });
        addCounts(counts, "fa", text, FA_WORDS, (t, i) -> FA_WORD_FIRSTS.indexOf(t.charAt(i)) >= 0 && opensArabicWord(t, i),
                m -> FA_WORD_COUNTS.get(m.group(1)));
        counts.sort(java.util.Comparator.comparingInt(Count::start));
        return counts;
    }

    private static List<Count> arabicCounts(String text) {
        List<Count> counts = new ArrayList<>();
        addCounts(counts, "ar", text, AR, NumberReader::opensDigits,
                m -> m.group(2) == null ? digits(m.group(1)) : digits(m.group(1)) * 1000);
        addCounts(counts, "ar", text, AR_WORDS,
                (t, i) -> opensDigits(t, i) || (AR_WORD_FIRSTS.indexOf(t.charAt(i)) >= 0 && opensArabicWord(t, i)),
                m -> m.group(1) != null
                        ? (Character.isDigit(m.group(1).charAt(0)) ? digits(m.group(1)) : AR_NUMBER_WORDS.get(m.group(1))) * 1000L
                        : AR_WORD_COUNTS.get(m.group(3)));
        addCounts(counts, "ar", text, AR_THOUSANDS,
                (t, i) -> AR_THOUSANDS_FIRSTS.indexOf(t.charAt(i)) >= 0 && opensArabicWordOrClitic(t, i),
                m -> m.group(1).endsWith("ین") || m.group(1).endsWith("ی") ? 2000L : 1000L);
        counts.sort(java.util.Comparator.comparingInt(Count::start));
        return counts;
    }

    private static boolean opensCrowdCount(String text, int at) {
        char c = text.charAt(at);
        if (c < 'a' || c > 't' || "acmnorst".indexOf(c) < 0 || (at > 0 && Scripts.isLetter(text.charAt(at - 1)))) {
            return false; // asked at every character: most are no opening's first letter
        }
        for (String opening : EN_CROWD_OPENINGS) {
            if (opening.charAt(0) == c && text.startsWith(opening, at)) {
                return true;
            }
        }
        return false;
    }

    private static List<Count> englishCounts(String text) {
        List<Count> counts = new ArrayList<>();
        addCounts(counts, "en", text, EN, (t, i) -> opensDigits(t, i) || t.startsWith("numbering", i) || t.startsWith("total", i)
                || opensCrowdCount(t, i), m -> {
            for (int group = 6; group <= 8; group++) {
                if (m.group(group) != null) {
                    return digits(m.group(group));
                }
            }
            if (m.group(5) != null) {
                return digits(m.group(5));
            }
            if (m.group(1) == null) {
                return digits(m.group(4));
            }
            if (m.group(3) == null) {
                return digits(m.group(1));
            }
            String fraction = m.group(2) == null ? "" : "." + m.group(2); // "2.5 lakh workers"
            return new java.math.BigDecimal(m.group(1).replace(",", "") + fraction)
                    .multiply(java.math.BigDecimal.valueOf(EN_MULTIPLIERS.get(m.group(3)))).longValue();
        });
        // One person in words is a speaker or a victim, not a crowd: "one worker said".
        List<Count> inWords = new ArrayList<>();
        addCounts(inWords, "en", text, EN_WORDS, NumberReader::opensEnglishNumberWord, m -> englishWords(m.group(1)));
        inWords.removeIf(c -> c.value() < 2);
        counts.addAll(inWords);
        counts.sort(java.util.Comparator.comparingInt(Count::start));
        return counts;
    }

    /** The first two letters of the English number words: where a count in words may start. */
    private static final java.util.Set<String> EN_WORD_OPENINGS = java.util.Arrays.stream((EN_UNITS + "|" + EN_TENS).split("\\|"))
            .map(word -> word.substring(0, 2)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A word's start whose first two letters open an English number word ("tw", "fo", "el"). */
    private static boolean opensEnglishNumberWord(String text, int i) {
        return "otfsen".indexOf(text.charAt(i)) >= 0 && (i == 0 || !Scripts.isLetter(text.charAt(i - 1)))
                && i + 2 <= text.length() && EN_WORD_OPENINGS.contains(text.substring(i, i + 2));
    }

    /** "forty-five" is 45, "two thousand" 2,000, "three hundred and fifty" 350. */
    static long englishWords(String words) {
        long total = 0;
        long group = 0;
        for (String word : words.split("[\\s-]+")) {
            switch (word) {
                case "and" -> { }
                case "hundred" -> group *= 100;
                case "thousand" -> {
                    total += group * 1000;
                    group = 0;
                }
                default -> group += EN_WORD_VALUES.get(word);
            }
        }
        return total + group;
    }

    private static final Map<String, Integer> EN_WORD_VALUES = englishWordValues();

    private static Map<String, Integer> englishWordValues() {
        Map<String, Integer> values = new HashMap<>();
        String[] units = EN_UNITS.split("\\|");
        for (int i = 0; i < units.length; i++) {
            values.put(units[i], i + 1);
        }
        String[] tens = EN_TENS.split("\\|");
        for (int i = 0; i < tens.length; i++) {
            values.put(tens[i], 20 + 10 * i);
        }
        return Map.copyOf(values);
    }

    /** Adds a count for each match of {@code pattern} that is not a workforce, valued by {@code value}. */
    private static void addCounts(List<Count> counts, String lang, String text, Pattern pattern, Starts starts,
            java.util.function.ToLongFunction<MatchResult> value) {
        for (MatchResult m : find(pattern, text, starts)) {
            if (!workforce(lang, text, m.start(), m.end())) {
                counts.add(new Count(m.start(), m.end(), value.applyAsLong(m), lowerBoundBefore(lang, text, m.start())));
            }
        }
    }

    /** Households (zh) or aid parcels handed to families (fa, ar) when the text counts no person. */
    private static Long households(String lang, String text) {
        Pattern pattern = switch (lang) {
            case "zh" -> ZH_HOUSEHOLDS;
            case "fa" -> FA_PARCELS;
            case "ar" -> AR_PARCELS;
            default -> null;
        };
        if (pattern == null) {
            return null;
        }
        Starts starts = lang.equals("zh")
                ? (t, i) -> isDigit(t.charAt(i)) || CHINESE_NUMERALS.indexOf(t.charAt(i)) >= 0 || "农社家村居".indexOf(t.charAt(i)) >= 0
                : NumberReader::opensDigits;
        for (MatchResult m : find(pattern, text, starts)) {
            String count = m.group(1) != null ? m.group(1) : m.groupCount() >= 2 ? m.group(2) : null;
            Long value = count == null ? null : parseChineseOrDigits(count);
            if (value != null && value > 1 && !workforce(lang, text, m.start(), m.end()) && !merelyBetterOff(text, m.start())) {
                return value;
            }
        }
        return null;
    }

    /** "带动三百余户农户增收": households whose income a project raised are affected by it, not served. */
    private static boolean merelyBetterOff(String text, int start) {
        String before = text.substring(Math.max(0, start - 12), start);
        return before.contains("带动");
    }

    /** Words just before a count that make it a lower bound. */
    private static final Map<String, List<String>> LOWER_BOUND = normalizedCues(Map.of(
            "en", List.of("more than ", "over ", "at least ", "upwards of "),
            "zh", List.of("逾", "超过", "多于"),
            "fa", List.of("بیش از ", "بالغ بر ", "بیشتر از "),
            "ar", List.of("أكثر من ", "ما يزيد عن ", "ما يزيد على ", "أزيد من ")));

    private static boolean lowerBoundBefore(String lang, String text, int start) {
        String before = text.substring(Math.max(0, start - 14), start);
        return LOWER_BOUND.getOrDefault(lang, List.of()).stream().anyMatch(before::endsWith);
    }

    /*
     * Words that say the people counted act or are served: they strike, gather, march, attend,
     * apply, train. The count of the clause that has one is the event's; a count in a clause
     * without one ("۱۲۰۰ کارگر این کارخانه بلاتکلیف مانده‌اند") may be the workers merely affected.
     */
    private static final Map<String, List<String>> ACTION = normalizedCues(Map.of(
            "en", List.of("took part", "take part", "taking part", "joined", "walked out", "walk out", "struck", "on strike",
                    "protest", "rallied", "rally", "marched", "marching", "gather", "demonstrat", "attend", "participat", "blocked", "staged", "picket",
                    "sat in", "sit-in", "boycott", "registered", "turned up", "turned out", "drew", "draws", "attracted"),
            "zh", List.of("参加", "参与", "聚集", "罢工", "停工", "到场", "进场", "求职", "参训", "上访", "讨薪", "维权", "抗议",
                    "示威", "拉横幅", "围堵", "前来", "报名", "集体", "堵路", "静坐"),
            "fa", List.of("تجمع", "اعتصاب", "دست از کار", "اعتراض", "حضور", "شرکت کرد", "شرکت داشت", "مراجعه", "تحصن",
                    "راهپیمایی", "خواستار", "ثبت‌نام", "بهره‌مند"),
            "ar", List.of("شارك", "مشارك", "أضرب", "إضراب", "احتج", "تجمع", "اعتصم", "اعتصام", "وقفة", "تظاهر", "نظم",
                    "استقبل", "استفاد", "لفائدة", "حضر", "تدريب", "تكوين")));
    private static final String CLAUSE_ENDS = ".,;،؛。!?\n";
    private static final int CLAUSE_REACH = 80;

    /** Whether the sentence of a count, up to the count, recalls the past ("last year", "سال گذشته", "去年"). */
    private static boolean recalled(String text, Count count) {
        int from = count.start();
        while (from > 0 && ".!?؟。\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        String before = text.substring(from, count.start());
        return RoundUpSections.PAST_TIMES.stream().anyMatch(before::contains);
    }

    /** Whether the clause of a count (to the nearest delimiter each side, 80 characters at most) has an action word. */
    private static boolean acting(String lang, String text, Count count) {
        int from = count.start();
        while (from > 0 && count.start() - from < CLAUSE_REACH && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = count.end();
        while (to < text.length() && to - count.end() < CLAUSE_REACH && CLAUSE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        String clause = text.substring(from, to);
        return ACTION.getOrDefault(lang, ACTION.get("en")).stream().anyMatch(clause::contains);
    }

    /**
     * A lower bound yields to a later count it rounds: "百余名" (100 to 199) and then "132名" are
     * one crowd, told exactly the second time. The rounding is the place of the bound's last
     * non-zero digit: "260余名" is 260 to 269, so a later 350 is another group.
     */
    private static Count refined(Count chosen, List<Count> counts) {
        if (!chosen.lowerBound()) {
            return chosen;
        }
        long step = 1;
        while (chosen.value() % (step * 10) == 0) {
            step *= 10;
        }
        long ceiling = chosen.value() + step;
        return counts.stream()
                .filter(c -> c.start() > chosen.start() && !c.lowerBound() && c.value() > chosen.value() && c.value() < ceiling)
                .findFirst().orElse(chosen);
    }

    /** Whether the words around a count make it a workforce size rather than a number of participants. */
    static boolean workforce(String lang, String text, int start, int end) {
        String window = text.substring(Math.max(0, start - WORKFORCE_WINDOW), start);
        int clause = -1;
        for (char delimiter : CLAUSE_DELIMITERS) {
            clause = Math.max(clause, window.lastIndexOf(delimiter));
        }
        String before = window.substring(clause + 1); // the cue must be in the count's own clause
        String after = text.substring(end, Math.min(text.length(), end + WORKFORCE_WINDOW / 2));
        List<String> cues = WORKFORCE.getOrDefault(lang, WORKFORCE.get("en"));
        return cues.stream().anyMatch(cue -> before.contains(cue) || after.startsWith(cue) || after.startsWith(" " + cue));
    }

    /**
     * The dead and injured an accident report's lead states, summed; null when it gives no
     * count (background accidents further down are not read).
     */
    public static Long casualties(String lang, String lead) {
        long dead;
        long hurt;
        switch (lang) {
            case "zh" -> {
                String withoutAges = AGE_ZH.matcher(lead).replaceAll("岁"); // "一名56岁的钢筋工…死亡"
                dead = Math.max(zhCount(ZH_DEAD, withoutAges), zhCount(ZH_DEAD_FIRST, withoutAges));
                hurt = Math.max(zhCount(ZH_HURT, withoutAges), zhCount(ZH_HURT_FIRST, withoutAges));
                // The headline's "致2死3伤" sums up what the body may tell only in part (its injured
                // "正在医院接受观察"), so each kind is the larger of the two readings, not the first found.
                Matcher compact = ZH_DEAD_HURT.matcher(lead);
                if (compact.find()) {
                    Long d = parseChineseOrDigits(compact.group(1));
                    Long h = compact.group(2) == null ? null : parseChineseOrDigits(compact.group(2));
                    dead = Math.max(dead, d == null ? 0 : d);
                    hurt = Math.max(hurt, h == null ? 0 : h);
                }
            }
            case "fa" -> {
                String withoutAges = AGE_FA.matcher(lead).replaceAll("ساله"); // "یک کارگر ۳۴ ساله … جان باخت"
                dead = wordCount(FA_DEAD, withoutAges);
                hurt = wordCount(FA_HURT, withoutAges);
            }
            case "ar" -> {
                dead = arabicCount(AR_DEAD, lead);
                hurt = arabicCount(AR_HURT, lead);
                dead = dead > 0 ? dead : tallyCount(AR_DEAD_TALLY, lead);
                hurt = hurt > 0 ? hurt : tallyCount(AR_HURT_TALLY, lead);
            }
            default -> {
                dead = wordCount(EN_DEAD, lead);
                hurt = wordCount(EN_HURT, lead);
            }
        }
        return dead + hurt == 0 ? null : dead + hurt;
    }

    private static long zhCount(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        Long value = parseChineseOrDigits(m.group(1));
        return value == null ? 0 : value;
    }

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("یک", 1), Map.entry("دو", 2), Map.entry("سه", 3), Map.entry("چهار", 4), Map.entry("پنج", 5),
            Map.entry("شش", 6), Map.entry("هفت", 7), Map.entry("هشت", 8), Map.entry("نه", 9), Map.entry("ده", 10));

    /** The count of the first match: its first non-null group read as digits or a number word, else one. */
    private static long wordCount(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            String group = m.group(g);
            if (group != null && !group.isEmpty()) {
                return Character.isDigit(group.charAt(0)) ? digits(group) : NUMBER_WORDS.getOrDefault(group, 1);
            }
        }
        return 1; // a singular noun with no number: "the contractor died"
    }

    /** Groups: 1 a count before the noun, 2 the noun, 3 a count after it, 4 a count with no noun. */
    private static Pattern arabicCasualty(String verb) {
        return Pattern.compile(TextNormalizer.normalize(verb) + "\\s+(?:(?:" + AR_NUMBER + "\\s+)?" + AR_NOUN
                + "(?:\\s+" + AR_NUMBER + ")?|" + AR_NUMBER + ")");
    }

    /** Arabic: the count if written, else the noun's number (dual two; singular, ordinal or "another" one). */
    private static long arabicCount(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        for (int g : new int[] {1, 3, 4}) {
            String count = m.group(g);
            if (count != null) {
                return Character.isDigit(count.charAt(0)) ? digits(count) : AR_NUMBER_WORDS.get(count);
            }
        }
        String noun = m.group(2);
        return noun.endsWith("ین") || noun.endsWith("ان") ? 2 : 1;
    }

    /** A capturing group of the map's words, longest first so that "ثلاثمائة" is not read as "ثلاث". */
    private static String alternation(Map<String, Integer> words) {
        return "(" + String.join("|", words.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) + ")(?![\\u0600-\\u06ff])";
    }

    private static long tallyCount(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        return Character.isDigit(m.group(1).charAt(0)) ? digits(m.group(1)) : AR_NUMBER_WORDS.get(m.group(1));
    }

    private static Map<String, Integer> normalizedKeys(Map<String, Integer> words) {
        Map<String, Integer> normalized = new java.util.HashMap<>();
        words.forEach((word, value) -> normalized.put(TextNormalizer.normalize(word), value));
        return Map.copyOf(normalized);
    }

    private static Map<String, List<String>> normalizedCues(Map<String, List<String>> cues) {
        Map<String, List<String>> normalized = new java.util.HashMap<>();
        cues.forEach((lang, list) -> normalized.put(lang, list.stream().map(TextNormalizer::normalize).toList()));
        return Map.copyOf(normalized);
    }

    private static Pattern normalized(String regex) {
        return Pattern.compile(TextNormalizer.normalize(regex));
    }

    private static long digits(String text) {
        return Long.parseLong(text.replace(",", "").replace("\u066c", ""));
    }

    static Long parseChineseOrDigits(String text) {
        if (Character.isDigit(text.charAt(0)) && (text.endsWith("万") || text.endsWith("千"))) { // "1.5万名", "2千多名"
            return new java.math.BigDecimal(text.substring(0, text.length() - 1).replace(",", ""))
                    .multiply(java.math.BigDecimal.valueOf(text.endsWith("万") ? 10_000 : 1_000)).longValue();
        }
        if (Character.isDigit(text.charAt(0))) {
            return digits(text);
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        for (char c : text.toCharArray()) {
            int d = c == '两' ? 2 : CHINESE_DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            Integer unit = CHINESE_UNITS.get(c);
            if (unit == null) {
                return null;
            }
            if (unit == 10000) {
                total += (section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        long value = total + section + Math.max(digit, 0);
        return value == 0 ? null : value;
    }
}
