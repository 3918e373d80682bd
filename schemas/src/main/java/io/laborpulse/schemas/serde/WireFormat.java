package io.laborpulse.schemas.serde;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format, in one place for both directions: byte 0 is the magic byte
 * {@code 0x00}, bytes 1–4 the schema id as a big-endian int32, then the plain Avro binary
 * encoding of the record (no object container, no Avro single-object header).
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** Bytes before the Avro payload: the magic byte and the schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The five header bytes announcing a record written with schema {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * The schema id of a framed record.
     *
     * @throws SerializationException if the bytes are shorter than the header or do not start with
     *                                the magic byte; the message shows the byte found
     */
    public static int schemaIdOf(byte[] framed) {
        if (framed.length < HEADER_SIZE) {
            throw new SerializationException("Record of " + framed.length
                    + " bytes is too short for the Confluent wire format (magic byte and 4-byte schema id)");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(Locale.ROOT,
                    "Unknown magic byte 0x%02x: not Confluent wire format (expected 0x00)", framed[0]));
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    /** Subject of a topic's keys or values under Confluent's default TopicNameStrategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
