package io.laborpulse.topology;

import io.laborpulse.schemas.avro.LaborEvent;

/**
 * The key events and activity are partitioned and counted by: the ISO 3166-2 region when the
 * place is known to that level, else the ISO 3166-1 country, else {@value #UNKNOWN}
 * (ISO's user-assigned code for "unknown"), so no event is left without a key.
 */
public final class RegionKeys {

    public static final String UNKNOWN = "ZZ";

    private RegionKeys() {
    }

    public static String of(LaborEvent event) {
        if (event.getRegion() != null) {
            return event.getRegion();
        }
        return event.getCountry() != null ? event.getCountry() : UNKNOWN;
    }
}
