package io.laborpulse.ingest;

import io.laborpulse.schemas.avro.Article;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays JSON lines through an {@link IngestPublisher}: a file, a folder of {@code *.jsonl}
 * files, a classpath resource (such as the bundled {@link #SAMPLE_FEED}), a stream or a reader.
 *
 * <p>By default lines go out as fast as the broker takes them, in transactions of up to
 * {@value #BATCH_SIZE} lines. With a speed factor they keep the spacing of their
 * {@code published} times, compressed by that factor ({@code 60} plays an hour of news in a
 * minute); lines without a readable time go out at once. Long runs log their progress every
 * {@link #PROGRESS_EVERY}.
 *
 * <p>Time is read from the injected {@link Clock} and waited out through the injected
 * {@link Sleeper}, so tests drive pacing without sleeping.
 */
public final class JsonLinesReplay {

    /** The bundled multilingual demo feed that standalone mode replays. */
    public static final String SAMPLE_FEED = "/io/laborpulse/ingest/sample-feed.jsonl";
    /** Lines per transaction: large enough to amortise the commit, small enough to redo. */
    public static final int BATCH_SIZE = 500;
    /** The speed meaning "do not wait for published times". */
    public static final double AS_FAST_AS_POSSIBLE = 0;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final String EXTENSION = ".jsonl";
    private static final Logger log = LoggerFactory.getLogger(JsonLinesReplay.class);

    /** Waits; the production one sleeps, a test one moves a test clock. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

        void sleep(Duration duration) throws InterruptedException;
    }

    private final IngestPublisher<?> publisher;
    private final Clock clock;
    private final double speed;
    private final Sleeper sleeper;

    /** Replays as fast as possible. */
    public JsonLinesReplay(IngestPublisher<?> publisher, Clock clock) {
        this(publisher, clock, AS_FAST_AS_POSSIBLE, Sleeper.SYSTEM);
    }

    /**
     * @param speed {@link #AS_FAST_AS_POSSIBLE}, or how many times faster than the published
     *              times the lines are replayed ({@code 1} = as they happened)
     */
    public JsonLinesReplay(IngestPublisher<?> publisher, Clock clock, double speed, Sleeper sleeper) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 (as fast as possible) or a positive factor, got " + speed);
        }
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.speed = speed;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Replays the bundled demo feed, under the source name {@code sample-feed}. */
    public IngestPublisher.Summary replaySampleFeed() {
        return replayResource(SAMPLE_FEED);
    }

    /** Replays a classpath resource; its file name without {@code .jsonl} is the source name. */
    public IngestPublisher.Summary replayResource(String resource) {
        InputStream in = JsonLinesReplay.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No classpath resource " + resource);
        }
        return replay(sourceName(resource), in);
    }

    /**
     * Replays one file, or every {@code *.jsonl} file directly inside a folder in name order
     * (one timeline across them when paced). Each file's name without {@code .jsonl} is its
     * source name.
     */
    public IngestPublisher.Summary replay(Path fileOrFolder) {
        List<Path> files = filesOf(fileOrFolder);
        if (files.isEmpty()) {
            log.warn("No {} files in {}", EXTENSION, fileOrFolder);
        }
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += sizeOf(file);
        }
        Run run = new Run(fileOrFolder.toString(), totalBytes);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                run.replay(sourceName(file.getFileName().toString()), new ByteLines(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return run.finish();
    }

    /**
     * Replays a stream of UTF-8 JSON lines and closes it. Lines are kept as bytes, so one
     * that is not UTF-8 is dead-lettered exactly as it came.
     *
     * @param source name of the input: default article source, dead-letter and metric label
     */
    public IngestPublisher.Summary replay(String source, InputStream in) {
        Run run = new Run(source, 0);
        try (InputStream closing = in) {
            run.replay(source, new ByteLines(closing));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return run.finish();
    }

    /** Replays lines from a reader and closes it. */
    public IngestPublisher.Summary replay(String source, Reader reader) {
        Run run = new Run(source, 0);
        try (BufferedReader lines = new BufferedReader(reader)) {
            run.replay(source, () -> {
                String line = lines.readLine();
                return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        return run.finish();
    }

    /**
     * Publishes lines another reader made (the rows of an event file, the items of a feed)
     * with the same batching, pacing and progress lines as a replay.
     *
     * @param name for the progress lines
     */
    public IngestPublisher.Summary replay(String name, Iterator<IngestPublisher.Line> lines) {
        Run run = new Run(name, 0);
        run.replay(lines);
        return run.finish();
    }

    private static List<Path> filesOf(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            if (!Files.isRegularFile(fileOrFolder)) {
                throw new IllegalArgumentException("No such file or folder: " + fileOrFolder);
            }
            return List.of(fileOrFolder);
        }
        try (Stream<Path> children = Files.list(fileOrFolder)) {
            return children
                    .filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + fileOrFolder, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static String sourceName(String resourceOrFileName) {
        String name = resourceOrFileName.substring(resourceOrFileName.lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
    }

    /** The next line's bytes without its line break, or {@code null} at the end. */
    @FunctionalInterface
    private interface LineSource {
        byte[] next() throws IOException;
    }

    /** Splits a byte stream on '\n' (dropping a '\r' before it and a leading UTF-8 BOM). */
    private static final class ByteLines implements LineSource {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        private boolean first = true;

        ByteLines(InputStream in) {
            this.in = new BufferedInputStream(in, 64 * 1024);
        }

        @Override
        public byte[] next() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int start = 0;
            if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                start = 3;
            }
            first = false;
            int end = bytes.length > start && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return start == 0 && end == bytes.length ? bytes : Arrays.copyOfRange(bytes, start, end);
        }
    }

    /** One replay call: batching, pacing, progress and the running totals. */
    private final class Run {
        private final String name;
        private final long totalBytes;
        private final Instant started = clock.instant();
        private final List<IngestPublisher.Line> batch = new ArrayList<>(BATCH_SIZE);
        private IngestPublisher.Summary total = IngestPublisher.Summary.none();
        private Instant nextProgress = started.plus(PROGRESS_EVERY);
        private long bytesRead;
        /** Published time of the first paced line and when it went out: the timeline's anchor. */
        private Instant firstPublished;
        private Instant firstSentAt;

        Run(String name, long totalBytes) {
            this.name = name;
            this.totalBytes = totalBytes;
        }

        void replay(String source, LineSource lines) throws IOException {
            long number = 0;
            byte[] bytes;
            while ((bytes = lines.next()) != null) {
                number++;
                bytesRead += bytes.length + 1;
                if (!isBlank(bytes)) {
                    add(new IngestPublisher.Line(source, number, bytes));
                }
            }
            // A file's lines are committed before the next file starts, so a failure while
            // reading the next one cannot hold back the ones before it.
            flush();
        }

        void replay(Iterator<IngestPublisher.Line> lines) {
            while (lines.hasNext()) {
                add(lines.next());
            }
            flush();
        }

        private void add(IngestPublisher.Line line) {
            if (speed > 0) {
                waitUntilDue(line);
            }
            batch.add(line);
            if (batch.size() >= BATCH_SIZE) {
                flush();
            }
            if (!clock.instant().isBefore(nextProgress)) {
                logProgress();
            }
        }

        private void waitUntilDue(IngestPublisher.Line line) {
            Instant published = publishedAt(line);
            if (published == null) {
                return;
            }
            if (firstPublished == null) {
                firstPublished = published;
                firstSentAt = clock.instant();
                return;
            }
            long offsetMillis = (long) (Duration.between(firstPublished, published).toMillis() / speed);
            Instant due = firstSentAt.plusMillis(offsetMillis);
            if (!due.isAfter(clock.instant())) {
                return;
            }
            // What is already due goes out before the wait, so it is not held back by it.
            flush();
            Duration wait = Duration.between(clock.instant(), due);
            if (wait.isNegative() || wait.isZero()) {
                return;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Replay of " + name + " interrupted before line " + line.number()
                        + " of " + line.source() + "; what was committed stays, and the ledger lets a rerun resume", e);
            }
        }

        private void flush() {
            if (!batch.isEmpty()) {
                total = total.plus(publisher.publish(List.copyOf(batch)));
                batch.clear();
            }
        }

        private void logProgress() {
            Instant now = clock.instant();
            nextProgress = now.plus(PROGRESS_EVERY);
            double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
            String eta = "unknown";
            if (totalBytes > 0 && bytesRead > 0) {
                double remaining = Math.max(0, totalBytes - bytesRead) / (bytesRead / seconds);
                eta = Duration.ofSeconds(Math.round(remaining)).toString().substring(2).toLowerCase(Locale.ROOT);
            }
            log.info("Replaying {}: {} lines, {} sent, {} skipped, {} dead-lettered, {} lines/s, ETA {}",
                    name, total.read() + batch.size(), total.sent(), total.skipped(), total.deadLettered(),
                    String.format(Locale.ROOT, "%.0f", (total.read() + batch.size()) / seconds), eta);
        }

        IngestPublisher.Summary finish() {
            flush();
            log.info("Replayed {}: {} lines read, {} sent, {} already sent before, {} dead-lettered in {}",
                    name, total.read(), total.sent(), total.skipped(), total.deadLettered(),
                    Duration.between(started, clock.instant()));
            return total;
        }
    }

    private static Instant publishedAt(IngestPublisher.Line line) {
        // Pacing only needs the time; a line that does not parse is the publisher's to report.
        ParsedLine<Article> parsed = ArticleJson.parse(new String(line.bytes(), StandardCharsets.UTF_8), line.number(),
                line.source(), Instant.EPOCH);
        return parsed.isValid() ? parsed.value().getPublished() : null;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
