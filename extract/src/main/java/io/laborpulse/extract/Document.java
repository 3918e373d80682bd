package io.laborpulse.extract;

import java.time.Instant;

/**
 * One text to read. Only {@code id} and {@code text} are required; the rest are hints.
 *
 * @param published   publication time, used to resolve dates written without a year
 * @param langHint    ISO 639-1 language the source declares, if any
 * @param countryHint ISO 3166-1 alpha-2 home country of the outlet: a prior for places
 */
public record Document(String id, String title, String text, String url, Instant published,
        String langHint, String countryHint) {

    public static Document of(String id, String text) {
        return new Document(id, null, text, null, null, null, null);
    }
}
