package io.laborpulse.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable article ids: the same article gets the same id however often and from wherever it is
 * sent. The id is the first 16 hex digits of SHA-256 over the canonical URL, or over the
 * whitespace-folded title and text when there is no URL.
 */
public final class ArticleIds {

    private static final int ID_HEX_DIGITS = 16;

    private ArticleIds() {
    }

    /**
     * Lower-cased scheme and host, no fragment, no default port, no trailing slash, and the
     * query without tracking parameters (utm_*, fbclid, gclid, spm, from…), sorted.
     * A string that is not a URL comes back trimmed.
     */
    public static String canonicalUrl(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                    .sorted()
                    .collect(Collectors.joining("&"));
            return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    public static String idFor(String url, String title, String text) {
        String basis = url != null && !url.isBlank()
                ? canonicalUrl(url)
                : ((title == null ? "" : title) + "\n" + text).strip().replaceAll("\\s+", " ");
        return sha256(basis).substring(0, ID_HEX_DIGITS);
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("spm")
                || name.equals("from") || name.equals("mc_cid") || name.equals("mc_eid") || name.equals("ref");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
