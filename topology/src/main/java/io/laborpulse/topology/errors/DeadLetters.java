package io.laborpulse.topology.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the failed record's original key and value bytes and headers,
 * plus headers saying what went wrong and where the record came from. The {@code __streams.errors.*}
 * names are the ones Kafka Streams' own dead-letter queue (KIP-1034) writes, so tools built for
 * it read ours; the timestamp and the reason are added.
 */
public final class DeadLetters {

    public static final String EXCEPTION_HEADER = "__streams.errors.exception";
    public static final String MESSAGE_HEADER = "__streams.errors.message";
    public static final String STACKTRACE_HEADER = "__streams.errors.stacktrace";
    public static final String TOPIC_HEADER = "__streams.errors.topic";
    public static final String PARTITION_HEADER = "__streams.errors.partition";
    public static final String OFFSET_HEADER = "__streams.errors.offset";
    public static final String TIMESTAMP_HEADER = "__streams.errors.timestamp";
    public static final String REASON_HEADER = "laborpulse.dead-letter.reason";

    private DeadLetters() {
    }

    public static ProducerRecord<byte[], byte[]> record(String deadLetterTopic, DeadLetterReason reason,
            ErrorHandlerContext context, byte[] key, byte[] value, Throwable failure) {
        Headers headers = new RecordHeaders();
        if (context.headers() != null) {
            context.headers().forEach(headers::add);
        }
        put(headers, EXCEPTION_HEADER, failure.getClass().getName());
        put(headers, MESSAGE_HEADER, String.valueOf(failure.getMessage()));
        put(headers, STACKTRACE_HEADER, stackTrace(failure));
        put(headers, TOPIC_HEADER, context.topic());
        put(headers, PARTITION_HEADER, Integer.toString(context.partition()));
        put(headers, OFFSET_HEADER, Long.toString(context.offset()));
        put(headers, TIMESTAMP_HEADER, Long.toString(context.timestamp()));
        put(headers, REASON_HEADER, reason.label());
        return new ProducerRecord<>(deadLetterTopic, null, null, key, value, headers);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
