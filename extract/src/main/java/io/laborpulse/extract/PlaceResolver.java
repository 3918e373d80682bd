package io.laborpulse.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses where a text (or one segment of a round-up) happened from the places it mentions.
 *
 * <p>Each mention votes for its region with weight 1, more in the title and much more in the
 * reporter's dateline ({@code به گزارش خبرنگار ایلنا از اصفهان}); regions of the prior country
 * (the outlet's home, or the language's main country) count half again. A name several places
 * share votes only for a candidate whose region the text supports otherwise; a name that is
 * also a common word votes only when its region has other support, and where people came from or
 * a firm sits ("workers from Kerala", "Duluth-based") votes not at all. A shared name nothing in
 * the text settles takes its usual reading, when it has one (Birmingham, England). The best region
 * wins (on a tie, the one named first), and its most specific place, the best supported among
 * equals, is the event's place. Countries count only when no region is named.
 */
final class PlaceResolver {

    private static final double TITLE_BONUS = 2;
    /** The lead names the event's place more often than the background further down. */
    private static final double OPENING_BONUS = 1;
    private static final int OPENING_LENGTH = 300;
    private static final double DATELINE_BONUS = 4;
    private static final double PRIOR_FACTOR = 1.5;
    private static final int DATELINE_WINDOW = 30;
    /** Words before the reporter's city: "به گزارش خبرنگار … از", "مراسل", "记者", a paper's "本报讯" (not a column's "简讯"). */
    private static final List<String> DATELINE_CUES = List.of("خبرنگار", "به گزارش", "مراسل", "记者", "报讯");
    /** What follows a wire dateline's city at a line's start: "JOHANNESBURG —", "TRENTON, N.C. (WNCT) —", "CHENNAI:", "CALAMBA CITY —". */
    private static final java.util.regex.Pattern WIRE_DATELINE_END = java.util.regex.Pattern.compile(
            "(?:\\s+city)?(?:,\\s*[\\p{L}.]{2,12}(?:\\s[\\p{L}.]{2,12})?)?\\s*(?:\\([^)\\n]{1,30}\\))?\\s*[—–:-]");
    /** What follows an Arabic wire story's opening city: "القاهرة - ", "الكويت – ". */
    private static final java.util.regex.Pattern ARABIC_NEWSROOM_END = java.util.regex.Pattern.compile("\\s+[-–—]\\s");
    /** What an Arabic newsroom weighs against the places a story names: enough to stand alone. */
    private static final double NEWSROOM_WEIGHT = 0.25;
    /** What follows the city of a Chinese agency's dateline: "中新网北京11月5日电", "本报兰州讯". */
    private static final java.util.regex.Pattern CHINESE_DATELINE_END =
            java.util.regex.Pattern.compile("(?:[0-9]{1,2}月[0-9]{1,2}日)?(?:电|讯)");
    /** What follows a place's name in the name of an industrial zone there, in Chinese. */
    private static final List<String> ZONE_SUFFIXES = List.of("经济技术开发区", "经济开发区", "开发区", "高新区", "高新技术产业开发区",
            "工业园", "经开区", "保税区");
    /**
     * The reporter named before the city reported from ("خبرنگار ما از اقلید", "مراسلنا في");
     * Chinese datelines are left out: a correspondent's name follows 通讯员 there, not a place.
     */
    private static final List<String> REPORTER_CUES = List.of("خبرنگار", "مراسل");
    /** Offices of local government and factories named after their town, before the town's name (normalised). */
    private static final List<String> LOCAL_OFFICES = TextNormalizer.normalizeAll("فرماندار ", "فرمانداری ", "شهردار ",
            "شهرداری ", "بخشدار ", "دادستان ", "اداره کار ", "کارخانه قند ", "محافظ ", "محافظة ", "ولاية ", "بلدية ",
            "city of ", "town of ");
    /** Between a place and the region or country that qualifies it: a comma ("Georgetown, Ky."). */
    private static final java.util.regex.Pattern QUALIFIER_SEPARATOR = java.util.regex.Pattern.compile(",\\s*");
    /**
     * Phrases of a general statement rather than a report ("In Missouri and elsewhere, workers
     * are…", "whether it is here in Colorado or elsewhere"): law firms' and agencies' blogs name
     * their own state so, around a story from another one. Places in such a sentence do not vote.
     * ("Elsewhere, workers in Hyderabad…" opens a report from another place, not a general statement.)
     */
    private static final List<String> GENERAL_STATEMENT_CUES = List.of("and elsewhere", "or elsewhere", "anywhere else", "here in ");

