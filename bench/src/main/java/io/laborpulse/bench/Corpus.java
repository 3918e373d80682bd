package io.laborpulse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.extract.Document;
import io.laborpulse.extract.LanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The benchmark's articles: about {@value #ARTICLE_BYTES} bytes (UTF-8) each, in Persian, Chinese,
 * English and Arabic, assembled from the real texts beside the project ({@code samples/*.txt} and
 * {@code devset/articles.jsonl}). The texts belong to their publishers, so they are read at run
 * time and never copied into the repository.
 *
 * <p>Article {@code k} of a language starts with that language's source text {@code k} and goes
 * on with the following ones (wrapping round) until it is long enough, then is cut at a word or
 * sentence break. The mixed selection draws from each language as many articles as the labelled
 * development set holds of it (the closest record of the product's feed mix we have) and orders
 * them with a fixed seed, so every run reads the same articles in the same order.
 */
public final class Corpus {

    /** Target size of one article, in UTF-8 bytes. */
    public static final int ARTICLE_BYTES = 3 * 1024;
    public static final List<String> LANGUAGES = List.of("fa", "zh", "en", "ar");
    public static final String MIXED = "mixed";
    /** Folder holding {@code samples/} and {@code devset/}; relative paths are read from the working directory. */
    public static final String SHARED_DIR_PROPERTY = "laborpulse.shared.dir";
    public static final String DEFAULT_SHARED_DIR = "../shared";

    private static final long MIX_SEED = 20_251_122L;
    /** How far back from the size limit a cut may move to land on a break rather than mid-word. */
    private static final int CUT_SLACK_BYTES = 256;
    private static final String JOINER = "\n\n";

    private final Map<String, List<Document>> selections;

    private Corpus(Map<String, List<Document>> selections) {
        this.selections = selections;
    }

    /** The folder named by {@value #SHARED_DIR_PROPERTY}, else {@value #DEFAULT_SHARED_DIR}. */
    public static Path sharedDirFromSystemProperty() {
        return Path.of(System.getProperty(SHARED_DIR_PROPERTY, DEFAULT_SHARED_DIR));
    }

    /** Reads the real texts under {@code sharedDir} and assembles the corpus from them. */
    public static Corpus load(Path sharedDir) {
        Path samples = sharedDir.resolve("samples");
        Path devset = sharedDir.resolve("devset").resolve("articles.jsonl");
        if (!Files.isDirectory(samples) || !Files.isRegularFile(devset)) {
            throw new IllegalStateException("The benchmark corpus is built from real articles, and they are missing: expected "
                    + samples.toAbsolutePath().normalize() + "/*.txt and " + devset.toAbsolutePath().normalize()
                    + ". Point -D" + SHARED_DIR_PROPERTY + "=<folder> at the folder holding samples/ and devset/"
                    + " (default " + DEFAULT_SHARED_DIR + ", read from the working directory: run from the repository root).");
        }
        Map<String, List<String>> texts = emptyByLanguage();
        Map<String, Integer> mix = new LinkedHashMap<>();
        LANGUAGES.forEach(lang -> mix.put(lang, 0));
        readDevset(devset, texts, mix);
        readSamples(samples, texts);
        return assemble(texts, mix, ARTICLE_BYTES);
    }

    /**
     * Builds the articles of each language from its source texts, in the order given, and the mixed
     * selection holding {@code mix.get(lang)} articles of each language.
     *
     * @throws IllegalArgumentException when a language of {@link #LANGUAGES} has no text or no share in the mix
     */
    public static Corpus assemble(Map<String, List<String>> textsByLanguage, Map<String, Integer> mix, int articleBytes) {
        Map<String, List<Document>> selections = new LinkedHashMap<>();
        List<Document> mixed = new ArrayList<>();
        for (String lang : LANGUAGES) {
            List<String> texts = textsByLanguage.getOrDefault(lang, List.of()).stream()
                    .filter(t -> t != null && !t.isBlank())
                    .map(String::strip)
                    .toList();
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("No source text in language '" + lang + "' for the benchmark corpus");
            }
            int share = mix.getOrDefault(lang, 0);
            if (share <= 0) {
                throw new IllegalArgumentException("Language '" + lang + "' has no share in the mixed corpus: " + mix);
            }
            List<Document> articles = new ArrayList<>(texts.size());
            for (int k = 0; k < texts.size(); k++) {
                articles.add(Document.of(lang + "-" + k, article(texts, k, articleBytes)));
            }
            selections.put(lang, List.copyOf(articles));
            for (int i = 0; i < share; i++) {
                mixed.add(articles.get(i % articles.size()));
            }
        }
        Collections.shuffle(mixed, new Random(MIX_SEED));
        selections.put(MIXED, List.copyOf(mixed));
        return new Corpus(Collections.unmodifiableMap(selections));
    }

    /** The articles of {@value #MIXED} or of one language of {@link #LANGUAGES}. */
    public List<Document> articles(String selection) {
        List<Document> articles = selections.get(selection);
        if (articles == null) {
            throw new IllegalArgumentException("No corpus selection '" + selection + "'; known: " + selections.keySet());
        }
        return articles;
    }

    /** Mean article size of a selection in UTF-8 bytes. */
    public static double meanBytes(List<Document> articles) {
        return articles.stream().mapToInt(d -> utf8Length(d.text())).average().orElse(0);
    }

    /** One line saying what a selection holds, for the benchmark log and the heap report. */
    public String describe(String selection) {
        List<Document> articles = articles(selection);
        Map<String, Integer> perLanguage = new LinkedHashMap<>();
        LANGUAGES.forEach(lang -> perLanguage.put(lang, 0));
        for (Document d : articles) {
            perLanguage.merge(d.id().substring(0, d.id().indexOf('-')), 1, Integer::sum);
        }
        perLanguage.values().removeIf(count -> count == 0);
        return String.format(Locale.ROOT, "corpus '%s': %d articles %s, mean %.0f bytes UTF-8",
                selection, articles.size(), perLanguage, meanBytes(articles));
    }

    static String article(List<String> texts, int first, int articleBytes) {
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        for (int i = first; bytes < articleBytes; i = (i + 1) % texts.size()) {
            if (text.length() > 0) {
                text.append(JOINER);
                bytes += JOINER.length();
            }
            String next = texts.get(i);
            text.append(next);
            bytes += utf8Length(next);
        }
        return cut(text.toString(), articleBytes);
    }

    /** The longest prefix of at most {@code maxBytes} UTF-8 bytes, ended at a break when one is near. */
    static String cut(String text, int maxBytes) {
        int end = 0;
        int bytes = 0;
        int lastBreak = -1;
        int lastBreakBytes = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = utf8Length(cp);
            if (bytes + size > maxBytes) {
                break;
            }
            end += Character.charCount(cp);
            bytes += size;
            if (isBreak(cp)) {
                lastBreak = end;
                lastBreakBytes = bytes;
            }
        }
        if (end < text.length() && lastBreak > 0 && bytes - lastBreakBytes <= CUT_SLACK_BYTES) {
            end = lastBreak;
        }
        return text.substring(0, end).strip();
    }

    private static boolean isBreak(int cp) {
        return Character.isWhitespace(cp) || cp == '。' || cp == '，' || cp == '.' || cp == '؟' || cp == '،' || cp == '!';
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            bytes += utf8Length(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private static Map<String, List<String>> emptyByLanguage() {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        LANGUAGES.forEach(lang -> texts.put(lang, new ArrayList<>()));
        return texts;
    }

    /** Devset items in file order, under their labelled language; the mix counts them per language. */
    private static void readDevset(Path devset, Map<String, List<String>> texts, Map<String, Integer> mix) {
        ObjectMapper json = new ObjectMapper();
        List<String> lines;
        try {
            lines = Files.readAllLines(devset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + devset, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            JsonNode item;
            try {
                item = json.readTree(lines.get(n));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(devset + " line " + (n + 1) + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
            String lang = item.path("lang").asText("");
            String text = item.path("text").asText("");
            if (texts.containsKey(lang) && !text.isBlank()) {
                texts.get(lang).add(text);
                mix.merge(lang, 1, Integer::sum);
            }
        }
    }

    /** Sample files by name, under the language the engine's own detector gives them (they carry no label). */
    private static void readSamples(Path samples, Map<String, List<String>> texts) {
        try (Stream<Path> files = Files.list(samples)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> sameLanguage = texts.get(LanguageDetector.detect(text));
                if (sameLanguage != null && !text.isBlank()) {
                    sameLanguage.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample articles in " + samples, e);
        }
    }
}
