package io.laborpulse.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry model as the serde and tools need it. Implementations must be
 * thread-safe: one client is shared by every serde of a process.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; {@link SchemaRegistryException} (40403) when there is none. */
    Schema getSchemaById(int id);

    /** The registered version of exactly this schema under the subject, if any. */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    RegisteredSchema getVersion(String subject, int version);

    RegisteredSchema getLatest(String subject);

    /** Whether the schema could be registered under the subject's compatibility rule. */
    boolean isCompatible(String subject, Schema schema);

    List<String> subjects();

    List<Integer> versions(String subject);
}