    /**
     * Words before a place that make it where people come from, live or where a firm sits ("来自
     * 四川的建筑工人", "workers from Kerala", "the company, headquartered in Toronto", "از شهرهای
     * مریوان، سقز و بانه به سنندج آمده بودند"), not where they act. Normalised.
     */
    private static final List<String> ORIGIN_CUES = TextNormalizer.normalizeAll("来自", "from ", "headquartered in ", "based in ",
            "head office in ", "headquarters in ", "secretariat in ", "national office in ", "its office in ", "registered office in ",
            "از شهرهای ", "از شهرستان‌های ", "از شهر ", "اهل ", "ساکن ", "مقیم ", "دفتر مرکزی آن در ", "دفتر مرکزی شرکت در ",
            "القادمين من ", "المقيمين في ", "مقرها الرئيسي في ", "مقره الرئيسي في ", "مقرها في ", "مقره في ");
    /** Words before "from" that make the place where something fell or moved from, not an origin ("fell from", "moved from"). */
    private static final java.util.regex.Pattern MOVED_FROM = java.util.regex.Pattern.compile(
            "(?:fall|falls|fell|falling|fallen|moved|moving|move|relocated|relocating|shifted|shifting|transferred)\\s+(?:[a-z0-9-]+\\s+){0,3}from $");
    /** How far before "from" the words of a fall or a move are looked for. */
    private static final int ORIGIN_WINDOW = 40;

    /** The resolved place and its first mention (offsets in the text resolved), or {@link #NONE}. */
    record Resolution(Place place, Gazetteer.Mention mention) {
    }

    static final Resolution NONE = new Resolution(null, null);

    private PlaceResolver() {
    }

