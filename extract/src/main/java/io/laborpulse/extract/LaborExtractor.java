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
 * <p>{@link RoundUpSections} finds where a round-up's sections start (sub-headlines, list items,
 * paragraphs, sentences and clauses at new places). Each section that reads as labour activity at
 * a resolvable place becomes its own event; with fewer than two, the text is read as one story
 * with one event at its main place. Places a headline or lead lists each get the lead's activity.
 */
public final class LaborExtractor implements Extractor {

    private static final int EVIDENCE_LENGTH = 200;
    static final int MIN_TYPE_SCORE = 3;
    /** How far before a listed place "来自" (coming from) may stand, a province's name between. */
    private static final int ORIGIN_REACH = 6;
    /** How much of an accident report's opening states its own casualties; later ones are background. */
    private static final int ACCIDENT_LEAD = 400;
    private static final int MAX_SECONDARY = 3;
    /** A headline longer than this is a first paragraph, not a headline. */
    private static final int MAX_HEADLINE = 200;
    /** What may stand between the places of a list: commas, "and", "و", "、", "in". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*(?:[,،、/&]|\\band\\b|و|和|及|与)\\s*(?:در\\s|in\\s|" + TextNormalizer.normalize("في") + "\\s)?\\s*"); // the text is normalised
    /** A listed place's event is as sure as the headline's reading, less the guess that it is the same activity. */
    private static final double LISTED_CONFIDENCE = 0.8;
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
        // Persian writes "and" and "to" apart from the next word; Arabic joins them to it.
        List<Gazetteer.Mention> found = asWritten(gazetteer.find(text, !lang.equals("fa")), normalized);
        List<Gazetteer.Mention> mentions = PlaceResolver.settle(found, text, prior, lang.equals("ar") ? ARAB_COUNTRIES : Set.of());
        Reading reading = new Reading(lang, normalized, mentions, cues, worldOfWorkNamed(lexicon.score(cues, 0, text.length())),
                titleEnd, prior, published);

