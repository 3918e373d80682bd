package io.laborpulse.topology;

import io.laborpulse.extract.Document;
import io.laborpulse.extract.EventType;
import io.laborpulse.extract.ExtractedEvent;
import io.laborpulse.extract.Extraction;
import io.laborpulse.extract.Extractor;
import io.laborpulse.extract.Precision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An extractor for topology specs: each line of an article's text of the form
 * {@code @REGION TYPE [participants] [yyyy-mm-dd] [place=NAME]} is one event, so a spec states the
 * events an article holds instead of depending on how well the real engine reads a made-up text.
 * An event's evidence is its article's id, so events of different articles look alike to the
 * dedup step only when a spec gives them the same place. Other
 * lines are ordinary prose and yield nothing; a line {@code @FAIL} makes the engine throw.
 */
final class ScriptedExtractor implements Extractor {

    @Override
    public Extraction extract(Document doc) {
        List<ExtractedEvent> events = new ArrayList<>();
        for (String line : doc.text().split("\n")) {
            if (!line.startsWith("@")) {
                continue;
            }
            if (line.equals("@FAIL")) {
                throw new IllegalStateException("scripted engine failure");
            }
            String[] parts = line.substring(1).trim().split(" ");
            String region = parts[0];
            Long participants = null;
            LocalDate date = null;
            String place = null;
            for (int i = 2; i < parts.length; i++) {
                if (parts[i].startsWith("place=")) {
                    place = parts[i].substring("place=".length());
                } else if (parts[i].contains("-")) {
                    date = LocalDate.parse(parts[i]);
                } else {
                    participants = Long.parseLong(parts[i]);
                }
            }
            events.add(new ExtractedEvent(
                    EventType.valueOf(parts[1].toUpperCase(Locale.ROOT)), List.of(),
                    region.substring(0, 2), region, region + " name", place, place == null ? Precision.REGION : Precision.CITY,
                    participants, date, List.of(), null, 0.9, doc.id()));
        }
        return new Extraction(doc.langHint() == null ? "fa" : doc.langHint(), events);
    }
}
