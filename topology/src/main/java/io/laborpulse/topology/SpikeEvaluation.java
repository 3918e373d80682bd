package io.laborpulse.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures a {@link SpikeModel} on a synthetic year: many regions with seasonal Poisson
 * background (a daily cycle, quieter weekends, and a normal weekly peak on Monday 09:00–11:00 at
 * twice the usual rate), and injected hourly spikes of three and five times the expected count.
 * Hour by hour, each region's count is assessed (as the topology does with the running count:
 * the statistic grows with the count, so an hour alerts within itself exactly when its full
 * count does) and then learnt, as a closed hour is.
 *
 * <p>Reports: the share of 3× and 5× spikes alerted within their hour, by the expected count of
 * the spike's hour (what decides whether a spike can be told from chance at all); beside it the
 * best any one-hour count test could do with at most one false alert a month (see
 * {@link #bestPossible}); false alerts per region per month (alerts in hours without a spike);
 * and alerts on the weekly peak hours. Deterministic for a seed. Pure: no Kafka.
 */
public final class SpikeEvaluation {

    /** The figures of one run. */
    public record Report(int regions, int hours, List<Band> bands, long falseAlerts, double falseAlertsPerRegionMonth,
            long weeklyPeakAlerts, long weeklyPeakHours) {

        public String render() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%d regions x %d hours of seasonal Poisson background, hourly spikes injected at 3x and 5x%n", regions, hours));
            out.append(String.format(Locale.ROOT, "  %-24s %9s %11s %12s %9s %11s %12s%n", "expected in the hour", "3x spikes",
                    "3x alerted", "(best test)", "5x spikes", "5x alerted", "(best test)"));
            for (Band band : bands) {
                out.append(String.format(Locale.ROOT, "  %-24s %9d %11s %12s %9d %11s %12s%n", band.name(), band.spikes3(),
                        percent(band.detected3(), band.spikes3()), "(" + percent(band.best3(), band.spikes3()) + ")", band.spikes5(),
                        percent(band.detected5(), band.spikes5()), "(" + percent(band.best5(), band.spikes5()) + ")"));
            }
            out.append(String.format(Locale.ROOT, "  false alerts: %d in all, %.3f per region per month%n", falseAlerts, falseAlertsPerRegionMonth));
            out.append(String.format(Locale.ROOT, "  alerts on normal weekly-peak hours: %d of %d%n", weeklyPeakAlerts, weeklyPeakHours));
            return out.toString();
        }

        private static String percent(double hit, long of) {
            return of == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100.0 * hit / of);
        }
    }

    /**
     * Spikes in hours whose expected count (before the spike) lies in {@code [from, to)}: how
     * many, how many alerted within the hour, and how many the best one-hour test would catch
     * (an expectation, summed over the spikes).
     */
    public record Band(String name, double from, double to, long spikes3, long detected3, double best3, long spikes5,
            long detected5, double best5) {
    }

    private static final long START = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli(); // a Monday
    private static final long HOUR = 3_600_000L;
    private static final double[][] BANDS = {{0, 1}, {1, 5}, {5, Double.POSITIVE_INFINITY}};
    /** One false alert a month, were every hour tested: the budget the best test gets. */
    static final double MONTHLY_FALSE_ALERT_BUDGET = 1.0 / (24 * 365 / 12.0);
    /** Spikes only after the detector's warm-up: three weeks in. */
    private static final int FIRST_SPIKE_HOUR = 21 * 24;

    private SpikeEvaluation() {
    }

    /**
     * @param spikesPerRegion how many spikes to inject into each region over the run (half 3×, half 5×)
     */
    public static <S> Report run(SpikeModel<S> model, int regions, int hours, int spikesPerRegion, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[][] bandCounts = new long[BANDS.length][4];
        double[][] bandBest = new double[BANDS.length][2];
        long falseAlerts = 0;
        long peakAlerts = 0;
        long peakHours = 0;
        for (int r = 0; r < regions; r++) {
            // Base rates spread evenly on a log scale from 0.2 to 20 events an hour.
            double base = 0.2 * Math.pow(100, (r + 0.5) / regions);
            int[] spikeAt = new int[hours];
            for (int s = 0; s < spikesPerRegion; s++) {
                spikeAt[FIRST_SPIKE_HOUR + random.nextInt(hours - FIRST_SPIKE_HOUR)] = s % 2 == 0 ? 3 : 5;
            }
            S state = model.fresh();
            for (int h = 0; h < hours; h++) {
                long windowStart = START + h * HOUR;
                double expected = base * season(h);
                long count = poisson(random, expected * Math.max(1, spikeAt[h]));
                boolean alert = model.assess(state, windowStart, count).fire();
                int band = band(expected);
                if (spikeAt[h] == 3) {
                    bandCounts[band][0]++;
                    bandCounts[band][1] += alert ? 1 : 0;
                    bandBest[band][0] += bestPossible(expected, 3);
                } else if (spikeAt[h] == 5) {
                    bandCounts[band][2]++;
                    bandCounts[band][3] += alert ? 1 : 0;
                    bandBest[band][1] += bestPossible(expected, 5);
                } else if (alert) {
                    falseAlerts++;
                }
                if (weeklyPeak(h) && spikeAt[h] == 0) {
                    peakHours++;
                    peakAlerts += alert ? 1 : 0;
                }
                state = model.learn(state, windowStart, count);
            }
        }
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < BANDS.length; b++) {
            String name = Double.isInfinite(BANDS[b][1]) ? String.format(Locale.ROOT, "%.0f and more events", BANDS[b][0])
                    : String.format(Locale.ROOT, "%.0f – %.0f events", BANDS[b][0], BANDS[b][1]);
            bands.add(new Band(name, BANDS[b][0], BANDS[b][1], bandCounts[b][0], bandCounts[b][1], bandBest[b][0],
                    bandCounts[b][2], bandCounts[b][3], bandBest[b][1]));
        }
        double months = hours / (24.0 * 365 / 12);
        return new Report(regions, hours, bands, falseAlerts, falseAlerts / (regions * months), peakAlerts, peakHours);
    }

    /** Seasonal multiplier of hour {@code h} from a Monday 00:00: day and night, weekend, Monday-morning peak. */
    static double season(int h) {
        int hourOfDay = h % 24;
        int dayOfWeek = (h / 24) % 7; // 0 = Monday
        double daily = hourOfDay < 6 ? 0.3 : hourOfDay < 20 ? 1.3 : 0.7;
        double weekly = dayOfWeek >= 5 ? 0.5 : 1.0;
        return daily * weekly * (weeklyPeak(h) ? 2.0 : 1.0);
    }

    static boolean weeklyPeak(int h) {
        return (h / 24) % 7 == 0 && h % 24 >= 9 && h % 24 < 11;
    }

    /**
     * The chance that the best one-hour test catches a {@code factor}× spike of an hour expected
     * to hold {@code expected} events, knowing that expectation exactly: alert from the smallest
     * count that chance alone reaches at most {@link #MONTHLY_FALSE_ALERT_BUDGET} of the time.
     * No detector of single hours does better at that false-alert rate (Neyman–Pearson), so
     * this is the ceiling a detector is measured against.
     */
    static double bestPossible(double expected, int factor) {
        long threshold = 0;
        while (poissonTail(expected, threshold) > MONTHLY_FALSE_ALERT_BUDGET) {
            threshold++;
        }
        return poissonTail(expected * factor, threshold);
    }

    /** P(X ≥ k) for X ~ Poisson(mean), summed in log space so large means do not underflow. */
    static double poissonTail(double mean, long k) {
        if (k <= 0) {
            return 1;
        }
        double below = 0;
        double logTerm = -mean; // log P(X = 0)
        for (long i = 0; i < k; i++) {
            below += Math.exp(logTerm);
            logTerm += Math.log(mean) - Math.log(i + 1);
        }
        return Math.max(0, 1 - below);
    }

    private static int band(double expected) {
        for (int b = 0; b < BANDS.length; b++) {
            if (expected >= BANDS[b][0] && expected < BANDS[b][1]) {
                return b;
            }
        }
        return BANDS.length - 1;
    }

    /** A Poisson draw: Knuth's product method for small means, a rounded normal for large ones. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            double normal = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
