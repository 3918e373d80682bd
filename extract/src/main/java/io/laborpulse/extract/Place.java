package io.laborpulse.extract;

/**
 * One gazetteer entry: a country, a first-level region, or a city, county or district inside
 * one.
 *
 * @param id      stable id: the ISO code for countries and regions, {@code REGION/slug} below
 * @param country ISO 3166-1 alpha-2 code
 * @param region  ISO 3166-2 code of the first-level region, null for a country
 * @param name    English name
 */
public record Place(String id, String country, String region, Precision precision, String name) {
}
