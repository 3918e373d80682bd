package io.laborpulse.extract;

import java.util.List;

/** What one text yields: its language (ISO 639-1, or "und") and zero or more events. */
public record Extraction(String lang, List<ExtractedEvent> events) {

    public Extraction {
        events = List.copyOf(events);
    }
}
