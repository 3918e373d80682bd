package io.laborpulse.launcher;

import io.laborpulse.topology.SeasonalPoissonModel;
import io.laborpulse.topology.SpikeEvaluation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code laborpulse spikes-eval}: measures the topology's spike detector on a synthetic year. */
@Command(
        name = "spikes-eval",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Measure the spike detector on a synthetic year of seasonal Poisson activity with injected spikes.",
        description = {
            "Prints, by base rate, the share of 3x and 5x hourly spikes alerted within their hour, false alerts per "
                    + "region per month, and alerts on normal weekly-peak hours. Deterministic for a seed.",
            ""
        })
final class SpikesEvalCommand implements Callable<Integer> {

    @Option(names = "--regions", defaultValue = "200", description = "Regions to simulate (default: ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--hours", defaultValue = "8760", description = "Hours to simulate (default: a year, ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--spikes", defaultValue = "24", description = "Spikes injected per region (default: ${DEFAULT-VALUE}).")
    int spikes;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (regions < 1 || hours < 24 * 28 || spikes < 0) {
            throw new IllegalArgumentException("need at least one region, four weeks of hours and no negative spike count");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        out.print(SpikeEvaluation.run(SeasonalPoissonModel.defaults(), regions, hours, spikes, seed).render());
        out.printf("  (%.1f s)%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
