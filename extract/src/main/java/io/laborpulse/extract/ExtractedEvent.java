package io.laborpulse.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One labour event read from a text.
 *
 * @param country      ISO 3166-1 alpha-2 code, or null when no place was resolved
 * @param region       ISO 3166-2 code of the first-level region, or null
 * @param regionName   English name of the region (or country), for display
 * @param place        the place as written in the text
 * @param participants people taking part or served, when stated (not money, not items)
 * @param eventDate    the event's own date when the text gives one, else null
 * @param actors       organisations named as taking part (unions, employer, labour office …)
 * @param sector       the trade or group of workers concerned, or null when not stated
 * @param confidence   in [0, 1]
 * @param evidence     a short snippet of the text that supports the event
 */
public record ExtractedEvent(
        EventType type,
        List<EventType> secondaryTypes,
        String country,
        String region,
        String regionName,
        String place,
        Precision precision,
        Long participants,
        LocalDate eventDate,
        List<Actor> actors,
        Sector sector,
        double confidence,
        String evidence) {

    public ExtractedEvent {
        secondaryTypes = List.copyOf(secondaryTypes);
        actors = List.copyOf(actors);
    }

    /** The main type followed by the secondary types. */
    public List<EventType> types() {
        List<EventType> all = new ArrayList<>(secondaryTypes.size() + 1);
        all.add(type);
        all.addAll(secondaryTypes);
        return all;
    }
}
