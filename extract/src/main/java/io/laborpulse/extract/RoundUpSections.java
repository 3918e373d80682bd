package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a round-up's sections start: a pure reading of the normalised text, its place mentions
 * and its cue scores, with no Kafka and no engine state. {@link LaborExtractor} reads an event
 * from each section; fewer than two sections means the text is one story.
 *
 * <p>Chunks are lines (in Chinese also space-separated blocks); inside them, sentences and
 * clauses. A unit starts a section when it opens at a place no earlier section was about and
 * reports labour activity. The activity may be its own, or the lead's when the unit is a list
 * item, opens with its place, or is at a place the title listed. Datelines, origins, one city's
 * districts and cities of a country the text is not about start none.
 */
final class RoundUpSections {

    private static final Pattern CHUNK_BREAK_ZH = Pattern.compile("[\\n\\s\\u3000]+");
    private static final Pattern CHUNK_BREAK = Pattern.compile("\\n+");
    /**
     * A list item naming its place first: "- اهواز: …", "• Durban: …", "1. 兰州：…", and a
     * bulletin's paragraph led by its place and a dash ("Cardiff — Branch officers met…"; the
     * dateline, which looks the same, is told apart before this is asked).
     */
    private static final Pattern LIST_ITEM = Pattern.compile(
            "\\s*(?:[-–•*·]|[0-9]{1,2}[.)])?\\s*[^\\s:：،,]{2,20}(?:\\s[^\\s:：،,]{1,20}){0,2}(?:\\s*[:：]|\\s[—–]\\s)");
    /** How near a sentence's start its place must be named. */
    private static final int SENTENCE_OPENING = 80;
    private static final int SENTENCE_OPENING_ZH = 25;
    /** How near a comma a clause's place must be named for the clause to report there. */
    private static final int CLAUSE_OPENING = 40;
    /** A lead is longer than a dateline. */
    private static final int MIN_LEAD = 40;
    private static final int MIN_LEAD_ZH = 15;
    /**
     * A unit that may lean on the lead (a list item, or one opening with its place) reports
     * activity with a cue of the lead's type, or of another type this strong ("Meanwhile in
     * Kakamega, the county executive held talks…" under a strike).
     */
    static final int LEANING_SCORE = 2;
    /** How near a unit's start its place must be for the unit to lean on the lead's activity. */
    private static final int LEANING_OPENING = 40;
    private static final int LEANING_OPENING_ZH = 15;
    /**
     * Words that open a clause reporting another place's news after a comma ("…, while in Kochi …"),
     * in normalised form, as the text they are looked for in.
     */
    private static final List<String> CLAUSE_OPENERS = TextNormalizer.normalizeAll("while ", "and ", "whereas ",
            "وفي ", "ففي ", "فيما ", "بينما ", "كما ", "و در ", "در حالی که ");
    /**
     * Openers that start such a clause even without a comma before them: Arabic and Persian
     * join "and in" to the last clause with a space only ("…أمام البوابة وفي كفر الدوار نظم…").
     */
    private static final List<String> BARE_CLAUSE_OPENERS = TextNormalizer.normalizeAll("وفي ", "ففي ", "بينما ", "و در ");
    private static final String BARE_OPENER_FIRSTS = BARE_CLAUSE_OPENERS.stream()
            .map(opener -> opener.substring(0, 1)).distinct().collect(java.util.stream.Collectors.joining());
    /**
     * Words by which a title or lead says its news comes from several places without naming them
     * all ("in several cities", "في عدة محافظات", "در چند شهر", "多地"), in normalised form.
     */
    private static final List<String> SEVERAL_PLACES = TextNormalizer.normalizeAll(
            "several cities", "several towns", "several states", "several provinces", "several regions",
            "several districts", "several counties", "multiple cities", "various cities", "across the country",
            "across the state", "nationwide",
            "عدة محافظات", "عدة مدن", "عدة ولايات", "عدة مناطق", "عدد من المحافظات", "عدد من المدن",
            "عدد من الولايات", "مختلف المحافظات", "مختلف الولايات", "مختلف المدن", "عبر الوطن",
            "چند شهر", "چند استان", "شهرهای مختلف", "استان‌های مختلف", "شهرهای دیگر", "سراسر کشور",
            "多地", "各地", "多个城市", "多省", "多个省份");
    /**
     * In {@code announced}: the title or lead announced news from several places, unnamed. A unit
     * then reports one of them when it opens with its place ("In Kolkata, …", "در اصفهان"), within
     * {@link #OPENS_WITH_PLACE} characters; named further in, it is more often where things stayed
     * quiet ("Services were largely normal in Delhi").
     */
    private static final String SEVERAL = "*";
    private static final int OPENS_WITH_PLACE = 12;
    /** A list item's mark: a dash or bullet, a live blog's time ("10.20am — ", "09:10 |", 【9时】), "1." / "2)" / "3、", 一是 / （二） / 三、. */
    private static final Pattern LIST_MARK = Pattern.compile(
            "\\s*(?:[-–•*·▪●]|[0-9]{1,2}[.:][0-9]{2}\\s*(?:am|pm)?\\s*[—–|-]|【[0-9]{1,2}[时:][0-9]{0,2}分?】|[0-9]{1,2}[.)、]|[一二三四五六七八九十]{1,2}[是、]"
            + "|[(（][一二三四五六七八九十0-9]{1,2}[)）])\\s*");
    /**
     * How near a paragraph's start a place must be named for the paragraph to be about it: the
     * opening clause, about 60 characters of Chinese, twice that in alphabetic scripts.
     */
    private static final int OPENING_ZH = 60;
    private static final int OPENING = 120;
    /** At most this many characters between a place and a place inside it ("'s ", "市"). */
    private static final int CONTAINMENT_GAP = 4;
    /** What may stand before a list item's heading on its line: a mark, or nothing. */
    private static final Pattern LIST_MARK_OR_NOTHING = Pattern.compile("\\s*(?:[-–•*·▪●]|[0-9]{1,2}[.)、-])?\\s*");
    /** Page furniture after an article's end: links to other stories. */
    private static final Pattern FURNITURE = Pattern.compile(
            "\\s*(?:上一篇|下一篇|相关阅读|相关新闻|相关文章|related|read more|see also|اقرا ایضا|اقرا المزید|بیشتر بخوانید|اخبار مرتبط|خبرهای مرتبط)");

