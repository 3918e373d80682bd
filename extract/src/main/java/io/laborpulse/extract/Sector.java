package io.laborpulse.extract;

/**
 * The trade or group of workers an event concerns, where the text says so. The Avro enum of the
 * same name mirrors it symbol for symbol; docs/taxonomy.md lists the cues per language.
 */
public enum Sector {
    MINING,
    ENERGY,
    MANUFACTURING,
    CONSTRUCTION,
    TRANSPORT,
    DELIVERY,
    HEALTH,
    EDUCATION,
    MUNICIPAL,
    AGRICULTURE,
    GARMENT_TEXTILE,
    RETIREES,
    /** A symbol a newer writer added that this reader does not know. */
    OTHER
}
