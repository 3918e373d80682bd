package io.laborpulse.bench;

import io.laborpulse.extract.Document;
import io.laborpulse.extract.Extraction;
import io.laborpulse.extract.Extractor;
import io.laborpulse.extract.LaborExtractor;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Articles per second of one thread running {@link LaborExtractor} over the ~3 KB articles of
 * {@link Corpus}: the mixed selection and each language alone. Every invocation extracts the
 * next article of the selection, wrapping round. Loading the gazetteer and lexicons and
 * assembling the corpus happen once per trial and are not measured.
 *
 * <p>Sized so that the five selections together run in about two minutes: one fork each,
 * 6 × 2 s of warm-up (on two busy cores the JIT needed more than 6 s before throughput levelled
 * off) and 5 × 2 s measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ExtractionBenchmark {

    @Param({Corpus.MIXED, "fa", "zh", "en", "ar"})
    public String selection;

    private Extractor extractor;
    private Document[] articles;
    private int next;

    @Setup(Level.Trial)
    public void loadEngineAndCorpus() {
        Corpus corpus = Corpus.load(Corpus.sharedDirFromSystemProperty());
        long start = System.nanoTime();
        Extractor engine = LaborExtractor.loadDefault();
        long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        use(engine, corpus.articles(selection));
        System.out.printf(Locale.ROOT, "%n%s; engine loaded in %d ms%n", corpus.describe(selection), loadMillis);
    }

    /** The state a trial runs on; the setup above and the harness test both go through here. */
    void use(Extractor engine, List<Document> selected) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("Selection '" + selection + "' has no articles to extract");
        }
        this.extractor = engine;
        this.articles = selected.toArray(new Document[0]);
        this.next = 0;
    }

    @Benchmark
    public void extractOneArticle(Blackhole sink) {
        sink.consume(extractNext());
    }

    Extraction extractNext() {
        Document article = articles[next];
        next = next + 1 == articles.length ? 0 : next + 1;
        return extractor.extract(article);
    }

    int articleCount() {
        return articles.length;
    }
}