    /**
     * @param text       the normalised text the mentions were found in
     * @param titleEnd   offset where the title ends in {@code text} (0 when there is none)
     * @param context    regions the whole document supports, used to settle shared names
     */
    static Resolution resolve(List<Gazetteer.Mention> mentions, String text, int titleEnd, String priorCountry,
            Set<String> context) {
        boolean general = GENERAL_STATEMENT_CUES.stream().anyMatch(text::contains);
        Set<String> titleRegions = new HashSet<>();
        for (Gazetteer.Mention mention : mentions) {
            if (mention.start() < titleEnd && !mention.name().weak() && !isOrigin(text, mention.start(), mention.end())) {
                mention.places().stream().filter(p -> p.region() != null && mention.places().size() == 1)
                        .forEach(p -> titleRegions.add(p.region()));
            }
        }
        Set<String> supported = new HashSet<>(context);
        supported.addAll(unambiguousRegions(mentions));
        Map<String, Double> regionScore = new HashMap<>();
        Map<String, Double> countryScore = new HashMap<>();
        Map<String, Double> placeScore = new HashMap<>();
        Map<String, Integer> firstAt = new HashMap<>();
        Map<String, Gazetteer.Mention> written = new HashMap<>();
        Map<String, Place> byId = new HashMap<>();
        Gazetteer.Mention origin = null; // the last mention of where people came from
        for (Gazetteer.Mention mention : mentions) {
            if ((general && inGeneralStatement(text, mention.start())) || namesACounty(text, mention)) {
                continue;
            }
            // Where people came from votes for nothing, nor does the state written after it ("from Toowoomba, Queensland").
            boolean qualifiesOrigin = origin != null && QUALIFIER_SEPARATOR.matcher(text).region(origin.end(), mention.start()).matches();
            if (qualifiesOrigin || isOrigin(text, mention.start(), mention.end())) {
                origin = mention;
                continue;
            }
            Place place = choose(mention, supported, priorCountry);
            if (place == null || (mention.name().weak() && place.region() != null && !strongSupport(mentions, place.region())
                    && !context.contains(place.region()))) {
                continue;
            }
            double weight = 1;
            if (mention.start() < titleEnd) {
                weight += TITLE_BONUS;
            } else if (mention.start() < titleEnd + OPENING_LENGTH) {
                weight += OPENING_BONUS;
            }
            // The reporter's city decides only when the title does not name the event's place
            // elsewhere ("…از اصفهان" over a story the title places in Shahrekord).
            if (isDateline(text, mention.start(), mention.end()) && (titleRegions.isEmpty() || titleRegions.contains(place.region()))) {
                weight += DATELINE_BONUS;
            } else if (isArabicNewsroom(text, mention.start(), mention.end()) && mentions.stream()
                    .noneMatch(other -> other.start() > mention.end() && other.name().equals(mention.name()))) {
                weight = NEWSROOM_WEIGHT; // unless the story names the city again ("…غربي البصرة")
            }
            if (place.precision() == Precision.COUNTRY) {
                countryScore.merge(place.country(), weight, Double::sum);
            } else {
                double prior = place.country().equals(priorCountry) ? PRIOR_FACTOR : 1;
                regionScore.merge(place.region(), weight * prior, Double::sum);
            }
            placeScore.merge(place.id(), weight, Double::sum);
            firstAt.putIfAbsent(place.region() == null ? place.country() : place.region(), mention.start());
            written.putIfAbsent(place.id(), mention);
            byId.put(place.id(), place);
        }
        if (!regionScore.isEmpty()) {
            String region = best(regionScore, firstAt);
            // Inside the region, the most specific place named is where it happened ("甘肃省总工会
            // … 陇西县" is Longxi); among several cities, the best supported one.
            Place place = byId.values().stream()
                    .filter(p -> region.equals(p.region()))
                    .max(java.util.Comparator.comparing(Place::precision)
                            .thenComparing(p -> placeScore.get(p.id()))
                            .thenComparing(java.util.Comparator.comparingInt(
                                    (Place p) -> written.get(p.id()).start()).reversed()))
                    .orElseThrow();
            return new Resolution(place, written.get(place.id()));
        }
        if (!countryScore.isEmpty()) {
            String country = best(countryScore, firstAt);
            return new Resolution(byId.get(country), written.get(country));
        }
        return NONE;
    }

    /**
     * The mentions with shared names narrowed, where the document settles them, to the places
     * of the countries it is otherwise about: beside Chennai, "Kochi" and "Hyderabad" are the
     * Indian cities; in a Saudi list, وجدة read as "and Jeddah" rather than Morocco's Oujda;
     * with لبنان named, طرابلس is Lebanon's Tripoli. The document's countries are those of its
     * single-meaning country, region and city names, else the prior, else the countries whose
     * news the text's language is mostly about. A mention none of whose places lies there is left
     * as it was, for the resolver.
     */
    static List<Gazetteer.Mention> settle(List<Gazetteer.Mention> mentions, String text, String priorCountry,
            Set<String> languageCountries) {
        mentions = confirmed(qualified(mentions, text), text);
        Set<String> countries = new HashSet<>();
        for (Gazetteer.Mention mention : mentions) {
            // A single-meaning region or city names its country, and so does the country's name.
            if (!mention.name().weak() && mention.places().stream().map(Place::country).distinct().count() == 1) {
                countries.add(mention.places().get(0).country());
            }
        }
        if (countries.isEmpty() && priorCountry != null) {
            countries.add(priorCountry);
        }
        if (countries.isEmpty()) {
            countries.addAll(languageCountries); // Arabic news names Aleppo, not Iran's Halab
        }
        List<Gazetteer.Mention> settled = new java.util.ArrayList<>(mentions.size());
        for (Gazetteer.Mention mention : mentions) {
            List<Place> places = mention.places();
            if (places.stream().map(Place::country).distinct().count() > 1) {
                List<Place> local = places.stream()
                        .filter(p -> p.precision() != Precision.COUNTRY && countries.contains(p.country())).toList();
                if (!local.isEmpty() && local.size() < places.size()) {
                    Gazetteer.Name name = mention.name().withPlaces(local);
                    settled.add(new Gazetteer.Mention(name, mention.start(), mention.end()));
                    continue;
                }
            }
            settled.add(mention);
        }
        return settled;
    }

