package io.laborpulse.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The Confluent Schema Registry model as the serde and tools need it: subjects hold numbered
 * versions (from 1), each version is a schema, and each distinct schema has one global id, the
 * same under every subject it is registered under.
 *
 * <p>Implementations are thread-safe (one client serves every serde of a process) and report
 * failures as {@link SchemaRegistryException} carrying Confluent's error code.
 */
public interface SchemaRegistryClient {

    /**
     * Registers the schema under the subject and returns its global id. Idempotent: a schema already
     * registered under the subject keeps its id and version. Fails with 409
     * ({@link RegistryErrorCodes#INCOMPATIBLE_SCHEMA}) when the subject's compatibility rule rejects it.
     */
    int register(String subject, Schema schema);

    /** The schema with this global id; fails with 40403 when there is none. */
    Schema getSchemaById(int id);

    /**
     * The version of exactly this schema under the subject, without registering anything; empty
     * when the subject does not exist or does not hold the schema.
     */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    /** One version of the subject; fails with 40401 (no subject) or 40402 (no such version). */
    RegisteredSchema getVersion(String subject, int version);

    /** The newest version of the subject; fails with 40401 when the subject does not exist. */
    RegisteredSchema getLatest(String subject);

    /**
     * Whether the schema could be registered as the subject's next version: it can read data written
     * with the latest version (BACKWARD). True for a subject that does not exist yet, as Confluent answers.
     */
    boolean isCompatible(String subject, Schema schema);

    /** Every subject that holds at least one version. */
    List<String> subjects();

    /** The version numbers of the subject, ascending; fails with 40401 when it does not exist. */
    List<Integer> versions(String subject);
}
