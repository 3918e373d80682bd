package io.laborpulse.bench;

import io.laborpulse.extract.DateReader;
import io.laborpulse.extract.Document;
import io.laborpulse.extract.Extractor;
import io.laborpulse.extract.Gazetteer;
import io.laborpulse.extract.LaborExtractor;
import io.laborpulse.extract.Lexicon;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Heap held by the extraction engine with the full gazetteer loaded: used heap after a full GC
 * before loading and after loading plus one pass over the mixed corpus, with the engine still
 * reachable. Also reports how long loading took. Run it under {@code -Xmx300m} to prove the
 * engine fits the 300 MB target; it fails with {@link OutOfMemoryError} if it does not.
 *
 * <pre>java -Xmx300m -cp bench/target/benchmarks.jar io.laborpulse.bench.HeapFootprint [shared-dir]</pre>
 */
public final class HeapFootprint {

    private static final double MIB = 1024.0 * 1024.0;
    /** Full collections before each reading: garbage reachable only through cleared references needs a second one. */
    private static final int GC_ROUNDS = 3;

    private HeapFootprint() {
    }

    /** What one measurement found. */
    record Footprint(long baselineBytes, long withEngineBytes, long loadMillis, int places, int articles, long events) {

        long engineBytes() {
            return withEngineBytes - baselineBytes;
        }
    }

    public static void main(String[] args) {
        Path shared = args.length > 0 ? Path.of(args[0]) : Corpus.sharedDirFromSystemProperty();
        Corpus corpus = Corpus.load(shared);
        List<Document> mixed = corpus.articles(Corpus.MIXED);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Footprint footprint = measure(mixed, memory);

        System.out.printf(Locale.ROOT, "JDK: %s %s (%s), GC: %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
        System.out.printf(Locale.ROOT, "max heap (-Xmx): %.0f MiB; processors: %d%n",
                Runtime.getRuntime().maxMemory() / MIB, Runtime.getRuntime().availableProcessors());
        System.out.println(corpus.describe(Corpus.MIXED));
        System.out.printf(Locale.ROOT, "engine load (gazetteer of %d places, lexicons, calendar): %d ms%n",
                footprint.places(), footprint.loadMillis());
        System.out.printf(Locale.ROOT, "extracted %d articles, %d events%n", footprint.articles(), footprint.events());
        System.out.printf(Locale.ROOT, "used heap after full GC: before engine %.1f MiB, with engine %.1f MiB, engine %.1f MiB%n",
                footprint.baselineBytes() / MIB, footprint.withEngineBytes() / MIB, footprint.engineBytes() / MIB);
    }

    /** Loads the engine, reads every article once and measures; the corpus is loaded before the baseline. */
    static Footprint measure(List<Document> articles, MemoryMXBean memory) {
        long baseline = usedAfterFullGc(memory);
        long start = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.loadDefault();
        Extractor engine = new LaborExtractor(gazetteer, Lexicon.loadDefault(), DateReader.loadDefault());
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        long events = 0;
        for (Document article : articles) {
            events += engine.extract(article).events().size();
        }
        long withEngine = usedAfterFullGc(memory);
        // The engine must still be live when the second reading is taken, or the GC may free it first.
        Reference.reachabilityFence(engine);
        return new Footprint(baseline, withEngine, loadMillis, gazetteer.size(), articles.size(), events);
    }

    private static long usedAfterFullGc(MemoryMXBean memory) {
        for (int i = 0; i < GC_ROUNDS; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
