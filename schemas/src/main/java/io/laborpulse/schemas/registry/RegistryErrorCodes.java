package io.laborpulse.schemas.registry;

/**
 * The Confluent Schema Registry {@code error_code} values this project speaks (client) and serves
 * (the registry module). Codes of five digits start with the HTTP status they travel with; the
 * three-digit ones are sent as both status and code, as Confluent does.
 */
public final class RegistryErrorCodes {

    /** HTTP 404: no subject of that name. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** HTTP 404: the subject has no such version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** HTTP 404: no schema with that id, or the schema is not registered under the subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** HTTP 404: the subject has no compatibility level of its own. */
    public static final int SUBJECT_CONFIG_NOT_FOUND = 40408;
    /** HTTP 404: no such endpoint. */
    public static final int NOT_FOUND = 404;
    /** HTTP 409: the schema breaks the subject's compatibility rule. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** HTTP 413: request body too large. */
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int PAYLOAD_TOO_LARGE = 413;
    /** HTTP 422: the request body is not what the endpoint takes. */
    public static final int INVALID_REQUEST = 42200;
    /** HTTP 422: the schema does not parse. */
    public static final int INVALID_SCHEMA = 42201;
    /** HTTP 422: a version that is neither a positive integer nor {@code latest}. */
    public static final int INVALID_VERSION = 42202;
    /** HTTP 422: an unknown compatibility level. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** HTTP 500: the registry could not store the schema. */
    public static final int STORE_ERROR = 50001;
    public static final int INTERNAL_ERROR = 50002;

    private RegistryErrorCodes() {
    }
}