    /**
     * The mentions with each place qualified by the unit written after it read inside that unit:
     * "Georgetown, Ky." is the Georgetown of Kentucky, "Perth, Scotland" the Scottish one, and so
     * is every other mention of the same name in the text (the headline's "Georgetown" too).
     * Where a dateline's city has no reading inside its unit ("GEORGETOWN, Ky. —" when the
     * gazetteer holds only Guyana's), it is a town the gazetteer does not hold: its mentions are
     * dropped and the unit stands. In running text "X, Y" is as often a list ("in Lagos, Rivers
     * and Oyo"), so there a place with no reading inside Y is left as it was, unless Y is a region
     * of another country than all of X's places ("Lima, Ohio": a town the gazetteer lacks). A name
     * that is also a word ("Kingston, Ont.") is a name once qualified.
     */
    static List<Gazetteer.Mention> qualified(List<Gazetteer.Mention> mentions, String text) {
        Map<String, List<Place>> readings = new HashMap<>(); // by name; an empty list drops the name
        for (int i = 0; i + 1 < mentions.size(); i++) {
            Gazetteer.Mention mention = mentions.get(i);
            Gazetteer.Mention unit = mentions.get(i + 1);
            if (readings.containsKey(mention.name().normalized())
                    || !QUALIFIER_SEPARATOR.matcher(text).region(mention.end(), unit.start()).matches()
                    || unit.places().stream().anyMatch(p -> p.precision() == Precision.CITY)) {
                continue;
            }
            List<Place> inside = mention.places().stream()
                    .filter(p -> p.precision() == Precision.CITY && unit.places().stream().anyMatch(u -> contains(u, p)))
                    .toList();
            // "Lima, Ohio": a town the gazetteer holds only in another country is one it does not hold.
            boolean elsewhere = unit.places().stream().allMatch(u -> u.precision() == Precision.REGION)
                    && mention.places().stream().noneMatch(p -> unit.places().stream().anyMatch(u -> u.country().equals(p.country())));
            if (!inside.isEmpty() || elsewhere || (isDateline(text, mention.start(), mention.end())
                    && mention.places().stream().allMatch(p -> p.precision() == Precision.CITY))) {
                readings.put(mention.name().normalized(), inside);
            }
        }
        if (readings.isEmpty()) {
            return mentions;
        }
        List<Gazetteer.Mention> result = new java.util.ArrayList<>(mentions.size());
        for (Gazetteer.Mention mention : mentions) {
            List<Place> inside = readings.get(mention.name().normalized());
            if (inside == null) {
                result.add(mention);
            } else if (!inside.isEmpty()) {
                // A word qualified by a state ("Kingston, Ont.") is written as a name.
                Gazetteer.Name name = mention.name().withPlaces(inside).asName();
                result.add(new Gazetteer.Mention(name, mention.start(), mention.end()));
            }
        }
        return result;
    }

