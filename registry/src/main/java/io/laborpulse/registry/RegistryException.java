package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

/** A request the registry refuses, with the HTTP status and Confluent error code ({@link RegistryErrorCodes}) to answer. */
public final class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }
}
