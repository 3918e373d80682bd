package io.laborpulse.topology;

import io.laborpulse.schemas.avro.Severity;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A seasonal Poisson spike statistic for hourly counts.
 *
 * <p><b>Baseline.</b> One mean per hour of the week (168 slots, so a normal Monday-morning peak
 * is expected on Monday mornings), learnt from closed hours as a plain mean over the slot's first
 * observations and then an exponentially weighted one ({@code alpha} 0.1: about ten weeks of
 * memory), and an overall hourly mean learnt from every hour. Before a slot has been seen
 * {@code SLOT_WARMUP} times its expectation leans on the overall mean, weighted by how often it
 * has been seen.
 *
 * <p><b>Resisting the spike.</b> Once a slot has a mean of its own, a closed hour is learnt capped
 * at that mean plus four standard deviations, so one spike moves the baseline by a little, not by
 * the spike.
 *
 * <p><b>Score.</b> The Poisson upper-tail probability {@code p = P(X ≥ observed | λ = expected)};
 * the score is {@code -log10 p}. An hour fires when the score reaches {@code threshold} (default
 * 3, a one-in-a-thousand count) and the count is at least {@code minimumCount} (default 5).
 * {@link SpikeEvaluation} measures these defaults on a synthetic year ({@code laborpulse spikes-eval}).
 * Severity: WARNING from the threshold, CRITICAL from twice it.
 *
 * <p><b>Cold start.</b> No alert before {@code warmupHours} (default two weeks) of closed hours
 * have been learnt for the key: until then there is no baseline to be surprised by.
 */
public final class SeasonalPoissonModel implements SpikeModel<SeasonalPoissonModel.Baseline> {

    private static final int SLOTS = 168;
    private static final int SLOT_WARMUP = 2;
    private static final double ALPHA = 0.1;
    private static final double GLOBAL_ALPHA = 0.01;
    /** A floor under the expectation, so a region quiet so far is not alarmed by its first few events. */
    private static final double MIN_EXPECTED = 0.05;

    private final double threshold;
    private final long minimumCount;
    private final int warmupHours;

    public SeasonalPoissonModel(double threshold, long minimumCount, Duration warmup) {
        if (!(threshold > 0) || minimumCount < 1 || warmup.isNegative()) {
            throw new IllegalArgumentException("spike threshold must be positive, minimum count at least 1 and warm-up "
                    + "not negative; got " + threshold + ", " + minimumCount + ", " + warmup);
        }
        this.threshold = threshold;
        this.minimumCount = minimumCount;
        this.warmupHours = (int) Math.min(Integer.MAX_VALUE, warmup.toHours());
    }

    /** The defaults the measured figures are for; {@code spike.*} settings of the launcher override them. */
    public static SeasonalPoissonModel defaults() {
        return new SeasonalPoissonModel(3.0, 5, Duration.ofDays(14));
    }

    /** Per key: the hour-of-week means, how often each slot was seen, the overall mean and hours learnt. */
    public record Baseline(float[] slotMeans, byte[] slotSeen, float overallMean, int hours) {
    }

    @Override
    public Baseline fresh() {
        return new Baseline(new float[SLOTS], new byte[SLOTS], 0f, 0);
    }

    @Override
    public Baseline learn(Baseline state, long windowStart, long count) {
        int slot = slot(windowStart);
        int seen = state.slotSeen()[slot];
        double observed = count;
        if (seen >= SLOT_WARMUP) {
            // A slot with a mean of its own learns spikes only up to four deviations above it.
            double expected = state.slotMeans()[slot];
            observed = Math.min(count, expected + 4 * Math.sqrt(Math.max(expected, 1)));
        }
        float[] means = state.slotMeans().clone();
        byte[] seens = state.slotSeen().clone();
        // A plain running mean over the first observations, then an exponentially weighted one.
        double rate = Math.max(ALPHA, 1.0 / (seen + 1));
        means[slot] = (float) (means[slot] + rate * (observed - means[slot]));
        seens[slot] = (byte) Math.min(Byte.MAX_VALUE, seen + 1);
        double overallRate = Math.max(GLOBAL_ALPHA, 1.0 / (state.hours() + 1.0));
        float overall = (float) (state.overallMean() + overallRate * (Math.min(count, observed) - state.overallMean()));
        return new Baseline(means, seens, overall, state.hours() == Integer.MAX_VALUE ? state.hours() : state.hours() + 1);
    }

    @Override
    public Verdict assess(Baseline state, long windowStart, long runningCount) {
        double expected = expected(state, slot(windowStart));
        double score = -Math.log10(poissonUpperTail(runningCount, Math.max(expected, MIN_EXPECTED)));
        boolean fire = state.hours() >= warmupHours && runningCount >= minimumCount && score >= threshold;
        Severity severity = score >= 2 * threshold ? Severity.CRITICAL : score >= threshold ? Severity.WARNING : Severity.INFO;
        return new Verdict(fire, expected, score, severity);
    }

    /** The expectation of a slot: its own mean once seen enough, leaning on the overall mean before. */
    static double expected(Baseline state, int slot) {
        double weight = Math.min(1.0, state.slotSeen()[slot] / (double) SLOT_WARMUP);
        return weight * state.slotMeans()[slot] + (1 - weight) * state.overallMean();
    }

    /** The hour of the week (0 = Monday 00:00 UTC) of a window start. */
    static int slot(long windowStart) {
        long hours = Math.floorDiv(windowStart, 3_600_000L);
        // 1970-01-01 was a Thursday: shift so that slot 0 is Monday 00:00.
        return (int) Math.floorMod(hours + 72, SLOTS);
    }

    /**
     * P(X ≥ k) for X ~ Poisson(λ), summed upwards from the k-th term (computed through its
     * logarithm). At or below the expectation the tail is reported as 1 (score 0): only counts
     * above it can be spikes.
     */
    static double poissonUpperTail(long k, double lambda) {
        if (k <= lambda) {
            return 1.0;
        }
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (long i = k; i < k + 1000 && term > 1e-300; i++) {
            sum += term;
            term *= lambda / (i + 1);
        }
        return Math.min(1.0, Math.max(sum, Double.MIN_VALUE));
    }

    private static double logFactorial(long n) {
        double sum = 0;
        for (long i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }

    @Override
    public Serde<Baseline> stateSerde() {
        return SERDE;
    }

    private static final int BYTES = SLOTS * Float.BYTES + SLOTS + Float.BYTES + Integer.BYTES;

    private static final Serde<Baseline> SERDE = Serdes.serdeFrom(
            (Serializer<Baseline>) (topic, b) -> {
                if (b == null) {
                    return null;
                }
                ByteBuffer out = ByteBuffer.allocate(BYTES);
                for (float mean : b.slotMeans()) {
                    out.putFloat(mean);
                }
                out.put(b.slotSeen()).putFloat(b.overallMean()).putInt(b.hours());
                return out.array();
            },
            (Deserializer<Baseline>) (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                if (bytes.length != BYTES) {
                    throw new IllegalStateException("Spike baseline of " + bytes.length + " bytes; expected " + BYTES);
                }
                ByteBuffer in = ByteBuffer.wrap(bytes);
                float[] means = new float[SLOTS];
                for (int i = 0; i < SLOTS; i++) {
                    means[i] = in.getFloat();
                }
                byte[] seen = new byte[SLOTS];
                in.get(seen);
                return new Baseline(means, seen, in.getFloat(), in.getInt());
            });
}