        List<Read> roundUp = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        List<Gazetteer.Mention> listed = listedPlaces(text, reading.mentions(), titleEnd, lang.equals("zh"));
        List<Segment> segments = RoundUpSections.of(normalized, reading.mentions(), lang, titleEnd, listed,
                sectionCues(reading));
        if (segments.size() >= 2) {
            EventType leadType = leadingType(reading, 0, segments.get(1).start()).orElse(null);
            List<Object> leadIdentity = null;
            for (Segment segment : segments) {
                Optional<Read> read = read(reading, segment, true, leadType);
                if (read.isEmpty()) {
                    continue;
                }
                List<Object> identity = identity(read.get(), segment);
                if (segment.start() == 0) {
                    leadIdentity = identity;
                }
                if (seen.add(identity)) {
                    roundUp.add(read.get());
                } else if (identity.equals(leadIdentity) && roundUp.get(0).event().participants() == null
                        && read.get().event().participants() != null) {
                    // A lead that names the places to come ("rallied in Kingston, Sudbury and
                    // Windsor") is told better by the paragraph that counts the people there.
                    roundUp.set(0, read.get());
                    leadIdentity = null;
                }
            }
        }
        // Counts and dates are read only for the events kept: most texts split into sections
        // turn out to be one story, read again as a whole.
        List<Read> kept = withoutSummaries(roundUp);
        List<ExtractedEvent> events = kept.size() >= 2 ? kept.stream().map(Read::event).toList()
                : read(reading, new Segment(0, text.length(), false), false, null).map(r -> List.of(r.event())).orElse(List.of());
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
            // "تجمع کارگران ساختمانی مریوان، سقز و بانه" over "…که از شهرهای مریوان، سقز و بانه به
            // سنندج آمده بودند": the story says the listed places are where the workers came from.
            String first = inHeadline.get(0).name().normalized();
            boolean origins = mentions.stream().anyMatch(m -> m.start() >= headlineEnd && m.name().normalized().equals(first)
                    && PlaceResolver.isOrigin(text, m.start(), m.end()));
            return origins ? List.of() : inHeadline;
        }
        // The lead's first sentence lists them as often ("وقفات احتجاجية … بكل من الدار البيضاء والمحمدية وسطات").
        int leadStart = headlineEnd;
        while (leadStart < text.length() && Character.isWhitespace(text.charAt(leadStart))) {
            leadStart++;
        }
        int paragraphEnd = text.indexOf('\n', leadStart);
        int leadEnd = RoundUpSections.firstSentenceEnd(text, leadStart, paragraphEnd < 0 ? text.length() : paragraphEnd, chinese);
        List<Gazetteer.Mention> inLead = leadStart < text.length() ? listedIn(text, mentions, leadStart, leadEnd) : List.of();
        // Where workers came from ("来自南阳市内乡、淅川等县", "从上海、苏州、杭州等地") or a scope left
        // open with 等 ("etc.") is one event's reach, not a list of events.
        // So is a list of the districts of one city named besides ("天水市总工会联合秦州区、麦积区总工会").
        if (inLead.isEmpty() || text.substring(Math.max(0, inLead.get(0).start() - ORIGIN_REACH), inLead.get(0).start()).contains("来自")
                || PlaceResolver.isOrigin(text, inLead.get(0).start(), inLead.get(0).end()) || text.startsWith("从", inLead.get(0).start() - 1)
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
            mention = new Gazetteer.Mention(mention.name().withPlaces(places),
                    mention.start(), mention.end());
        }
        if (places.size() == 1) {
            return mention;
        }
        if (places.get(0).region() == null || places.stream().map(Place::region).distinct().count() > 1) {
            return null;
        }
        Place city = places.stream().max(Comparator.comparing(Place::precision)).orElseThrow();
        return new Gazetteer.Mention(mention.name().withPlaces(List.of(city)),
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


    /**
     * One event from the document or one of its segments, if it reads as labour news.
     *
     * @param leadType for a round-up's segment, the activity its title and lead report (null
     *                 when they report none, or for a whole document): a section whose own words
     *                 say little more than its place ("- Jeddah: 98 violations") is that activity
     */
    private Optional<Read> read(Reading doc, Segment segment, boolean partOfRoundUp, EventType leadType) {
        String text = doc.normalized().text().substring(segment.start(), segment.end());
        Lexicon.Scores scores = lexicon.score(doc.cues(), segment.start(), segment.end());
        List<Map.Entry<EventType, Integer>> ranked = ranked(scores, doc.workNamed(), partOfRoundUp);
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
        if (partOfRoundUp && segment.start() == 0) {
            inside = withoutNewsroom(inside, text);
        }
        // A sub-headline's place ("• Durban — …") is its section's, as a title's is its story's.
        int titleEnd = segment.headed() && !inside.isEmpty() ? inside.get(0).end() : Math.max(0, doc.titleEnd() - segment.start());
        PlaceResolver.Resolution where = PlaceResolver.resolve(inside, text, titleEnd, doc.prior(), doc.context());
        if (partOfRoundUp && (where.place() == null || where.place().precision() == Precision.COUNTRY)) {
            return Optional.empty();
        }
        ranked = byPrecedence(ranked);
        top = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        EventType own = ranked.isEmpty() ? EventType.OTHER : ranked.get(0).getKey();
        EventType type = leadType == null ? own : sectionType(own, top, leadType, scores.byType().getOrDefault(leadType, 0));
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
        String placeId = place == null ? null : place.id();
        List<Actor> actors = List.copyOf(scores.actors());
        Sector sector = scores.sector();
        double confidence = confidence(top, second, precision);
        return Optional.of(new Read(placeId, type, region, precision, () -> new ExtractedEvent(type, secondary, country, region,
                regionName, asWritten, precision, participants(doc.lang(), type, text), dates.eventDate(doc.lang(), text, doc.published()),
                actors, sector, confidence, evidence(doc.normalized(), segment))));
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
     * A round-up section's type, given its own reading and the lead's ({@code leadScore}: how
     * much the section's own words say the lead's activity). A section with no clear type of its
     * own is the lead's activity, unless it has a cue of another type and none of the lead's
     * ("LIMPOPO: Two mineworkers were injured…" under a strike). A section whose own words are a
     * grievance (arrears, closures) is the lead's activity under a lead reporting what an authority
     * did about it ("公布一批拖欠农民工工资违法案件: 1.成都市…拖欠28名农民工工资"), or where it names the
     * lead's activity too; under workers acting elsewhere it is its own grievance ("中山：…宣布停产，
     * 600多名工人面临失业"). An accident under a lead reporting enforcement (penalties after deaths)
     * is the enforcement. The grievance or the accident stays as a secondary type.
     */
    static EventType sectionType(EventType own, int ownScore, EventType leadType, int leadScore) {
        if (ownScore < MIN_TYPE_SCORE) {
            // A gathering on a strike day is part of the strike (see byPrecedence).
            boolean partOfLead = own == EventType.PROTEST && leadType == EventType.STRIKE;
            return ownScore >= RoundUpSections.LEANING_SCORE && leadScore == 0 && !partOfLead ? own : leadType;
        }
        if (GRIEVANCES.contains(own) && !GRIEVANCES.contains(leadType)) {
            return leadScore > 0 || !OTHER_SENSES.contains(leadType) ? leadType : own;
        }
        return own == EventType.ACCIDENT_SAFETY && leadType == EventType.INSPECTION_ENFORCEMENT ? leadType : own;
    }

    /**
     * A span's types by score, highest first (on a tie, in the taxonomy's order), without strike
     * and protest words where the document names nobody from the world of work.
     */
    private static List<Map.Entry<EventType, Integer>> ranked(Lexicon.Scores scores, boolean workNamed) {
        return ranked(scores, workNamed, false);
    }

    /**
     * As {@link #ranked(Lexicon.Scores, boolean)}; with {@code actionFirst}, a tie puts what is
     * done before what workers suffer: a round-up's section telling of a meeting over arrears
     * reports the meeting (a whole story about arrears is told by its grievance).
     */
    private static List<Map.Entry<EventType, Integer>> ranked(Lexicon.Scores scores, boolean workNamed, boolean actionFirst) {
        return scores.byType().entrySet().stream()
                .filter(e -> workNamed || !OTHER_SENSES.contains(e.getKey()))
                .sorted(Map.Entry.<EventType, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> actionFirst && GRIEVANCES.contains(e.getKey()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** The lexicon's view of one document, as round-up sectioning reads it. */
    private RoundUpSections.Cues sectionCues(Reading doc) {
        return new RoundUpSections.Cues() {
            @Override
            public Map<EventType, Integer> scores(int from, int to) {
                return lexicon.score(doc.cues(), from, to).byType();
            }

            @Override
            public EventType leadingType(int from, int to) {
                return LaborExtractor.this.leadingType(doc, from, to).orElse(null);
            }
        };
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
     * mentioned only in passing (below the share a secondary type needs) does not lead, unless
     * what leads is a grievance, which an action with a clear cue always goes before. When
     * OTHER leads on its own cues (a ceremony, a film, a novel), a strike the text names is its
     * subject, not an event: the ranking stands.
     */
    private static List<Map.Entry<EventType, Integer>> byPrecedence(List<Map.Entry<EventType, Integer>> ranked) {
        if (!ranked.isEmpty() && ranked.get(0).getKey() == EventType.OTHER) {
            return ranked;
        }
        List<Map.Entry<EventType, Integer>> reordered = new ArrayList<>(ranked.size());
        // A grievance told at length ("讨薪…被拖欠工资…") does not make the action a passing mention.
        double secondaryFloor = ranked.isEmpty() || GRIEVANCES.contains(ranked.get(0).getKey())
                ? 0 : ranked.get(0).getValue() * SECONDARY_SHARE;
        PRECEDENCE.forEach(lead -> ranked.stream()
                .filter(e -> e.getKey() == lead.type() && e.getValue() >= lead.floor() && e.getValue() >= secondaryFloor)
                .forEach(reordered::add));
        ranked.stream().filter(e -> !reordered.contains(e)).forEach(reordered::add);
        return reordered;
    }

    /**
     * The mentions read as the source wrote them. Towns written as an acronym in running text
     * are dropped: "ASHA workers", "NLC members" name a body, not Asha or a town called Nlc. A
     * line that opens with the name (a dateline: "CHENNAI:") or is written in capitals throughout
     * (a headline) keeps it, and so do regions and countries, whose codes are written so ("UK",
     * "KZN"). A name of several words each of which is also a word ("Cape Town", "Salt Lake
     * City") is a name when every word is capitalised.
     */
    private static List<Gazetteer.Mention> asWritten(List<Gazetteer.Mention> mentions, TextNormalizer.Normalized normalized) {
        String text = normalized.text();
        List<Gazetteer.Mention> kept = new ArrayList<>(mentions.size());
        for (Gazetteer.Mention mention : mentions) {
            String name = mention.name().normalized();
            // Most mentions are not of towns in Latin letters; the original is looked at only for those.
            boolean latin = name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '.');
            if (mention.name().weak() && latin && name.indexOf(' ') > 0 && capitalisedWords(normalized.originalOf(mention.start(), mention.end()))) {
                kept.add(new Gazetteer.Mention(mention.name().asName(), mention.start(), mention.end()));
                continue;
            }
            boolean town = mention.places().stream().allMatch(p -> p.precision() == Precision.CITY) && latin && name.indexOf(' ') < 0;
            String written = town ? normalized.originalOf(mention.start(), mention.end()) : "";
            boolean acronym = written.length() >= 2 && written.chars().allMatch(c -> c >= 'A' && c <= 'Z');
            if (acronym) {
                int lineStart = text.lastIndexOf('\n', mention.start() - 1) + 1;
                int lineEnd = text.indexOf('\n', mention.end());
                String line = normalized.originalOf(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                boolean opensLine = text.substring(lineStart, mention.start()).isBlank();
                boolean allCapitals = line.chars().noneMatch(Character::isLowerCase);
                if (!opensLine && !allCapitals) {
                    continue;
                }
            }
            kept.add(mention);
        }
        return kept;
    }

    /** Whether every word of a name as written starts with a capital ("Cape Town", not "cape town" or "CAPE TOWN"). */
    private static boolean capitalisedWords(String written) {
        boolean lower = false;
        for (String word : written.split("[\\s-]+")) {
            if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
                return false;
            }
            lower |= word.chars().anyMatch(Character::isLowerCase);
        }
        return lower;
    }

    /**
     * A round-up's lead without its dateline or newsroom: where the copy was filed says nothing of
     * where the round-up's first event was ("MUMBAI: Around 900 workers at a plant outside Pune
     * walked out"), and a lead that names no other place ("NEW DELHI — ASHA workers protest across
     * three states") sums up the sections to come, no event of its own. A dateline whose city the
     * lead names again ("LIMERICK — … University Hospital Limerick") stays.
     */
    private static List<Gazetteer.Mention> withoutNewsroom(List<Gazetteer.Mention> mentions, String text) {
        List<Gazetteer.Mention> datelines = mentions.stream()
                .filter(m -> PlaceResolver.isNewsroom(text, m.start(), m.end()))
                .filter(d -> mentions.stream().noneMatch(m -> m.start() > d.end() && m.name().normalized().equals(d.name().normalized())))
                .toList();
        if (datelines.isEmpty()) {
            return mentions;
        }
        // "delhi" inside "NEW DELHI —" is the dateline too
        return mentions.stream().filter(m -> datelines.stream().noneMatch(d -> d.start() <= m.start() && m.end() <= d.end())).toList();
    }

    /**
     * A section placed only at region level ("our province's unions…") beside sections placed in
     * cities of that region is the round-up's summary, not an event of its own.
     */
    private static List<Read> withoutSummaries(List<Read> reads) {
        Set<String> regionsWithCities = new HashSet<>();
        reads.stream().filter(r -> r.precision() == Precision.CITY).forEach(r -> regionsWithCities.add(r.region()));
        return reads.stream()
                .filter(r -> !(r.precision() == Precision.REGION && regionsWithCities.contains(r.region())))
                .toList();
    }

    /**
     * What makes a round-up's event another event. A sub-headline announces a new item, so two
     * headed items at one place with the same activity are two events unless date and count agree
     * too; a paragraph that lands at a place and activity already read continues that story.
     */
    private static List<Object> identity(Read read, Segment segment) {
        return segment.headed()
                ? java.util.Arrays.asList(read.placeId(), read.type(), read.event().eventDate(), read.event().participants())
                : java.util.Arrays.asList(read.placeId(), read.type());
    }

    /**
     * An event read from a segment: where (the place's id: 耒阳 and 耒阳市 are one place) and what,
     * with the full event, counts and date included, made when first asked for.
     */
    private static final class Read {
        private final String placeId;
        private final EventType type;
        private final String region;
        private final Precision precision;
        private final java.util.function.Supplier<ExtractedEvent> making;
        private ExtractedEvent event;

        Read(String placeId, EventType type, String region, Precision precision, java.util.function.Supplier<ExtractedEvent> making) {
            this.placeId = placeId;
            this.type = type;
            this.region = region;
            this.precision = precision;
            this.making = making;
        }

        String placeId() {
            return placeId;
        }

        EventType type() {
            return type;
        }

        String region() {
            return region;
        }

        Precision precision() {
            return precision;
        }

        ExtractedEvent event() {
            if (event == null) {
                event = making.get();
            }
            return event;
        }
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

    /**
     * {@code text[from, to)} with each run of whitespace as one space, trimmed; it stops once it
     * holds more than {@code limit} characters.
     */
    private static String flattened(String text, int from, int to, int limit) {
        StringBuilder flat = new StringBuilder(Math.min(to - from, limit + 1));
        boolean space = false;
        for (int i = from; i < to && flat.length() <= limit; i++) {
            char c = text.charAt(i);
            if (Scripts.isSpace(c)) {
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
        int to = normalized.originalOffset(segment.end());
        String flat = flattened(normalized.original(), from, to, EVIDENCE_LENGTH);
        if (flat.length() <= EVIDENCE_LENGTH) {
            return flat;
        }
        int cut = EVIDENCE_LENGTH - 1;
        if (Character.isLowSurrogate(flat.charAt(cut))) {
            cut--; // never split a supplementary character
        }
        return flat.substring(0, cut) + "…";
    }

    /**
     * Where Arabic-language news happens, for shared names the text does not settle otherwise:
     * the 22 members of the Arab League (ISO 3166-1 codes).
     */
    private static final Set<String> ARAB_COUNTRIES = Set.of("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
            "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE");

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
