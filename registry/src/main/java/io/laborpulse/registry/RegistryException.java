package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

/**
 * A request the registry refuses, carrying the HTTP status and Confluent error code
 * ({@link RegistryErrorCodes}) to answer with. The message goes to the client as is, so it never holds
 * a stack trace.
 */
public final class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public RegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }

    /** The Confluent {@code error_code}. */
    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryException schemaNotFound(String what) {
        return new RegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, what + " not found.");
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA, message);
    }
}
