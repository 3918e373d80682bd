package io.laborpulse.ingest.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.Atom10Parser;
import io.laborpulse.ingest.ArticleJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fetched RSS 2.0 or Atom document to article objects in the JSON-lines format
 * ({@link ArticleJson}), read by ROME, the long-kept Java feed library. Pure: bytes in, objects
 * out. What real feeds get wrong is handled here:
 *
 * <ul>
 *   <li>the encoding is taken from the HTTP content type and the XML prolog (ROME's
 *       {@link XmlReader}), so a {@code windows-1256} or {@code GB2312} feed reads right;</li>
 *   <li>HTML and CDATA in descriptions become plain text: tags dropped, block tags made line
 *       breaks, entities decoded;</li>
 *   <li>relative links are resolved against the address the feed was fetched from (Atom's
 *       {@code xml:base} is applied by ROME first);</li>
 *   <li>a missing or unreadable date leaves {@code published} out (the ingest time stands in);</li>
 *   <li>an item without a description is its title, and one with neither is passed on empty,
 *       to be dead-lettered with the field named, not dropped.</li>
 * </ul>
 * Duplicates across polls are not this class's concern: an item keeps its link, so its id is
 * the same on every poll and the ingest ledger skips it.
 */
public final class FeedItems {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00a0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

    static {
        // ROME leaves Atom's relative links as written unless told, process-wide, to apply xml:base.
        Atom10Parser.setResolveURIs(true);
    }

    private FeedItems() {
    }

    /** The feed could not be read as RSS or Atom at all. */
    public static final class UnreadableFeedException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param body        the document as fetched
     * @param contentType the HTTP {@code Content-Type}, or {@code null}
     * @param feed        what was polled: its name is the source, its hints go on every article
     */
    public static List<ObjectNode> read(byte[] body, String contentType, FeedSpec feed) throws UnreadableFeedException {
        SyndFeed document;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            input.setAllowDoctypes(false); // no external entities from someone else's server
            input.setXmlHealerOn(true);
            document = input.build(reader);
        } catch (IOException | FeedException | IllegalArgumentException e) {
            throw new UnreadableFeedException("feed '" + feed.name() + "' is not readable RSS or Atom: " + e.getMessage(), e);
        }
        List<ObjectNode> articles = new ArrayList<>();
        for (SyndEntry entry : document.getEntries()) {
            articles.add(article(entry, feed));
        }
        return articles;
    }

    private static ObjectNode article(SyndEntry entry, FeedSpec feed) {
        ObjectNode article = JSON.createObjectNode();
        String link = resolve(feed.url(), firstNonBlank(entry.getLink(), linkLike(entry.getUri())));
        String title = entry.getTitle() == null ? null : plainText(entry.getTitle());
        String text = plainText(body(entry));
        if (text.isBlank()) {
            text = title == null ? "" : title;
        }
        article.put(ArticleJson.SOURCE, feed.name());
        if (link != null) {
            article.put(ArticleJson.URL, link);
        }
        if (title != null && !title.isBlank()) {
            article.put(ArticleJson.TITLE, title);
        }
        article.put(ArticleJson.TEXT, text);
        if (feed.lang() != null) {
            article.put(ArticleJson.LANG, feed.lang());
        }
        if (feed.country() != null) {
            article.put(ArticleJson.COUNTRY, feed.country());
        }
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (published != null) {
            article.put(ArticleJson.PUBLISHED, published.toInstant().toString());
        }
        return article;
    }

    /** The fullest body an entry has: its content, else its description. */
    private static String body(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            if (part.getValue() != null) {
                content.append(part.getValue()).append('\n');
            }
        }
        if (content.toString().isBlank() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            return entry.getDescription().getValue();
        }
        return content.toString();
    }

    /**
     * HTML (or plain text with entities) to plain text: scripts and styles dropped, block ends
     * and {@code <br>} made line breaks, other tags removed, entities decoded, spaces folded.
     */
    static String plainText(String html) {
        if (html == null) {
            return "";
        }
        String text = SCRIPT.matcher(html).replaceAll(" ");
        text = BLOCK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = decodeEntities(text);
        text = SPACES.matcher(text).replaceAll(" ");
        text = BLANK_LINES.matcher(text).replaceAll("\n");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(name.substring(2), 16), m.group());
            } else if (name.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(name.substring(1)), m.group());
            } else {
                replacement = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "zwnj" -> "\u200c";
                    case "zwj" -> "\u200d";
                    case "hellip" -> "…";
                    case "mdash" -> "—";
                    case "ndash" -> "–";
                    case "laquo" -> "«";
                    case "raquo" -> "»";
                    case "ldquo" -> "“";
                    case "rdquo" -> "”";
                    case "lsquo" -> "‘";
                    case "rsquo" -> "’";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int codePoint, String original) {
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? new String(Character.toChars(codePoint)) : original;
    }

    private static String resolve(URI base, String link) {
        if (link == null) {
            return null;
        }
        try {
            return base.resolve(link.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return link.strip(); // kept as written: still a stable id
        }
    }

    /** An RSS guid or Atom id stands in for a missing link only when it is itself a link. */
    private static String linkLike(String uri) {
        return uri != null && (uri.startsWith("http://") || uri.startsWith("https://") || uri.startsWith("/")) ? uri : null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