    /**
     * The sections of a text, in order, or none when it has no section break. A chunk starts a
     * section when it is a sub-headline opened by a place name, or when it reports labour
     * activity at a place the current section is not about and no earlier section was; inside a
     * chunk, so may a sentence or clause. The title never stands alone: it belongs with the lead.
     *
     * @param listed the places the headline or the lead lists, each announced as a section to come
     */
    static List<Segment> of(TextNormalizer.Normalized normalized, List<Gazetteer.Mention> mentions, String lang,
            int titleEnd, List<Gazetteer.Mention> listed, Cues cues) {
        String text = normalized.text();
        boolean chinese = lang.equals("zh");
        int maxHeading = chinese ? 40 : 90;
        Matcher breaks = (chinese ? CHUNK_BREAK_ZH : CHUNK_BREAK).matcher(text);
        List<Integer> starts = new ArrayList<>();
        Set<Integer> headings = new HashSet<>();
        Set<String> seen = new HashSet<>(); // ids of the places the sections so far are about
        Set<String> countries = supportedCountries(mentions);
        // A city of a country the text is otherwise not about is more likely a person's name
        // ("Samara Taft, NCWorks manager"): it opens no section.
        Set<String> listedIds = new HashSet<>();
        listed.forEach(m -> m.places().forEach(p -> listedIds.add(p.id())));
        List<Named> places = Named.all(mentions, normalized, listedIds).stream()
                .filter(named -> named.regions().stream().anyMatch(r -> countries.contains(r.substring(0, 2))))
                .toList();
        Named current = Named.NONE;
        boolean leadSeen = false;
        EventType leadType = null; // the activity the title and lead report, which later sections may share
        Set<String> announced = new HashSet<>(); // ids of the places a title lists, each to be reported in turn
        announced.addAll(listedIds);
        int chunkStart = 0;
        while (chunkStart < text.length()) {
            int chunkEnd = breaks.find(chunkStart) ? breaks.start() : text.length();
            int next = chunkEnd < text.length() ? breaks.end() : text.length();
            if (FURNITURE.matcher(text).region(chunkStart, chunkEnd).lookingAt()) {
                break; // "related articles", "next:" — the article has ended
            }
            Matcher mark = LIST_MARK.matcher(text).region(chunkStart, chunkEnd);
            boolean listItem = mark.lookingAt();
            Named opening = openingPlace(places, listItem ? mark.end() : chunkStart);
            // A list item's own dateline ("1. 本报沈阳讯 …") is the item's place, as its heading would be.
            Named heading = !opening.isNone() && (listItem || !PlaceResolver.isDateline(text, opening.start(), opening.end()))
                    && (chunkEnd - chunkStart <= maxHeading
                    || LIST_ITEM.matcher(text).region(chunkStart, chunkEnd).lookingAt()) ? opening : Named.NONE;
            Named place = firstPlace(places, chunkStart, chunkEnd);
            // A later paragraph may name a new place inside the one already reported ("in
            // Gazipur's Konabari area"): the new one, written right after, is the paragraph's own.
            Named unseen = disjoint(place.ids(), seen) ? place : placeWithin(places, place, chunkEnd, seen);
            boolean afterTitle = chunkStart >= titleEnd;
            if (!heading.isNone() && disjoint(heading.ids(), current.ids()) && afterTitle) {
                starts.add(chunkStart);
                headings.add(chunkStart);
                seen.addAll(heading.ids());
                current = heading;
            } else if (!afterTitle || !leadSeen) {
                // The title and the lead's first sentence are one unit: their places, all of them,
                // are the first section's. (Later sentences of the lead may open new places.)
                if (current.isNone()) {
                    current = place;
                }
                int unitEnd = afterTitle ? firstSentenceEnd(text, chunkStart, chunkEnd, chinese) : chunkEnd;
                // The newsroom's city is where the copy was filed: a later unit may report from it.
                // Where people come from is not news to come: it is read, not announced.
                List<Named> named = new ArrayList<>();
                for (Named n : placesIn(places, chunkStart, unitEnd)) {
                    if (PlaceResolver.isOrigin(text, n.start(), n.end())) {
                        seen.addAll(n.ids());
                    } else if (!PlaceResolver.isNewsroom(text, n.start(), n.end())) {
                        named.add(n);
                    }
                }
                // A title naming several places is the round-up's table of contents: each of
                // them is still to be reported, so none is taken as read; nor is a listed place
                // the lead names again ("rallied in Kingston, Ont., Sudbury, Ont., and Windsor").
                if (afterTitle || distinctPlaces(named) < 2) {
                    named.stream().filter(n -> n.ids().stream().noneMatch(listedIds::contains)).forEach(n -> seen.addAll(n.ids()));
                } else {
                    named.forEach(n -> announced.addAll(n.ids()));
                }
                if (leadType == null) {
                    leadType = cues.leadingType(0, unitEnd);
                }
                String soFar = text.substring(0, unitEnd);
                if (SEVERAL_PLACES.stream().anyMatch(soFar::contains)) {
                    announced.add(SEVERAL);
                }
            } else if (!unseen.isNone()
                    && (listItem || disjoint(unseen.regions(), current.regions())
                            || unseen.start() - pastConnector(text, chunkStart, chunkEnd) <= (chinese ? OPENING_ZH : OPENING))
                    && reportsAt(text, cues, unseen, chunkStart, chunkEnd, listItem, leadType, announced, chinese)) {
                // Another place with activity: in another region, or in the same one when the
                // paragraph opens with it ("Meanwhile, workers in Konabari…") or is a list item.
                starts.add(chunkStart);
                seen.addAll(unseen.ids());
                current = unseen;
            }
            if (afterTitle) {
                current = sentencesAtNewPlaces(text, places, cues, chunkStart, chunkEnd, starts, seen, current,
                        chinese, leadType, announced);
            }
            // A chunk holding only the dateline ("中新网北京11月5日电") is not yet the lead.
            leadSeen |= afterTitle && chunkEnd - chunkStart > (chinese ? MIN_LEAD_ZH : MIN_LEAD);
            chunkStart = next;
        }
        if (starts.isEmpty()) {
            return List.of();
        }
        if (starts.get(0) > 0) {
            starts.add(0, 0); // the lead before the first sub-headline may hold an event of its own
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            segments.add(new Segment(starts.get(i), end, headings.contains(starts.get(i))));
        }
        return segments;
    }

