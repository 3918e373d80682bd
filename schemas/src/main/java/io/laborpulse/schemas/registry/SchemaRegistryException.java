package io.laborpulse.schemas.registry;

/**
 * A registry call that failed. When the registry answered, this carries the HTTP status and
 * Confluent's {@code error_code} (see {@link RegistryErrorCodes}) and message; when it could not
 * be reached or its answer was unusable, both are -1 and the message says why.
 */
public final class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    /** The registry refused: its HTTP status, Confluent error code and message. */
    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error_code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    /** No usable answer: the registry answered something that is not the Confluent API. */
    public SchemaRegistryException(String message) {
        this(message, null);
    }

    /** No answer at all: unreachable, or the caller was interrupted. */
    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    /** HTTP status of the registry's answer, or -1 when there was no usable answer. */
    public int status() {
        return status;
    }

    /** Confluent error code ({@link RegistryErrorCodes}), or -1 when there was no usable answer. */
    public int errorCode() {
        return errorCode;
    }
}
