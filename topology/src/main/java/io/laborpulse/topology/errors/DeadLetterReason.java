package io.laborpulse.topology.errors;

import io.laborpulse.schemas.registry.RegistryErrorCodes;
import io.laborpulse.schemas.registry.SchemaRegistryException;
import java.util.Locale;

/**
 * Why a record went to the dead-letter topic: the {@code reason} label of
 * {@code laborpulse_dead_letters_total} and the {@value DeadLetters#REASON_HEADER} header. A
 * closed set, so the metric's cardinality stays small.
 */
public enum DeadLetterReason {
    /** The bytes are not a Confluent-framed Avro record of the topic's contract. */
    UNDESERIALIZABLE,
    /** The record names a schema id the registry does not know. */
    UNKNOWN_SCHEMA,
    /** A required field is missing or blank (an article without text, an event without type). */
    INVALID_RECORD,
    /** The text is over the configured size limit. */
    TOO_LARGE,
    /** The extraction engine failed on the record. */
    ENRICHMENT_FAILED,
    /** A result could not be serialised or written to its topic. */
    UNPRODUCIBLE,
    /** Any other failure while processing. */
    PROCESSING_FAILED;

    /** The label value: lower case, as Prometheus labels usually are. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason a deserialisation failure stands for: an unknown schema id or unreadable bytes. */
    public static DeadLetterReason ofDeserialization(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException registry && registry.errorCode() == RegistryErrorCodes.SCHEMA_NOT_FOUND) {
                return UNKNOWN_SCHEMA;
            }
        }
        return UNDESERIALIZABLE;
    }

    /** The reason a processing failure stands for: the one a {@link RecordRejected} names, else a general failure. */
    public static DeadLetterReason ofProcessing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordRejected rejected) {
                return rejected.reason();
            }
        }
        return PROCESSING_FAILED;
    }
}
