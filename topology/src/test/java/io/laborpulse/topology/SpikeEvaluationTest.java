package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The synthetic-year harness: deterministic, seasonal, and telling a useful detector from a useless one. */
class SpikeEvaluationTest {

    @Test
    void shouldGiveTheSameFiguresForTheSameSeed() {
        SpikeEvaluation.Report first = SpikeEvaluation.run(SeasonalPoissonModel.defaults(), 20, 24 * 7 * 8, 6, 42);
        SpikeEvaluation.Report second = SpikeEvaluation.run(SeasonalPoissonModel.defaults(), 20, 24 * 7 * 8, 6, 42);

        assertThat(first).isEqualTo(second);
        assertThat(first.render()).contains("5x alerted", "per region per month", "weekly-peak");
    }

    @Test
    void shouldFindMostFiveFoldSpikesInBusyRegionsAndFewFalseAlerts() {
        SpikeEvaluation.Report report = SpikeEvaluation.run(SeasonalPoissonModel.defaults(), 40, 24 * 7 * 16, 10, 7);
        SpikeEvaluation.Band busy = report.bands().get(report.bands().size() - 1);

        assertThat(busy.spikes5()).isPositive();
        assertThat(busy.detected5() / (double) busy.spikes5()).isGreaterThan(0.8);
        assertThat(report.falseAlertsPerRegionMonth()).isLessThan(2.0);
    }

    @Test
    void shouldBoundTheBestTestByTheFalseAlertBudget() {
        // Expected 10 in the hour: chance reaches 22 or more about once in 1,400 hours, 21 or more
        // more often than once a month, so the best test alerts from 22; a 5x hour (mean 50) gets there almost surely.
        assertThat(SpikeEvaluation.poissonTail(10, 22)).isLessThan(SpikeEvaluation.MONTHLY_FALSE_ALERT_BUDGET);
        assertThat(SpikeEvaluation.poissonTail(10, 21)).isGreaterThan(SpikeEvaluation.MONTHLY_FALSE_ALERT_BUDGET);
        assertThat(SpikeEvaluation.bestPossible(10, 5)).isGreaterThan(0.999);
        // Expected 0.2: even the best test needs 3 events, which a 5x hour (mean 1) reaches 8 % of the time.
        assertThat(SpikeEvaluation.bestPossible(0.2, 5)).isBetween(0.07, 0.09);
        assertThat(SpikeEvaluation.poissonTail(3, 0)).isEqualTo(1.0);
    }

    @Test
    void shouldFindNothingWithADetectorThatNeverFires() {
        SpikeModel<Long> silent = new SpikeModel<>() {
            public Long fresh() { return 0L; }
            public Long learn(Long state, long windowStart, long count) { return state + 1; }
            public Verdict assess(Long state, long windowStart, long count) {
                return new Verdict(false, 0, 0, io.laborpulse.schemas.avro.Severity.INFO);
            }
            public org.apache.kafka.common.serialization.Serde<Long> stateSerde() {
                return org.apache.kafka.common.serialization.Serdes.Long();
            }
        };

        SpikeEvaluation.Report report = SpikeEvaluation.run(silent, 10, 24 * 7 * 6, 4, 1);

        assertThat(report.bands()).allSatisfy(b -> assertThat(b.detected5() + b.detected3()).isZero());
        assertThat(report.falseAlerts()).isZero();
    }

    @Test
    void shouldDrawPoissonCountsWithTheRightMean() {
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += SpikeEvaluation.poisson(random, 4.0);
        }
        assertThat(sum / 20_000).isBetween(3.9, 4.1);
        assertThat(SpikeEvaluation.season(24 * 0 + 9)).isGreaterThan(SpikeEvaluation.season(24 * 1 + 9));
    }
}
