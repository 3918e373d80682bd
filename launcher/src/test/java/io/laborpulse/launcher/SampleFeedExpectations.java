package io.laborpulse.launcher;

import java.util.Map;
import java.util.TreeMap;

/** Events per region key of the bundled demo feed, as pinned item by item in the ingest's SampleFeedReadingTest. */
final class SampleFeedExpectations {

    static final Map<String, Long> EVENTS_BY_REGION = new TreeMap<>(Map.ofEntries(
            Map.entry("IR-10", 1L), Map.entry("IR-23", 1L), Map.entry("IR-06", 1L), Map.entry("IR-08", 1L),
            Map.entry("IR-03", 1L), Map.entry("CN-GD", 3L), Map.entry("CN-FJ", 1L), Map.entry("CN-SC", 1L),
            Map.entry("CN-HB", 1L), Map.entry("CN-SD", 1L), Map.entry("BD-C", 1L), Map.entry("US-OH", 1L),
            Map.entry("US-TX", 1L), Map.entry("EG-GH", 1L), Map.entry("EG-C", 1L), Map.entry("SA-02", 1L)));

    private SampleFeedExpectations() {
    }
}
