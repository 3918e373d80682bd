package io.laborpulse.extract;

/** How precisely a place is known, from nothing to a city, county or district. */
public enum Precision {
    UNKNOWN,
    COUNTRY,
    REGION,
    CITY
}
