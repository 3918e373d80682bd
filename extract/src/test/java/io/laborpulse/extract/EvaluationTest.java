package io.laborpulse.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static ExtractedEvent event(String region, EventType type, Long participants) {
        return new ExtractedEvent(type, List.of(), region == null ? null : region.substring(0, 2), region, null,
                "اصفهان", Precision.REGION, participants, null, List.of(), null, 0.8, "");
    }

    @Test
    void shouldScoreRegionsTypesAndParticipantsPerLanguageAndOverall() {
        List<Evaluation.Gold> gold = List.of(
                new Evaluation.Gold("fa-1", "fa", "IR-10", "PROTEST", 300L, List.of()),
                new Evaluation.Gold("fa-2", "fa", "IR-23", "STRIKE", null, List.of()),
                new Evaluation.Gold("zh-1", "zh", "CN-GS", "WELFARE_SERVICE", 700L, List.of()));
        Map<String, Extraction> predicted = Map.of(
                "fa-1", new Extraction("fa", List.of(event("IR-10", EventType.PROTEST, 300L))),
                "fa-2", new Extraction("fa", List.of(event("IR-10", EventType.PROTEST, null))),
                "zh-1", new Extraction("zh", List.of(event("CN-GS", EventType.WELFARE_SERVICE, 70L))));

        Map<String, Evaluation.Scores> scores = Evaluation.score(gold, predicted);

        Evaluation.Scores all = scores.get(Evaluation.ALL);
        assertThat(all.items()).isEqualTo(3);
        assertThat(all.regionAccuracy()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.participantExactMatch()).isCloseTo(0.5, within(1e-9));
        assertThat(all.typeF1()).containsEntry("WELFARE_SERVICE", 1.0).containsEntry("STRIKE", 0.0);
        assertThat(all.typeF1().get("PROTEST")).isCloseTo(2 / 3.0, within(1e-9)); // precision 1/2, recall 1
        assertThat(all.typeMacroF1()).isCloseTo((2 / 3.0 + 0 + 1) / 3, within(1e-9));
        assertThat(scores.get("fa").regionAccuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(scores.get("zh").regionAccuracy()).isEqualTo(1.0);
    }

    @Test
    void shouldRecallRoundUpEventsOneForOne() {
        List<Evaluation.Gold> gold = List.of(new Evaluation.Gold("zh-r", "zh", null, "WELFARE_SERVICE", null, List.of(
                new Evaluation.GoldEvent("CN-GS", "WELFARE_SERVICE"),
                new Evaluation.GoldEvent("CN-GS", "WELFARE_SERVICE"),
                new Evaluation.GoldEvent("CN-GS", "EMPLOYMENT_SERVICE"))));
        Map<String, Extraction> predicted = Map.of("zh-r", new Extraction("zh", List.of(
                event("CN-GS", EventType.WELFARE_SERVICE, null), event("CN-GS", EventType.EMPLOYMENT_SERVICE, null))));

        Evaluation.Scores all = Evaluation.score(gold, predicted).get(Evaluation.ALL);

        assertThat(all.roundUpEvents()).isEqualTo(3);
        assertThat(all.roundUpRecall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.roundUpRead()).isEqualTo(2);
        assertThat(all.roundUpPrecision()).isEqualTo(1.0);
        assertThat(all.regionItems()).isZero();
        assertThat(all.regionAccuracy()).isNaN();
    }

    @Test
    void shouldCountRoundUpEventsThatRecallNothingAgainstPrecision() {
        List<Evaluation.Gold> gold = List.of(new Evaluation.Gold("en-r", "en", null, "STRIKE", null, List.of(
                new Evaluation.GoldEvent("IN-BR", "STRIKE"), new Evaluation.GoldEvent("IN-RJ", "STRIKE"))));
        Map<String, Extraction> predicted = Map.of("en-r", new Extraction("en", List.of(
                event("IN-DL", EventType.STRIKE, null), event("IN-BR", EventType.STRIKE, null),
                event("IN-RJ", EventType.PROTEST, null))));

        Evaluation.Scores all = Evaluation.score(gold, predicted).get(Evaluation.ALL);

        assertThat(all.roundUpRecall()).isCloseTo(0.5, within(1e-9));
        assertThat(all.roundUpRead()).isEqualTo(3);
        assertThat(all.roundUpPrecision()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void shouldReadNoEventAsRightForAnItemWithNoLabourEventAndWrongForOneWithAnEvent() {
        List<Evaluation.Gold> gold = List.of(
                new Evaluation.Gold("en-sport", "en", "US-GA", "OTHER", null, List.of()),
                new Evaluation.Gold("en-strike", "en", "US-CA", "STRIKE", null, List.of()));
        Map<String, Extraction> predicted = Map.of(
                "en-sport", new Extraction("en", List.of()),
                "en-strike", new Extraction("en", List.of()));

        Evaluation.Scores all = Evaluation.score(gold, predicted).get(Evaluation.ALL);

        assertThat(all.typeF1()).containsEntry("OTHER", 1.0).containsEntry("STRIKE", 0.0);
        assertThat(all.regionItems()).isEqualTo(1); // the strike's region is missed; the sport item has none to score
        assertThat(all.regionAccuracy()).isEqualTo(0.0);
    }
}