    /**
     * The mentions with a name that is also a common word taken as a place where its setting
     * says so: an industrial zone's name follows it ("昆山经济技术开发区"), an office of local
     * government or a town's factory precedes it ("فرماندار نقده", "کارخانه قند اقلید"), or it is
     * the reporter's city ("به گزارش خبرنگار ما از اقلید") or the dateline ("LIMERICK — "). The
     * word is then not a word.
     */
    static List<Gazetteer.Mention> confirmed(List<Gazetteer.Mention> mentions, String text) {
        List<Gazetteer.Mention> result = new java.util.ArrayList<>(mentions.size());
        for (Gazetteer.Mention mention : mentions) {
            if (mention.name().weak() && (ZONE_SUFFIXES.stream().anyMatch(suffix -> text.startsWith(suffix, mention.end()))
                    || LOCAL_OFFICES.stream().anyMatch(office -> text.startsWith(office, mention.start() - office.length()))
                    || REPORTER_CUES.stream().anyMatch(text.substring(Math.max(0, mention.start() - DATELINE_WINDOW), mention.start())::contains)
                    || isNewsroom(text, mention.start(), mention.end()))) {
                Gazetteer.Name name = mention.name().asName();
                result.add(new Gazetteer.Mention(name, mention.start(), mention.end()));
            } else {
                result.add(mention);
            }
        }
        return result;
    }

    /** Whether {@code unit} (a region or country) holds {@code place}. */
    private static boolean contains(Place unit, Place place) {
        return unit.precision() == Precision.COUNTRY ? unit.country().equals(place.country()) : unit.region().equals(place.region());
    }

    /** Regions named by at least one name that means only places in that region. */
    static Set<String> unambiguousRegions(List<Gazetteer.Mention> mentions) {
        Set<String> regions = new HashSet<>();
        for (Gazetteer.Mention mention : mentions) {
            Set<String> candidates = new HashSet<>();
            mention.places().forEach(p -> candidates.add(p.region()));
            if (candidates.size() == 1 && !mention.name().weak() && !candidates.contains(null)) {
                regions.addAll(candidates);
            }
        }
        return regions;
    }

    private static boolean strongSupport(List<Gazetteer.Mention> mentions, String region) {
        return mentions.stream().anyMatch(m -> !m.name().weak() && m.places().stream().anyMatch(p -> region.equals(p.region())));
    }

    private static Place choose(Gazetteer.Mention mention, Set<String> supported, String priorCountry) {
        List<Place> places = mention.places();
        if (places.size() == 1) {
            return places.get(0);
        }
        // A province and its capital sharing a name (اصفهان, Kermanshah, 吉林): one region either
        // way, and a bare name in news means the city more often than the province.
        if (places.stream().map(Place::region).distinct().count() == 1 && places.get(0).region() != null) {
            return places.stream().max(java.util.Comparator.comparing(Place::precision)).orElseThrow();
        }
        List<Place> inContext = places.stream().filter(p -> p.region() != null && supported.contains(p.region())).toList();
        if (inContext.size() == 1) {
            return inContext.get(0);
        }
        List<Place> inPrior = places.stream().filter(p -> p.country().equals(priorCountry)).toList();
        if (inPrior.size() == 1) {
            return inPrior.get(0);
        }
        // Nothing settles it: the name's usual reading, when one city of the name far outgrows the others.
        return inContext.isEmpty() && inPrior.isEmpty() ? mention.name().usual() : null;
    }

    /**
     * "Montgomery County" is not the city of Montgomery: a city name followed by "county" names
     * a county the gazetteer does not hold, so it says nothing about which city.
     */
    private static boolean namesACounty(String text, Gazetteer.Mention mention) {
        return text.startsWith(" county", mention.end())
                && mention.places().stream().allMatch(p -> p.precision() == Precision.CITY);
    }

    private static boolean inGeneralStatement(String text, int at) {
        int start = at;
        while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String sentence = text.substring(start, end);
        return GENERAL_STATEMENT_CUES.stream().anyMatch(sentence::contains);
    }