    /** Where the first sentence of {@code [from, to)} ends (the paragraph's end when it is one sentence). */
    static int firstSentenceEnd(String text, int from, int to, boolean chinese) {
        List<Integer> starts = chinese ? sentenceStartsZh(text, from, to) : sentenceStarts(text, from, to);
        return starts.isEmpty() ? to : starts.get(0);
    }

    /**
     * Where sentences start inside {@code [from, to)} of an alphabetic script: after a full stop,
     * question or exclamation mark or semicolon and the space after it, at a ", while" clause, and
     * at an Arabic or Persian "and in" clause.
     * A plain scan: this runs on every paragraph.
     */
    private static List<Integer> sentenceStarts(String text, int from, int to) {
        List<Integer> starts = new ArrayList<>();
        for (int i = from; i < to - 1; i++) {
            char c = text.charAt(i);
            boolean end = c == '.' || c == '!' || c == '?' || c == ';' || c == '؛';
            if ((end || c == ',' || c == '،') && Character.isWhitespace(text.charAt(i + 1))) {
                int next = i + 1;
                while (next < to && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                if (end || opensClause(text, next)) {
                    starts.add(next);
                }
                i = next - 1;
            } else if (c == ' ' && opensBareClause(text, i + 1)) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /**
     * The countries a text is about: named as countries, or named by at least two mentions of
     * regions or cities that lie only there.
     */
    private static Set<String> supportedCountries(List<Gazetteer.Mention> mentions) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> supported = new HashSet<>();
        for (Gazetteer.Mention mention : mentions) {
            Set<String> countries = new HashSet<>();
            mention.places().forEach(p -> countries.add(p.country()));
            if (countries.size() != 1) {
                continue;
            }
            String country = countries.iterator().next();
            if (mention.places().get(0).precision() == Precision.COUNTRY || counts.merge(country, 1, Integer::sum) >= 2) {
                supported.add(country);
            }
        }
        return supported;
    }

    /**
     * Words that open a sentence recalling earlier events ("سال گذشته نیز معدنچیان راور…",
     * "Last year, workers in…"): background to the story, not another event of it. Normalised.
     */
    static final List<String> PAST_TIMES = TextNormalizer.normalizeAll("سال گذشته", "ماه گذشته", "سال قبل", "ماه قبل",
            "last year", "last month", "العام الماضي", "الشهر الماضي", "السنة الماضية", "去年", "上个月", "上月");
    /** How far into a unit the words recalling the past may stand. */
    private static final int PAST_OPENING = 30;

    /**
     * Words of a plan rather than a report ("قرار شد جلسه بعدی در بناب برگزار شود", "a similar
     * course next month in Shahroud", "下周"): what is to come is not an event yet. Normalised.
     */
    private static final List<String> LATER_TIMES = TextNormalizer.normalizeAll("ماه آینده",
            "هفته آینده", "next week", "next month", "the next meeting", "الأسبوع المقبل", "الشهر المقبل", "下周", "下个月", "下月");
    /** Plans that show only at a unit's opening: further in, "قرار شد" is what a meeting agreed. */
    private static final List<String> LATER_OPENINGS = TextNormalizer.normalizeAll("قرار شد", "قرار است", "جلسه بعدی");

    /** Whether a unit opens by recalling the past or speaks of what is still to come: background either way. */
    private static boolean otherTime(String text, int from, int to) {
        String opening = text.substring(from, Math.min(to, from + PAST_OPENING));
        if (PAST_TIMES.stream().anyMatch(opening::contains) || LATER_OPENINGS.stream().anyMatch(opening::contains)) {
            return true;
        }
        String unit = text.substring(from, to);
        return LATER_TIMES.stream().anyMatch(unit::contains);
    }

    private static boolean opensBareClause(String text, int at) {
        if (at >= text.length() || BARE_OPENER_FIRSTS.indexOf(text.charAt(at)) < 0) {
            return false; // asked at every space: most spaces are followed by no opener's first letter
        }
        for (String opener : BARE_CLAUSE_OPENERS) {
            if (text.startsWith(opener, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean opensClause(String text, int at) {
        return CLAUSE_OPENERS.stream().anyMatch(opener -> text.startsWith(opener, at));
    }

    /** Where Chinese sentences and clauses start inside {@code [from, to)}: after 。！？ and the list-joining ；. */
    private static List<Integer> sentenceStartsZh(String text, int from, int to) {
        List<Integer> starts = new ArrayList<>();
        for (int i = from; i < to - 1; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '；' || c == ';' || c == '！' || c == '？' || c == '!' || c == '?') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /**
     * Words that link a report to the one before it ("Meanwhile,", "وفي سياق متصل،", "در همین
     * حال", "与此同时，"): the unit's own news starts after them, and so is measured how near its
     * opening a place is named. Normalised, longest first.
     */
    private static final List<String> CONNECTORS = TextNormalizer.normalizeAll("in a separate development", "in a related development",
            "in another incident", "at the same time", "meanwhile", "elsewhere", "separately", "similarly",
            "در حادثه‌ای دیگر", "در خبری دیگر", "از سوی دیگر", "در همین حال", "در ادامه", "همزمان", "همچنین",
            "ومن جهة أخرى", "وفي سياق متصل", "في سياق متصل", "وفي سياق آخر", "وفي الوقت نفسه", "في غضون ذلك", "من جهة أخرى",
            "وبالتزامن", "بالتزامن", "وكذلك", "كما",
            "与此同时", "同一天", "另据", "此外", "同时", "另外", "同日").stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    private static final String CONNECTOR_TAIL = " ,،，:：-—";

    /** Where a unit's own words start: after a connector and the comma after it, else at {@code from}. */
    static int pastConnector(String text, int from, int to) {
        int at = from;
        while (at < to && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        for (String connector : CONNECTORS) {
            if (text.startsWith(connector, at) && at + connector.length() < to
                    && CONNECTOR_TAIL.indexOf(text.charAt(at + connector.length())) >= 0) {
                int end = at + connector.length();
                while (end < to && CONNECTOR_TAIL.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                return end;
            }
        }
        return from;
    }

    /**
     * Whether the unit {@code [from, to)} reports news of its own at {@code place}: the place is
     * neither the dateline nor where people came from, and the unit has labour activity of its own,
     * or the lead's where it may lean on the lead or the title announced the place.
     */
    private static boolean reportsAt(String text, Cues cues, Named place, int from, int to, boolean listItem,
            EventType leadType, Set<String> announced, boolean chinese) {
        int offset = place.start() - pastConnector(text, from, to);
        return (listItem || !PlaceResolver.isDateline(text, place.start(), place.end())) && !PlaceResolver.isOrigin(text, place.start(), place.end())
                && !otherTime(text, from, to)
                && (active(cues, from, to, leaning(leadType, listItem, offset, chinese))
                        || reportsAnnounced(place, announced, leadType, offset, chinese));
    }

    /**
     * Whether {@code [from, to)} reports labour activity: a clear cue of its own, or a cue of the
     * lead's activity where the unit may lean on the lead ({@code leaningOn}, else null).
     */
    private static boolean active(Cues cues, int from, int to, EventType leaningOn) {
        Map<EventType, Integer> scores = cues.scores(from, to);
        int top = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return top >= LaborExtractor.MIN_TYPE_SCORE
                || (leaningOn != null && (scores.getOrDefault(leaningOn, 0) > 0 || top >= LEANING_SCORE));
    }

    /**
     * Whether a unit opening at {@code place} reports one of the places the title listed
     * ("…strike hits hospitals in Lagos, Rivers, Oyo" … "In Port Harcourt, doctors joined the
     * action"), or the title said its news comes from several places: the title announced it, so
     * the unit needs no cue of its own to be that place's event.
     */
    private static boolean reportsAnnounced(Named place, Set<String> announced, EventType leadType, int placeOffset,
            boolean chinese) {
        if (leadType == null || placeOffset > (chinese ? LEANING_OPENING_ZH : LEANING_OPENING)) {
            return false;
        }
        if (announced.contains(SEVERAL) && placeOffset <= OPENS_WITH_PLACE) {
            return true; // "…in several cities" … "ففي وهران، استقبلت المعاهد…"
        }
        return announced.stream().anyMatch(a -> place.regions().contains(a)
                || place.ids().stream().anyMatch(id -> id.equals(a) || id.startsWith(a + "/")));
    }

    /**
     * The lead's activity, where a unit may report it with few words of its own: a list item
     * under the lead, or a unit that opens with its place ("وفي منطقة مكة المكرمة، نفذت الفرق
     * 1,050 جولة", "同一天，海南省三亚市…"). A place named further in is more often background
     * (where the injured were taken, where a plan goes next), so it needs a clear cue of its own.
     */
    private static EventType leaning(EventType leadType, boolean listItem, int placeOffset, boolean chinese) {
        return leadType != null && (listItem || placeOffset <= (chinese ? LEANING_OPENING_ZH : LEANING_OPENING)) ? leadType : null;
    }

    /**
     * Inside one paragraph, a sentence or a "while …" clause that opens at a place not yet seen
     * and reports activity of its own starts another event: wire copy packs a round-up into one
     * paragraph ("In Tshwane about 3,000 workers marched…, while in eThekwini depot workers downed
     * tools. In Cape Town, …"). Returns the place the last such sentence is about.
     */
    private static Named sentencesAtNewPlaces(String text, List<Named> places, Cues cues, int from, int to,
            List<Integer> starts, Set<String> seen, Named current, boolean chinese, EventType leadType, Set<String> announced) {
        boolean anyUnseen = false;
        for (int i = Spans.firstAtOrAfter(places, Named::start, from + 1); i < places.size() && places.get(i).start() < to && !anyUnseen; i++) {
            anyUnseen = places.get(i).end() <= to && disjoint(places.get(i).ids(), seen);
        }
        if (!anyUnseen) {
            return current;
        }
        List<Integer> sentenceStarts = chinese ? sentenceStartsZh(text, from, to) : sentenceStarts(text, from, to);
        if (!chinese) {
            current = clausesAtNewPlaces(text, places, cues, from, sentenceStarts.isEmpty() ? to : sentenceStarts.get(0),
                    starts, seen, current);
        }
        for (int i = 0; i < sentenceStarts.size(); i++) {
            int start = sentenceStarts.get(i);
            int end = i + 1 < sentenceStarts.size() ? sentenceStarts.get(i + 1) : to;
            Named opening = firstPlace(places, start,
                    Math.min(end, pastConnector(text, start, end) + (chinese ? SENTENCE_OPENING_ZH : SENTENCE_OPENING)));
            if (!opening.isNone() && disjoint(opening.ids(), seen) && (starts.isEmpty() || start > starts.get(starts.size() - 1))
                    && reportsAt(text, cues, opening, start, end, false, leadType, announced, chinese)) {
                starts.add(start);
                seen.addAll(opening.ids());
                current = opening;
            }
            if (!chinese) {
                current = clausesAtNewPlaces(text, places, cues, start, end, starts, seen, current);
            }
        }
        return current;
    }

    /**
     * Inside one sentence, a clause after a comma that names a new place at once and reports an
     * activity of its own in clear words, after a clause that did too, starts another event: wire
     * copy strings a round-up's places along commas ("nurses in Kisumu issued a strike notice,
     * clinical officers in Kericho held a demonstration outside the county assembly, and …").
     * Both clauses must say their activity themselves: a comma before "where …" or "demanding …"
     * opens no news.
     */
    private static Named clausesAtNewPlaces(String text, List<Named> places, Cues cues, int from, int to,
            List<Integer> starts, Set<String> seen, Named current) {
        int clauseStart = from;
        for (int i = nextComma(text, from, to); i >= 0; i = nextComma(text, i + 1, to)) {
            int start = i + 2;
            int next = nextComma(text, start, to);
            int end = next < 0 ? to : next;
            int lastStart = starts.isEmpty() ? 0 : starts.get(starts.size() - 1);
            Named opening = firstPlace(places, start, Math.min(end, start + CLAUSE_OPENING));
            if (!opening.isNone() && disjoint(opening.ids(), seen) && start > lastStart
                    && saysOwnActivity(cues, Math.max(clauseStart, lastStart), i)
                    && saysOwnActivity(cues, start, end)
                    && !PlaceResolver.isDateline(text, opening.start(), opening.end())
                    && !PlaceResolver.isOrigin(text, opening.start(), opening.end()) && !otherTime(text, start, end)) {
                starts.add(start);
                seen.addAll(opening.ids());
                current = opening;
                clauseStart = start;
            }
        }
        return current;
    }

    /** The next comma ({@code ,} or {@code ،}) in {@code [from, to)} with a space after it, or -1. */
    private static int nextComma(String text, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if ((text.charAt(i) == ',' || text.charAt(i) == '،') && text.charAt(i + 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static boolean saysOwnActivity(Cues cues, int from, int to) {
        return cues.scores(from, to).values().stream().anyMatch(score -> score >= LaborExtractor.MIN_TYPE_SCORE);
    }

    /** A region or city mention: the ids and regions of the places it may be, and where it starts and ends. */
    private record Named(Set<String> ids, Set<String> regions, int start, int end) {
        static final Named NONE = new Named(Set.of(), Set.of(), -1, -1);

        boolean isNone() {
            return ids.isEmpty();
        }

        /**
         * A name that is also a common word ({@code ~}) names no place on its own, so it opens no
         * section, unless it is written as a name ({@code capitalised}: "Cape Town", not "cape").
         */
        static Named of(Gazetteer.Mention mention, boolean writtenAsName) {
            if (mention.name().weak() && !writtenAsName) {
                return NONE;
            }
            Set<String> ids = new HashSet<>();
            Set<String> regions = new HashSet<>();
            mention.places().stream().filter(p -> p.precision() != Precision.COUNTRY).forEach(p -> {
                ids.add(p.id());
                regions.add(p.region());
            });
            return ids.isEmpty() ? NONE : new Named(ids, regions, mention.start(), mention.end());
        }

        /**
         * The mentions that name a region or city, read once per document (they are sorted by
         * start). A name that is also a word counts where written as a name or listed by the
         * title beside other places ("…در عسلویه، کنگان و جم").
         */
        static List<Named> all(List<Gazetteer.Mention> mentions, TextNormalizer.Normalized normalized, Set<String> listedIds) {
            // How a name is written is looked at only for names that are also words.
            return mentions.stream()
                    .map(m -> of(m, !m.name().weak() || isCapitalised(normalized, m) || headsAnItem(normalized.text(), m)
                            || m.places().stream().anyMatch(p -> listedIds.contains(p.id()))))
                    .filter(named -> !named.isNone()).toList();
        }

        /** Whether the name heads a line as a list's item does ("中山：一家玩具厂…", "Mobile: …"). */
        private static boolean headsAnItem(String text, Gazetteer.Mention mention) {
            int lineStart = text.lastIndexOf('\n', mention.start() - 1) + 1;
            return (text.startsWith("：", mention.end()) || text.startsWith(":", mention.end()))
                    && LIST_MARK_OR_NOTHING.matcher(text).region(lineStart, mention.start()).matches();
        }

        /** Whether a Latin-script name is written with a capital, as names are and words mostly are not. */
        private static boolean isCapitalised(TextNormalizer.Normalized normalized, Gazetteer.Mention mention) {
            String written = normalized.originalOf(mention.start(), mention.end()).strip();
            return !written.isEmpty() && Scripts.of(written.codePointAt(0)) == Character.UnicodeScript.LATIN
                    && Character.isUpperCase(written.codePointAt(0));
        }
    }

    /** The first region or city named in {@code [from, to)}. */
    private static Named firstPlace(List<Named> places, int from, int to) {
        for (int i = Spans.firstAtOrAfter(places, Named::start, from); i < places.size() && places.get(i).start() < to; i++) {
            if (places.get(i).end() <= to) {
                return places.get(i);
            }
        }
        return Named.NONE;
    }


    /**
     * A place not yet seen, named right after {@code outer} and in its region ("Gazipur's
     * Konabari", "白银市平川区"): a more precise place than the one already reported.
     */
    private static Named placeWithin(List<Named> places, Named outer, int to, Set<String> seen) {
        if (outer.isNone()) {
            return Named.NONE;
        }
        return places.stream()
                .filter(named -> named.start() >= outer.end() && named.start() - outer.end() <= CONTAINMENT_GAP && named.end() <= to)
                .filter(named -> disjoint(named.ids(), seen) && !disjoint(named.regions(), outer.regions()))
                .findFirst()
                .orElse(Named.NONE);
    }

    /** The region or city a chunk opens with. */
    private static Named openingPlace(List<Named> places, int chunkStart) {
        Named first = firstPlace(places, chunkStart, Integer.MAX_VALUE);
        return first.start() <= chunkStart + 3 ? first : Named.NONE;
    }

    /**
     * Whether no place of {@code a} is, lies in, or contains a place of {@code b}: a county and
     * the prefecture it lies in (ids {@code CN-AH/anqing} and {@code CN-AH/anqing/tongcheng}) are
     * one place for telling sections apart. Regions are left out: a round-up names the region
     * first and then its cities, each a section of its own.
     */
    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y) || (x.indexOf('/') > 0 && y.indexOf('/') > 0 && (x.startsWith(y + "/") || y.startsWith(x + "/")))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * How many places {@code named} lists, counting only the most specific: a region or city
     * with a place inside it named too ("内蒙古鄂尔多斯", "استان کرمان: … سیرجان … رفسنجان") is
     * not one more.
     */
    private static int distinctPlaces(List<Named> named) {
        List<Named> apart = new ArrayList<>();
        for (Named n : named) {
            boolean containsAnother = named.stream().anyMatch(m -> m != n && contains(n.ids(), m.ids()));
            if (!containsAnother && apart.stream().allMatch(a -> disjoint(a.ids(), n.ids()))) {
                apart.add(n);
            }
        }
        return apart.size();
    }

    /** Whether a place of {@code outer} is a region or city that a place of {@code inner} lies in. */
    private static boolean contains(Set<String> outer, Set<String> inner) {
        return outer.stream().anyMatch(x -> inner.stream().anyMatch(y -> y.startsWith(x + "/")));
    }

    private static List<Named> placesIn(List<Named> places, int from, int to) {
        List<Named> inside = new ArrayList<>();
        for (int i = Spans.firstAtOrAfter(places, Named::start, from); i < places.size() && places.get(i).start() < to; i++) {
            if (places.get(i).end() <= to) {
                inside.add(places.get(i));
            }
        }
        return inside;
    }

    /** The cue scores the sectioning reads, from the engine's lexicon over this text. */
    interface Cues {
        /** Scores by type of the cues in {@code [from, to)}. */
        Map<EventType, Integer> scores(int from, int to);

        /** The type {@code [from, to)} reports clearly enough to lead a reading, or null. */
        EventType leadingType(int from, int to);
    }

    private RoundUpSections() {
    }
}
