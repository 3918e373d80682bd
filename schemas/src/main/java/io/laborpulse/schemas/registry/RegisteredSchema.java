package io.laborpulse.schemas.registry;

import org.apache.avro.Schema;

/**
 * One version of a schema under a subject, as the registry reports it.
 *
 * @param subject the subject, e.g. {@code labor.events.v1-value}
 * @param version the version within the subject, from 1
 * @param id      the schema's global id, the one written into each record's header
 * @param schema  the schema itself
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
