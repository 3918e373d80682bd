package io.laborpulse.schemas.serde;

import io.laborpulse.schemas.registry.HttpSchemaRegistryClient;
import io.laborpulse.schemas.registry.SchemaRegistryClient;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;

/**
 * The serde settings, named as Confluent's Avro serde names them so a producer, consumer or
 * Streams config written for Confluent's serde works unchanged with ours.
 */
public final class SerdeConfig {

    /** Base URL of the registry, or several separated by commas. Required when the serde is built by Kafka. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code true} (default): register the record's schema; {@code false}: only look it up, fail if absent. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** {@code user:password} for HTTP basic authentication against the registry. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** SpecificRecord class (or its name) keys are read as; default: the class generated for the writer's schema. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    /** SpecificRecord class (or its name) values are read as; default: the class generated for the writer's schema. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    private SerdeConfig() {
    }

    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "the Avro serde needs the schema registry URL");
        }
        Object auth = configs.get(BASIC_AUTH_USER_INFO);
        try {
            return new HttpSchemaRegistryClient(url.toString(), auth == null ? null : auth.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, e.getMessage());
        }
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        if (value == null) {
            return true;
        }
        // Boolean.parseBoolean would read a typo such as "flase" as false without a word.
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(AUTO_REGISTER_SCHEMAS, value, "must be true or false");
        };
    }

    /** The configured reader class for keys or values, or null when the writer's schema decides. */
    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> Class<T> readerType(Map<String, ?> configs, boolean isKey) {
        String name = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        Object value = configs.get(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Class<?> type;
        try {
            type = value instanceof Class<?> given ? given
                    : Class.forName(value.toString().strip(), true, Utils.getContextOrKafkaClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(name, value, "no such class on the classpath");
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(name, value, "not an Avro SpecificRecord class");
        }
        return (Class<T>) type;
    }
}
