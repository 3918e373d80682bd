package io.laborpulse.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/** Schemas shared by the registry tests: one record evolved in the ways that matter. */
final class Fixtures {

    /** A subject with a non-Latin name, as the product's Persian feeds could produce. */
    static final String PERSIAN_SUBJECT = "رویدادهای-کارگری-value";

    /** {@code Event {id, place}}: the first version. */
    static final Schema V1 = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").requiredString("place").endRecord();
    /** V1 plus an optional field with a default: compatible in both directions. */
    static final Schema ADD_OPTIONAL = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").requiredString("place").optionalString("note").endRecord();
    /** V1 plus a required field without default: new readers cannot read old data. */
    static final Schema ADD_REQUIRED = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").requiredString("place").requiredString("region").endRecord();
    /** V1 minus {@code place}: old readers cannot read new data. */
    static final Schema REMOVE_FIELD = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").endRecord();
    /** V1 plus {@code region} with a default: readable from V1 data. */
    static final Schema ADD_DEFAULTED = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").requiredString("place")
            .name("region").type().stringType().stringDefault("IR-00").endRecord();
    /** A different record altogether. */
    static final Schema OTHER = SchemaBuilder.record("Other").namespace("test").fields()
            .requiredLong("n").endRecord();

    private Fixtures() {
    }
}
