package io.laborpulse.schemas.registry;

/** A registry call that failed: the HTTP status and the Confluent error code and message. */
public final class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** HTTP status, or -1 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** Confluent error code ({@link RegistryErrorCodes}), or -1 when the registry could not be reached. */
    public int errorCode() {
        return errorCode;
    }
}
