package io.laborpulse.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction engine: language, normalisation, places, event type, participants and dates,
 * with round-ups split into one event per place and activity.
 *
 * <p>A round-up is recognised by its sub-headlines: short lines (or, in Chinese, space-separated
 * blocks) that open with a place name ("白银市总工会开展…"). Each such section that reads as
 * labour activity at a resolvable place becomes its own event; with fewer than two, the text is
 * read as one story with one event at its main place.
 */
public final class LaborExtractor implements Extractor {

    private static final int EVIDENCE_LENGTH = 200;
    private static final int MIN_TYPE_SCORE = 3;
    /** How much of an accident report's opening states its own casualties; later ones are background. */
    private static final int ACCIDENT_LEAD = 400;
    private static final int MAX_SECONDARY = 3;
    private static final Pattern CHUNK_BREAK_ZH = Pattern.compile("[\\n\\s\\u3000]+");
    private static final Pattern CHUNK_BREAK = Pattern.compile("\\n+");
    /** A headline longer than this is a first paragraph, not a headline. */
    private static final int MAX_HEADLINE = 200;
    /** What may stand between the places of a list: commas, "and", "و", "、", "in". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:[,،、/&]|\\band\\b|و|和|及|与)\\s*(?:در\\s|in\\s|في\\s)?\\s*");
    /** A listed place's event is as sure as the headline's reading, less the guess that it is the same activity. */
    private static final double LISTED_CONFIDENCE = 0.8;
    /** A list item naming its place first: "- اهواز: …", "• Durban: …", "1. 兰州：…". */
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-–•*·]|[0-9]{1,2}[.)])?\\s*[^\\s:：،,]{2,20}(?:\\s[^\\s:：،,]{1,20}){0,2}\\s*[:：]");
    /** How near a sentence's start its place must be named. */
    private static final int SENTENCE_OPENING = 80;
    private static final int SENTENCE_OPENING_ZH = 25;
    /** How far before a listed place "来自" (coming from) may stand, a province's name between. */
    private static final int ORIGIN_REACH = 6;
    /** A lead is longer than a dateline. */
    private static final int MIN_LEAD = 40;
    private static final int MIN_LEAD_ZH = 15;
    /** How near a unit's start its place must be for the unit to lean on the lead's activity. */
    private static final int LEANING_OPENING = 40;
    private static final int LEANING_OPENING_ZH = 15;
    /** Words that open a clause reporting another place's news after a comma ("…, while in Kochi …"). */
    private static final List<String> CLAUSE_OPENERS = List.of("while ", "and ", "whereas ",
            "وفي ", "فيما ", "بينما ", "كما ", "و در ", "در حالی که ");
    /** A list item's mark: a dash or bullet, "1." / "2)" / "3、", 一是 / （二） / 三、. */
    private static final Pattern LIST_MARK = Pattern.compile(
            "\\s*(?:[-–•*·▪●]|[0-9]{1,2}[.)、]|[一二三四五六七八九十]{1,2}[是、]|[(（][一二三四五六七八九十0-9]{1,2}[)）])");
    /**
     * How near a paragraph's start a place must be named for the paragraph to be about it: the
     * opening clause, about 60 characters of Chinese, twice that in alphabetic scripts.
     */
    private static final int OPENING_ZH = 60;
    private static final int OPENING = 120;
    /** At most this many characters between a place and a place inside it ("'s ", "市"). */
    private static final int CONTAINMENT_GAP = 4;
    /** Page furniture after an article's end: links to other stories. */
    private static final Pattern FURNITURE = Pattern.compile(
            "\\s*(?:上一篇|下一篇|相关阅读|相关新闻|相关文章|related|read more|see also|اقرا ایضا|اقرا المزید|بیشتر بخوانید|اخبار مرتبط|خبرهای مرتبط)");
    /** Types that lead whenever they score at least this much, in this order (see {@link #byPrecedence}). */
    private static final List<Lead> PRECEDENCE = List.of(new Lead(EventType.STRIKE, MIN_TYPE_SCORE),
            new Lead(EventType.PROTEST, MIN_TYPE_SCORE), new Lead(EventType.ACCIDENT_SAFETY, 5));

    /**
     * Types whose words have common senses outside work ("a late strike", "a lightning strike",
     * an air conditioner that goes 罢工, football fans' تجمع): they count only when the document
     * names someone from the world of work (see {@link #worldOfWorkNamed}).
     */
    private static final Set<EventType> OTHER_SENSES = Set.of(EventType.STRIKE, EventType.PROTEST);

    /** A type that leads the reading when its score reaches {@code floor}. */
    private record Lead(EventType type, int floor) {
    }
    /** Types that name what workers suffer rather than what anyone does about it. */
    private static final Set<EventType> GRIEVANCES = Set.of(EventType.WAGE_ARREARS, EventType.LAYOFF_CLOSURE);
    /** Share of the main type's score another type needs to be listed as secondary. */
    private static final double SECONDARY_SHARE = 0.34;
    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    /** {@code " date 2025-09-10 "}, which the crawler puts in front of some texts. */
    private static final Pattern CRAWL_DATE_MARKER = Pattern.compile("\\s*date\\s+([0-9]{4}-[0-9]{2}-[0-9]{2})\\s+");

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final DateReader dates;

    public LaborExtractor(Gazetteer gazetteer, Lexicon lexicon, DateReader dates) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.dates = dates;
    }

    /** The engine over the data files on the classpath, read once; immutable and thread-safe. */
    public static LaborExtractor loadDefault() {
        return new LaborExtractor(Gazetteer.loadDefault(), Lexicon.loadDefault(), DateReader.loadDefault());
    }

    @Override
    public Extraction extract(Document doc) {
        if (doc == null || doc.text() == null || doc.text().isBlank()) {
            throw new IllegalArgumentException("Document " + (doc == null ? null : doc.id())
                    + " has no text to read: text is required and must not be blank");
        }
        String title = doc.title() == null ? "" : doc.title().strip();
        String body = doc.text();
        Instant published = doc.published();
        // The crawler writes the publication date in front of some texts; it is not an event date.
        Matcher marker = CRAWL_DATE_MARKER.matcher(body);
        if (marker.lookingAt()) {
            if (published == null) {
                published = LocalDate.parse(marker.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            body = body.substring(marker.end());
        }
        // Without a title, a short first line followed by more text is the headline.
        int firstBreak = body.strip().indexOf('\n');
        if (title.isEmpty() && firstBreak > 0 && firstBreak <= MAX_HEADLINE && !body.strip().substring(firstBreak).isBlank()) {
            title = body.strip().substring(0, firstBreak).strip();
        }
        // Many feeds repeat the headline as the text's first line: read once, it is the title.
        if (!title.isEmpty() && body.strip().startsWith(title) && !body.strip().substring(title.length()).isBlank()) {
            body = body.strip().substring(title.length());
        }
        String lang = LanguageDetector.detect(title.isEmpty() ? body : title + "\n" + body);
        if (lang.equals(LanguageDetector.UNDETERMINED) && doc.langHint() != null && !doc.langHint().isBlank()) {
            lang = doc.langHint().strip().toLowerCase(Locale.ROOT);
        }
        TextNormalizer.Normalized normalized = TextNormalizer.normalizeWithOffsets(title.isEmpty() ? body : title + "\n" + body);
        String text = normalized.text();
        int titleEnd = title.isEmpty() ? 0 : firstFrom(normalized, title.length());
        String prior = priorCountry(doc.countryHint(), lang);
        Lexicon.Hits cues = lexicon.find(lang, text);
        Reading reading = new Reading(lang, normalized, PlaceResolver.settle(gazetteer.find(text), prior),
                cues, worldOfWorkNamed(lexicon.score(cues, 0, text.length())), titleEnd, prior, published);

        List<ExtractedEvent> roundUp = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        List<Gazetteer.Mention> listed = listedPlaces(text, reading.mentions(), titleEnd, lang.equals("zh"));
        List<Segment> segments = segments(reading, listed);
        if (segments.size() >= 2) {
            EventType leadType = leadingType(reading, 0, segments.get(1).start()).orElse(null);
            for (Segment segment : segments) {
                read(reading, segment, true, leadType).filter(e -> seen.add(identity(e, segment))).ifPresent(roundUp::add);
            }
        }
        List<ExtractedEvent> events = withoutSummaries(roundUp);
        if (events.size() < 2) {
            events = read(reading, new Segment(0, text.length(), false), false, null).map(List::of).orElse(List.of());
        }
        return new Extraction(lang, withListedPlaces(events, listed, normalized));
    }

    /**
     * Places a headline lists as one run ("تجمع در اهواز، تهران، اراک و رشت", "strike hits
     * hospitals in Lagos, Rivers, Oyo", "陇南、天水两地"): each is where the headline's activity
     * happened. Only names of one meaning count, and only when a separator (a comma, "and", و, 、)
     * and nothing else stands between them.
     */
    private static List<Gazetteer.Mention> listedPlaces(String text, List<Gazetteer.Mention> mentions, int titleEnd,
            boolean chinese) {
        int headlineEnd = titleEnd > 0 ? titleEnd : Math.max(0, text.indexOf('\n'));
        if (headlineEnd == 0 || headlineEnd > MAX_HEADLINE) {
            return List.of();
        }
        List<Gazetteer.Mention> inHeadline = listedIn(text, mentions, 0, headlineEnd);
        if (!inHeadline.isEmpty()) {
            return inHeadline;
        }
        // The lead's first sentence lists them as often ("وقفات احتجاجية … بكل من الدار البيضاء والمحمدية وسطات").
        int leadStart = headlineEnd;
        while (leadStart < text.length() && Character.isWhitespace(text.charAt(leadStart))) {
            leadStart++;
        }
        int paragraphEnd = text.indexOf('\n', leadStart);
        int leadEnd = firstSentenceEnd(text, leadStart, paragraphEnd < 0 ? text.length() : paragraphEnd, chinese);
        List<Gazetteer.Mention> inLead = leadStart < text.length() ? listedIn(text, mentions, leadStart, leadEnd) : List.of();
        // Where workers came from ("来自南阳市内乡、淅川等县", "从上海、苏州、杭州等地") or a scope left
        // open with 等 ("etc.") is one event's reach, not a list of events.
        // So is a list of the districts of one city named besides ("天水市总工会联合秦州区、麦积区总工会").
        if (inLead.isEmpty() || text.substring(Math.max(0, inLead.get(0).start() - ORIGIN_REACH), inLead.get(0).start()).contains("来自")
                || isOrigin(text, inLead.get(0).start()) || text.startsWith("从", inLead.get(0).start() - 1)
                || text.startsWith("等", inLead.get(inLead.size() - 1).end()) || insideOneCity(inLead, mentions)) {
            return List.of();
        }
        return inLead;
    }

    private static boolean insideOneCity(List<Gazetteer.Mention> listed, List<Gazetteer.Mention> mentions) {
        return mentions.stream().filter(m -> !listed.contains(m)).flatMap(m -> m.places().stream())
                .filter(p -> p.precision() == Precision.CITY)
                .anyMatch(city -> listed.stream().allMatch(m -> m.places().get(0).id().startsWith(city.id() + "/")));
    }

    /** The longest run of listed places inside {@code [from, to)}, or none when it has fewer than two. */
    private static List<Gazetteer.Mention> listedIn(String text, List<Gazetteer.Mention> mentions, int from, int to) {
        List<Gazetteer.Mention> best = List.of();
        List<Gazetteer.Mention> run = new ArrayList<>();
        for (Gazetteer.Mention named : mentions) {
            if (named.start() < from) {
                continue;
            }
            if (named.end() > to) {
                break;
            }
            Gazetteer.Mention mention = onePlace(named);
            // A name that is also a word ("Rivers") counts inside a run of places of its country.
            boolean usable = mention != null && mention.places().get(0).precision() != Precision.COUNTRY
                    && (!mention.name().weak() || (!run.isEmpty()
                            && run.get(run.size() - 1).places().get(0).country().equals(mention.places().get(0).country())));
            if (!usable) {
                run = new ArrayList<>();
                continue;
            }
            if (!run.isEmpty() && !LIST_SEPARATOR.matcher(text.substring(run.get(run.size() - 1).end(), mention.start())).matches()) {
                run = new ArrayList<>();
            }
            run.add(mention);
            if (run.size() > best.size()) {
                best = List.copyOf(run);
            }
        }
        // "Corrigan, Texas": a region beside a place inside it qualifies that place, it is not another one.
        List<Gazetteer.Mention> list = best;
        List<Gazetteer.Mention> places = list.stream()
                .filter(m -> m.places().get(0).precision() != Precision.REGION || list.stream().noneMatch(o -> o != m
                        && o.places().get(0).region().equals(m.places().get(0).region())))
                .toList();
        return places.size() >= 2 ? places : List.of();
    }

    /**
     * The mention with the one place it names, or null: a state and its capital sharing a name
     * (Lagos, اصفهان) are read as the city, as {@link PlaceResolver} reads them.
     */
    private static Gazetteer.Mention onePlace(Gazetteer.Mention mention) {
        // Among places, a name that is a country's and its capital's (تونس, Kuwait) is the city.
        List<Place> places = mention.places().stream().filter(p -> p.precision() != Precision.COUNTRY).toList();
        if (places.isEmpty()) {
            return null;
        }
        if (places.size() < mention.places().size()) {
            mention = new Gazetteer.Mention(new Gazetteer.Name(mention.name().normalized(), places, mention.name().weak()),
                    mention.start(), mention.end());
        }
        if (places.size() == 1) {
            return mention;
        }
        if (places.get(0).region() == null || places.stream().map(Place::region).distinct().count() > 1) {
            return null;
        }
        Place city = places.stream().max(Comparator.comparing(Place::precision)).orElseThrow();
        return new Gazetteer.Mention(new Gazetteer.Name(mention.name().normalized(), List.of(city), mention.name().weak()),
                mention.start(), mention.end());
    }

    /** One event per listed place: those read already, and the headline's activity at the others. */
    private List<ExtractedEvent> withListedPlaces(List<ExtractedEvent> events, List<Gazetteer.Mention> listed,
            TextNormalizer.Normalized normalized) {
        if (listed.isEmpty() || events.isEmpty() || events.size() >= listed.size()) {
            return events;
        }
        Set<String> written = new HashSet<>();
        events.forEach(e -> written.add(e.place() == null ? "" : TextNormalizer.normalize(e.place()).strip()));
        ExtractedEvent lead = events.get(0);
        List<ExtractedEvent> all = new ArrayList<>(events);
        for (Gazetteer.Mention mention : listed) {
            if (written.contains(mention.name().normalized())) {
                continue;
            }
            Place place = mention.places().get(0);
            // A listed state is reported already by an event anywhere in it (Rivers by Port Harcourt).
            if (place.precision() == Precision.REGION && events.stream().anyMatch(e -> place.region().equals(e.region()))) {
                continue;
            }
            all.add(new ExtractedEvent(lead.type(), lead.secondaryTypes(), place.country(), place.region(),
                    gazetteer.place(place.region()).name(), normalized.originalOf(mention.start(), mention.end()).strip(),
                    place.precision(), null, lead.eventDate(),
                    lead.actors(), lead.sector(), lead.confidence() * LISTED_CONFIDENCE, lead.evidence()));
        }
        return all;
    }

    /**
     * The place a structured record's place fields name: an ISO 3166 code the gazetteer knows,
     * else the names read as a text ("Pakdasht, Tehran", "兰州市城关区"), settled as in an article.
     *
     * @param names       the place, region and country as the source wrote them, most specific first
     * @param countryHint ISO 3166-1 code the record is known to be about, or null
     */
    public Optional<Place> resolvePlace(String names, String countryHint) {
        if (names == null || names.isBlank()) {
            return Optional.empty();
        }
        String code = names.strip().toUpperCase(Locale.ROOT);
        if (ISO_CODE.matcher(code).matches() && gazetteer.place(code) != null) {
            return Optional.of(gazetteer.place(code));
        }
        String text = TextNormalizer.normalize(names);
        List<Gazetteer.Mention> mentions = gazetteer.find(text);
        String prior = countryHint == null ? null : countryHint.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(PlaceResolver.resolve(mentions, text, 0, prior,
                PlaceResolver.unambiguousRegions(mentions)).place());
    }

    /**
     * The taxonomy type a source's label stands for: the type's own name ("strike", "WAGE_ARREARS"),
     * else the type the label's words score highest for in the lexicon of its language.
     */
    public Optional<EventType> typeOf(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String symbol = label.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (EventType type : EventType.values()) {
            if (type.name().equals(symbol)) {
                return Optional.of(type);
            }
        }
        String lang = LanguageDetector.detect(label);
        return lexicon.score(lang, TextNormalizer.normalize(label)).byType().entrySet().stream()
                .max(Map.Entry.<EventType, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }

    /** What a whole document contributes to reading any of its segments. */
    private record Reading(String lang, TextNormalizer.Normalized normalized, List<Gazetteer.Mention> mentions,
            Lexicon.Hits cues, boolean workNamed, int titleEnd, String prior, Instant published) {

        Set<String> context() {
            return PlaceResolver.unambiguousRegions(mentions);
        }
    }

    /** A span {@code [start, end)} of the normalised text. */
    private record Segment(int start, int end, boolean headed) {
    }

    /**
     * One event from the document or one of its segments, if it reads as labour news.
     *
     * @param leadType for a round-up's segment, the activity its title and lead report (null
     *                 when they report none, or for a whole document): a section whose own words
     *                 say little more than its place ("- Jeddah: 98 violations") is that activity
     */
    private Optional<ExtractedEvent> read(Reading doc, Segment segment, boolean partOfRoundUp, EventType leadType) {
        String text = doc.normalized().text().substring(segment.start(), segment.end());
        Lexicon.Scores scores = lexicon.score(doc.cues(), segment.start(), segment.end());
        List<Map.Entry<EventType, Integer>> ranked = ranked(scores, doc.workNamed());
        int top = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        // A round-up's segment must show labour activity itself or share its lead's; a whole
        // story may rest on its actor.
        boolean labour = top >= MIN_TYPE_SCORE || (top > 0 && scores.actor()) || (!partOfRoundUp && scores.actor())
                || leadType != null;
        if (!labour) {
            return Optional.empty();
        }
        List<Gazetteer.Mention> inside = doc.mentions().stream()
                .filter(m -> m.start() >= segment.start() && m.end() <= segment.end())
                .map(m -> new Gazetteer.Mention(m.name(), m.start() - segment.start(), m.end() - segment.start()))
                .toList();
        int titleEnd = Math.max(0, doc.titleEnd() - segment.start());
        PlaceResolver.Resolution where = PlaceResolver.resolve(inside, text, titleEnd, doc.prior(), doc.context());
        if (partOfRoundUp && (where.place() == null || where.place().precision() == Precision.COUNTRY)) {
            return Optional.empty();
        }
        ranked = byPrecedence(ranked);
        top = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        EventType own = ranked.isEmpty() ? EventType.OTHER : ranked.get(0).getKey();
        EventType type = leadType == null ? own : sectionType(own, top, leadType);
        int second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        int secondaryFloor = Math.max(2, (int) Math.ceil(top * SECONDARY_SHARE));
        List<EventType> secondary = ranked.stream()
                .filter(e -> e.getKey() != type && (e.getKey() == own || e.getValue() >= secondaryFloor))
                .limit(MAX_SECONDARY)
                .map(Map.Entry::getKey)
                .toList();
        Place place = where.place();
        Precision precision = place == null ? Precision.UNKNOWN : place.precision();
        String country = place == null ? null : place.country();
        String region = place == null ? null : place.region();
        String regionName = region != null ? gazetteer.place(region).name() : place != null ? place.name() : null;
        String asWritten = where.mention() == null ? null : doc.normalized().originalOf(
                where.mention().start() + segment.start(), where.mention().end() + segment.start()).strip();
        return Optional.of(new ExtractedEvent(type, secondary, country, region, regionName, asWritten, precision,
                participants(doc.lang(), type, text), dates.eventDate(doc.lang(), text, doc.published()),
                List.copyOf(scores.actors()), scores.sector(), confidence(top, second, precision), evidence(doc.normalized(), segment)));
    }

    /** Whether a text names workers, an employer, a union, an authority or a trade: what makes a strike a labour one. */
    private static boolean worldOfWorkNamed(Lexicon.Scores whole) {
        return whole.actor() || whole.sector() != null;
    }

    /** An accident's participants are its casualties, read from the lead only; anything else's, the first count of people. */
    private static Long participants(String lang, EventType type, String text) {
        return type == EventType.ACCIDENT_SAFETY
                ? NumberReader.casualties(lang, text.substring(0, Math.min(text.length(), ACCIDENT_LEAD)))
                : NumberReader.participants(lang, text);
    }

    /**
     * A round-up section's type, given its own reading and the lead's. A section with no clear
     * type of its own is the lead's activity. So is one whose own words are a grievance (arrears,
     * closures) under a lead reporting what was done about it ("公布一批拖欠农民工工资违法案件:
     * 1.成都市…拖欠28名农民工工资"), and an accident under a lead reporting enforcement (penalties
     * after deaths): the grievance or the accident is why, and stays as a secondary type.
     */
    static EventType sectionType(EventType own, int ownScore, EventType leadType) {
        if (ownScore < MIN_TYPE_SCORE) {
            return leadType;
        }
        if (GRIEVANCES.contains(own) && !GRIEVANCES.contains(leadType)) {
            return leadType;
        }
        return own == EventType.ACCIDENT_SAFETY && leadType == EventType.INSPECTION_ENFORCEMENT ? leadType : own;
    }

    /**
     * A span's types by score, highest first (on a tie, in the taxonomy's order), without strike
     * and protest words where the document names nobody from the world of work.
     */
    private static List<Map.Entry<EventType, Integer>> ranked(Lexicon.Scores scores, boolean workNamed) {
        return scores.byType().entrySet().stream()
                .filter(e -> workNamed || !OTHER_SENSES.contains(e.getKey()))
                .sorted(Map.Entry.<EventType, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** The type {@code [from, to)} reports clearly enough to lead a reading, by score and precedence. */
    private Optional<EventType> leadingType(Reading doc, int from, int to) {
        List<Map.Entry<EventType, Integer>> ranked = byPrecedence(ranked(lexicon.score(doc.cues(), from, to), doc.workNamed()));
        return ranked.isEmpty() || ranked.get(0).getValue() < MIN_TYPE_SCORE ? Optional.empty() : Optional.of(ranked.get(0).getKey());
    }

    /** The first normalised offset whose character comes from at or after {@code originalOffset}. */
    private static int firstFrom(TextNormalizer.Normalized normalized, int originalOffset) {
        int[] starts = normalized.originStart();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] >= originalOffset) {
                return i;
            }
        }
        return starts.length;
    }

    /**
     * Workers acting is the event; what they act over (arrears, layoffs) is its cause, and an
     * inquiry or a visit after an accident is its sequel. So types with a clear score go first in
     * this order, whatever the rest scores: a strike (a protest during a strike is part of it),
     * a protest, then an accident; the others follow by score and stay as secondary types. A type
     * mentioned only in passing (below the share a secondary type needs) does not lead. When
     * OTHER leads on its own cues (a ceremony, a film, a novel), a strike the text names is its
     * subject, not an event: the ranking stands.
     */
    private static List<Map.Entry<EventType, Integer>> byPrecedence(List<Map.Entry<EventType, Integer>> ranked) {
        if (!ranked.isEmpty() && ranked.get(0).getKey() == EventType.OTHER) {
            return ranked;
        }
        List<Map.Entry<EventType, Integer>> reordered = new ArrayList<>(ranked.size());
        double secondaryFloor = ranked.isEmpty() ? 0 : ranked.get(0).getValue() * SECONDARY_SHARE;
        PRECEDENCE.forEach(lead -> ranked.stream()
                .filter(e -> e.getKey() == lead.type() && e.getValue() >= lead.floor() && e.getValue() >= secondaryFloor)
                .forEach(reordered::add));
        ranked.stream().filter(e -> !reordered.contains(e)).forEach(reordered::add);
        return reordered;
    }

    /**
     * Where a round-up's sections start. A chunk (a line; in Chinese also a list item or a
     * space-separated block) starts a section when it is a sub-headline opened by a place name,
     * or when it reports labour activity of its own at a place the current section is not about
     * and no earlier section was. The title never stands alone: it belongs with the lead.
     */
    private List<Segment> segments(Reading reading, List<Gazetteer.Mention> listed) {
        TextNormalizer.Normalized normalized = reading.normalized();
        List<Gazetteer.Mention> mentions = reading.mentions();
        Lexicon.Hits cues = reading.cues();
        int titleEnd = reading.titleEnd();
        String text = normalized.text();
        boolean chinese = reading.lang().equals("zh");
        int maxHeading = chinese ? 40 : 90;
        Matcher breaks = (chinese ? CHUNK_BREAK_ZH : CHUNK_BREAK).matcher(text);
        List<Integer> starts = new ArrayList<>();
        Set<Integer> headings = new HashSet<>();
        Set<String> seen = new HashSet<>(); // ids of the places the sections so far are about
        Set<String> countries = supportedCountries(mentions);
        // A city of a country the text is otherwise not about is more likely a person's name
        // ("Samara Taft, NCWorks manager"): it opens no section.
        List<Named> places = Named.all(mentions, normalized).stream()
                .filter(named -> named.regions().stream().anyMatch(r -> countries.contains(r.substring(0, 2))))
                .toList();
        Named current = Named.NONE;
        boolean leadSeen = false;
        EventType leadType = null; // the activity the title and lead report, which later sections may share
        Set<String> announced = new HashSet<>(); // ids of the places a title lists, each to be reported in turn
        listed.forEach(m -> m.places().forEach(p -> announced.add(p.id())));
        int chunkStart = 0;
        while (chunkStart < text.length()) {
            int chunkEnd = breaks.find(chunkStart) ? breaks.start() : text.length();
            int next = chunkEnd < text.length() ? breaks.end() : text.length();
            if (FURNITURE.matcher(text).region(chunkStart, chunkEnd).lookingAt()) {
                break; // "related articles", "next:" — the article has ended
            }
            Named opening = openingPlace(places, chunkStart);
            boolean listItem = LIST_MARK.matcher(text).region(chunkStart, chunkEnd).lookingAt();
            Named heading = !opening.isNone() && !PlaceResolver.isDateline(text, opening.start(), opening.end())
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
                List<Named> named = placesIn(places, chunkStart, unitEnd);
                // A title naming several places is the round-up's table of contents: each of
                // them is still to be reported, so none is taken as read.
                if (afterTitle || distinctPlaces(named) < 2) {
                    named.forEach(n -> seen.addAll(n.ids()));
                } else {
                    named.forEach(n -> announced.addAll(n.ids()));
                }
                if (leadType == null) {
                    leadType = leadingType(reading, 0, unitEnd).orElse(null);
                }
            } else if (!unseen.isNone() && !PlaceResolver.isDateline(text, unseen.start(), unseen.end()) && !isOrigin(text, unseen.start())
                    && (listItem || disjoint(unseen.regions(), current.regions())
                            || unseen.start() - chunkStart <= (chinese ? OPENING_ZH : OPENING))
                    && (active(cues, chunkStart, chunkEnd, leaning(leadType, listItem, unseen.start() - chunkStart, chinese))
                            || reportsAnnounced(unseen, announced, leadType, unseen.start() - chunkStart, chinese))) {
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
    private static int firstSentenceEnd(String text, int from, int to, boolean chinese) {
        List<Integer> starts = chinese ? sentenceStartsZh(text, from, to) : sentenceStarts(text, from, to);
        return starts.isEmpty() ? to : starts.get(0);
    }

    /**
     * Where sentences start inside {@code [from, to)} of an alphabetic script: after a full stop,
     * question or exclamation mark or semicolon and the space after it, and at a ", while" clause.
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
            }
        }
        return starts;
    }

    /**
     * The countries a text is about: named as countries, or named by at least two mentions of
     * regions or cities that lie only there.
     */
    private static Set<String> supportedCountries(List<Gazetteer.Mention> mentions) {
        Map<String, Integer> counts = new java.util.HashMap<>();
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

    /** A place people come from ("来自四川的建筑工人", "workers from Kerala") is not where they act. */
    private static boolean isOrigin(String text, int placeStart) {
        return text.startsWith("来自", placeStart - 2) || text.startsWith("from ", placeStart - 5);
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
     * Whether {@code [from, to)} reports labour activity: a clear cue of its own, or a cue of the
     * lead's activity where the unit may lean on the lead ({@code leaningOn}, else null).
     */
    private boolean active(Lexicon.Hits cues, int from, int to, EventType leaningOn) {
        Map<EventType, Integer> scores = lexicon.score(cues, from, to).byType();
        int top = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return top >= MIN_TYPE_SCORE || (leaningOn != null && scores.getOrDefault(leaningOn, 0) > 0);
    }

    /**
     * Whether a unit opening at {@code place} reports one of the places the title listed
     * ("…strike hits hospitals in Lagos, Rivers, Oyo" … "In Port Harcourt, doctors joined the
     * action"): the title announced it, so the unit needs no cue of its own to be that place's event.
     */
    private static boolean reportsAnnounced(Named place, Set<String> announced, EventType leadType, int placeOffset,
            boolean chinese) {
        if (leadType == null || placeOffset > (chinese ? LEANING_OPENING_ZH : LEANING_OPENING)) {
            return false;
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
    private Named sentencesAtNewPlaces(String text, List<Named> places, Lexicon.Hits cues, int from, int to,
            List<Integer> starts, Set<String> seen, Named current, boolean chinese, EventType leadType, Set<String> announced) {
        boolean anyUnseen = false;
        for (int i = indexFrom(places, from + 1); i < places.size() && places.get(i).start() < to && !anyUnseen; i++) {
            anyUnseen = places.get(i).end() <= to && disjoint(places.get(i).ids(), seen);
        }
        if (!anyUnseen) {
            return current;
        }
        List<Integer> sentenceStarts = chinese ? sentenceStartsZh(text, from, to) : sentenceStarts(text, from, to);
        for (int i = 0; i < sentenceStarts.size(); i++) {
            int start = sentenceStarts.get(i);
            int end = i + 1 < sentenceStarts.size() ? sentenceStarts.get(i + 1) : to;
            Named opening = firstPlace(places, start, Math.min(end, start + (chinese ? SENTENCE_OPENING_ZH : SENTENCE_OPENING)));
            if (!opening.isNone() && disjoint(opening.ids(), seen) && (starts.isEmpty() || start > starts.get(starts.size() - 1))
                    && !PlaceResolver.isDateline(text, opening.start(), opening.end()) && !isOrigin(text, opening.start())
                    && (active(cues, start, end, leaning(leadType, false, opening.start() - start, chinese))
                            || reportsAnnounced(opening, announced, leadType, opening.start() - start, chinese))) {
                starts.add(start);
                seen.addAll(opening.ids());
                current = opening;
            }
        }
        return current;
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
        static Named of(Gazetteer.Mention mention, boolean capitalised) {
            if (mention.name().weak() && !capitalised) {
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

        /** The mentions that name a region or city, read once per document (they are sorted by start). */
        static List<Named> all(List<Gazetteer.Mention> mentions, TextNormalizer.Normalized normalized) {
            return mentions.stream().map(m -> of(m, isCapitalised(normalized, m))).filter(named -> !named.isNone()).toList();
        }

        /** Whether a Latin-script name is written with a capital, as names are and words mostly are not. */
        private static boolean isCapitalised(TextNormalizer.Normalized normalized, Gazetteer.Mention mention) {
            String written = normalized.originalOf(mention.start(), mention.end()).strip();
            return !written.isEmpty() && Character.UnicodeScript.of(written.codePointAt(0)) == Character.UnicodeScript.LATIN
                    && Character.isUpperCase(written.codePointAt(0));
        }
    }

    /** The first region or city named in {@code [from, to)}. */
    private static Named firstPlace(List<Named> places, int from, int to) {
        for (int i = indexFrom(places, from); i < places.size() && places.get(i).start() < to; i++) {
            if (places.get(i).end() <= to) {
                return places.get(i);
            }
        }
        return Named.NONE;
    }

    /** The index of the first place named at or after {@code offset} (places are in text order). */
    private static int indexFrom(List<Named> places, int offset) {
        int low = 0;
        int high = places.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (places.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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
        for (int i = indexFrom(places, from); i < places.size() && places.get(i).start() < to; i++) {
            if (places.get(i).end() <= to) {
                inside.add(places.get(i));
            }
        }
        return inside;
    }

    /**
     * A section placed only at region level ("our province's unions…") beside sections placed in
     * cities of that region is the round-up's summary, not an event of its own.
     */
    private static List<ExtractedEvent> withoutSummaries(List<ExtractedEvent> events) {
        Set<String> regionsWithCities = new HashSet<>();
        events.stream().filter(e -> e.precision() == Precision.CITY).forEach(e -> regionsWithCities.add(e.region()));
        return events.stream()
                .filter(e -> !(e.precision() == Precision.REGION && regionsWithCities.contains(e.region())))
                .toList();
    }

    /**
     * What makes a round-up's event another event. A sub-headline announces a new item, so two
     * headed items at one place with the same activity are two events unless date and count agree
     * too; a paragraph that lands at a place and activity already read continues that story.
     */
    private static List<Object> identity(ExtractedEvent e, Segment segment) {
        return segment.headed()
                ? java.util.Arrays.asList(e.place(), e.region(), e.type(), e.eventDate(), e.participants())
                : java.util.Arrays.asList(e.place(), e.region(), e.type());
    }

    private static double confidence(int top, int second, Precision precision) {
        double margin = top == 0 ? 0 : (top - second) / (double) top;
        double strength = Math.min(1.0, top / 6.0);
        double placeFactor = switch (precision) {
            case CITY, REGION -> 1.0;
            case COUNTRY -> 0.8;
            case UNKNOWN -> 0.6;
        };
        double value = (0.4 + 0.4 * margin + 0.2 * strength) * placeFactor;
        return Math.round(value * 100) / 100.0;
    }

    /** {@code text[from, to)} with each run of whitespace as one space, trimmed. */
    private static String flattened(String text, int from, int to) {
        StringBuilder flat = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = flat.length() > 0;
            } else {
                if (space) {
                    flat.append(' ');
                    space = false;
                }
                flat.append(c);
            }
        }
        return flat.toString();
    }

    /** The segment's opening as the source wrote it, whitespace flattened, at most 200 chars. */
    private static String evidence(TextNormalizer.Normalized normalized, Segment segment) {
        int from = normalized.originalOffset(segment.start());
        int to = Math.min(normalized.originalOffset(segment.end()), from + EVIDENCE_LENGTH * 4);
        String flat = flattened(normalized.original(), from, to);
        if (flat.length() <= EVIDENCE_LENGTH) {
            return flat;
        }
        int cut = EVIDENCE_LENGTH - 1;
        if (Character.isLowSurrogate(flat.charAt(cut))) {
            cut--; // never split a supplementary character
        }
        return flat.substring(0, cut) + "…";
    }

    private static String priorCountry(String countryHint, String lang) {
        if (countryHint != null && !countryHint.isBlank()) {
            return countryHint.strip().toUpperCase(Locale.ROOT);
        }
        return switch (lang) {
            case "fa" -> "IR";
            case "zh" -> "CN";
            default -> null;
        };
    }

}
