package io.laborpulse.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stable article ids, so that the same article gets the same id however often, and through
 * whichever link, it is sent. This is what lets the {@link IngestLedger} recognise a repeat.
 *
 * <p>Precedence: an explicit id in the input; else the first 16 hex digits of SHA-256 over the
 * canonical URL; else over the normalised title and text. Pure functions, no I/O.
 */
public final class ArticleIds {

    /** 64 bits: far beyond any feed's size for accidental collisions, and short in logs. */
    static final int ID_HEX_DIGITS = 16;

    /** Parameters that say how a reader arrived, not which article it is. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "spm", "from", "ref", "mc_cid", "mc_eid");
    private static final String TRACKING_PREFIX = "utm_";

    // Unicode-aware so that no-break and ideographic spaces (common in Chinese copy) fold too.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ArticleIds() {
    }

    /**
     * The id an article gets: {@code explicitId} when it is given and not blank, else
     * {@link #idFor(String, String, String)}.
     */
    public static String resolve(String explicitId, String url, String title, String text) {
        if (explicitId != null && !explicitId.isBlank()) {
            return explicitId.strip();
        }
        return idFor(url, title, text);
    }

    /** Hash of the canonical URL, or of the normalised title and text when there is no URL. */
    public static String idFor(String url, String title, String text) {
        String basis = url != null && !url.isBlank()
                ? canonicalUrl(url)
                : normalisedContent(title, text);
        return sha256Hex(basis).substring(0, ID_HEX_DIGITS);
    }

    /**
     * Lower-cased scheme and host, no default port, no fragment, no trailing slash, and the
     * query without tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid},
     * {@code spm}, {@code from}, …) with the rest sorted. Something that is not an absolute URL
     * comes back stripped of surrounding whitespace and otherwise unchanged: it still hashes
     * stably, and guessing at it could merge two different articles.
     */
    public static String canonicalUrl(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return trimmed;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String port = isDefaultPort(scheme, uri.getPort()) ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : stripTrailingSlashes(uri.getRawPath());
        String query = canonicalQuery(uri.getRawQuery());
        return scheme + "://" + host + port + path + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * Title and text as one string, NFKC-normalised (full-width and half-width forms agree) with
     * whitespace runs folded, so a re-wrapped or re-spaced copy of the same text hashes alike.
     */
    static String normalisedContent(String title, String text) {
        String joined = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        String normalised = Normalizer.normalize(joined, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(normalised).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> !isTracking(parameter.split("=", 2)[0]))
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.contains(lower);
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this is a broken JVM, not bad input.
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