    static boolean isDateline(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - DATELINE_WINDOW), start);
        return DATELINE_CUES.stream().anyMatch(before::contains) || endsChineseDateline(text, end)
                || ((opensLead(text, start) || followsUnknownDatelineTown(text, start)) && endsWireDateline(text, end));
    }

    /** Whether what follows a place ends a wire dateline: "—", ", N.C. (WNCT) —", ":". */
    private static boolean endsWireDateline(String text, int end) {
        return WIRE_DATELINE_END.matcher(text).region(end, text.length()).lookingAt();
    }

    /** Whether what follows a place ends a Chinese agency's dateline: "11月5日电", "讯". */
    private static boolean endsChineseDateline(String text, int end) {
        return CHINESE_DATELINE_END.matcher(text).region(end, text.length()).lookingAt();
    }

    /**
     * Whether a place is where people come from or a firm sits, as {@link #ORIGIN_CUES}, "毕节籍"
     * (native of Bijie) and "Duluth-based" say; not where something fell or moved from, nor the
     * start of a route ("from Sydney to Perth").
     */
    static boolean isOrigin(String text, int placeStart, int placeEnd) {
        if (text.startsWith("籍", placeEnd) || text.startsWith("-based", placeEnd)) {
            return true;
        }
        for (String cue : ORIGIN_CUES) {
            if (text.startsWith(cue, placeStart - cue.length())) {
                return !cue.equals("from ") || (!text.startsWith(" to ", placeEnd)
                        && !MOVED_FROM.matcher(text.substring(Math.max(0, placeStart - ORIGIN_WINDOW), placeStart)).find());
            }
        }
        return false;
    }

    /**
     * Whether the mention is where the copy was filed rather than a reporter's city: a wire
     * dateline ("MUMBAI: …", "TORONTO — …"), a Chinese agency's ("中新网北京11月5日电") or an
     * Arabic newsroom ("القاهرة - "). A Persian reporter's city ("خبرنگار ایلنا از کرمان") is
     * mostly where the news happened, and is not one.
     */
    static boolean isNewsroom(String text, int start, int end) {
        return (opensLead(text, start) && endsWireDateline(text, end)) || endsChineseDateline(text, end)
                || isArabicNewsroom(text, start, end);
    }

    /**
     * Whether {@code at} opens the line after the headline, in Latin script: where wire copy
     * writes its dateline. (Further lines that open "Durban: …" are a round-up's items.)
     */
    private static boolean opensLead(String text, int at) {
        return opensLineAfterHeadline(text, at) && Scripts.of(text.codePointAt(at)) == Character.UnicodeScript.LATIN;
    }

    /** A dateline's town the gazetteer does not hold stands before the state: "SUPERIOR, Wis. —" is placed by "Wis.". */
    private static final java.util.regex.Pattern DATELINE_TOWN = java.util.regex.Pattern.compile("[\\p{L}' .-]{2,30},\\s*");

    private static boolean followsUnknownDatelineTown(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return lineStart > 0 && at > lineStart && opensLead(text, lineStart)
                && DATELINE_TOWN.matcher(text).region(lineStart, at).matches();
    }

    private static boolean opensLineAfterHeadline(String text, int at) {
        int headlineEnd = text.indexOf('\n');
        return headlineEnd >= 0 && headlineEnd < at && text.substring(headlineEnd, at).isBlank();
    }

    /**
     * Whether the mention is the newsroom an Arabic wire story opens with ("القاهرة - عقدت
     * مديرية العمل بالإسكندرية…"): where the copy was filed, as often as not away from the event,
     * so it counts for little against a place the story names, unless the story names the city
     * again (unlike the reporter's city of a Persian dateline, which is mostly where it happened).
     */
    static boolean isArabicNewsroom(String text, int start, int end) {
        return opensLineAfterHeadline(text, start) && Scripts.of(text.codePointAt(start)) == Character.UnicodeScript.ARABIC
                && ARABIC_NEWSROOM_END.matcher(text).region(end, text.length()).lookingAt();
    }

    /** The highest score; on a tie, the one named first. */
    private static String best(Map<String, Double> scores, Map<String, Integer> firstAt) {
        return scores.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue()
                        .thenComparing(java.util.Comparator.comparingInt(
                                (Map.Entry<String, Double> e) -> firstAt.getOrDefault(e.getKey(), Integer.MAX_VALUE)).reversed()))
                .orElseThrow()
                .getKey();
    }
}
