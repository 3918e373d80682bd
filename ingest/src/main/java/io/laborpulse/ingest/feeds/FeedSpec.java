package io.laborpulse.ingest.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One RSS or Atom feed to poll, as configured in a feeds file:
 *
 * <pre>{@code
 * {"feeds": [
 *   {"name": "ilna-labour", "url": "https://www.ilna.ir/rss/tp/3", "lang": "fa", "country": "IR", "pollInterval": "PT10M"},
 *   {"name": "workercn", "url": "https://www.workercn.cn/rss.xml", "lang": "zh", "country": "CN"}
 * ]}
 * }</pre>
 *
 * @param name         stable, unique: the articles' source, the metrics' {@code feed} label
 * @param url          an absolute http(s) address
 * @param lang         a language hint for the feed's articles, or {@code null}
 * @param country      an ISO 3166-1 country hint (the outlet's home), or {@code null}
 * @param pollInterval time between polls while the feed answers (ISO-8601 duration, default 15 minutes)
 */
public record FeedSpec(String name, URI url, String lang, String country, Duration pollInterval) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    /** Polling faster than this is impolite to a publisher and never needed for news. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(30);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public FeedSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feed name '" + name + "' must be letters, digits, '.', '_' or '-' (at most 64)");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("feed '" + name + "': url must be an absolute http or https address, got " + url);
        }
        if (lang != null && !LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("feed '" + name + "': lang must be a language code such as fa or zh-Hant, got " + lang);
        }
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("feed '" + name + "': country must be an ISO 3166-1 code such as IR, got " + country);
        }
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("feed '" + name + "': pollInterval " + pollInterval + " is below the minimum of "
                    + MIN_POLL_INTERVAL);
        }
    }

    /** Reads and checks a feeds file; every problem names the file and the feed. */
    public static List<FeedSpec> load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the feeds file " + file + ": " + e.getMessage(), e);
        }
        JsonNode feeds = root == null ? null : root.get("feeds");
        if (feeds == null || !feeds.isArray()) {
            throw new IllegalArgumentException("The feeds file " + file + " must be a JSON object with a \"feeds\" array");
        }
        List<FeedSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode feed : feeds) {
            try {
                FeedSpec spec = new FeedSpec(required(feed, "name"), URI.create(required(feed, "url").strip()),
                        optional(feed, "lang"), optional(feed, "country"),
                        feed.hasNonNull("pollInterval") ? Duration.parse(feed.get("pollInterval").asText()) : null);
                if (!names.add(spec.name())) {
                    throw new IllegalArgumentException("the name '" + spec.name() + "' is used twice");
                }
                specs.add(spec);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("The feeds file " + file + ", feed " + index + ": " + e.getMessage(), e);
            }
            index++;
        }
        return List.copyOf(specs);
    }

    private static String required(JsonNode feed, String field) {
        String value = optional(feed, field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    private static String optional(JsonNode feed, String field) {
        JsonNode value = feed.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
