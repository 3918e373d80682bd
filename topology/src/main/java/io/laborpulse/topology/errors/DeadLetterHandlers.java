package io.laborpulse.topology.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' three exception-handler hooks, each answering with a dead letter and carrying
 * on: nothing bad stops the pipeline, and nothing vanishes. The dead letters are handed back
 * to Kafka Streams (KIP-1034's {@code Response.resume(records)}), which writes them in the same
 * transaction as the task's output.
 */
public final class DeadLetterHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /** What every handler needs: the dead-letter topic and the counter. */
    private static final class Shared {
        private String topic;
        private DeadLetterMetrics metrics;

        void configure(Map<String, ?> configs) {
            Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
            if (name == null || name.toString().isBlank()) {
                throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must be set");
            }
            topic = name.toString();
            metrics = DeadLetterMetrics.from(configs);
        }

        List<ProducerRecord<byte[], byte[]>> deadLetter(DeadLetterReason reason, ErrorHandlerContext context,
                byte[] key, byte[] value, Exception failure) {
            metrics.deadLettered(reason, context.topic());
            LOG.warn("Dead-lettering a record of {}-{} at offset {} ({}): {}", context.topic(), context.partition(),
                    context.offset(), reason.label(), failure.toString());
            return List.of(DeadLetters.record(topic, reason, context, key, value, failure));
        }
    }

    /** Bytes that do not decode: unreadable or of an unknown schema id. */
    public static final class Deserialization implements DeserializationExceptionHandler {
        private final Shared shared = new Shared();

        @Override
        public void configure(Map<String, ?> configs) {
            shared.configure(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            return Response.resume(shared.deadLetter(DeadLetterReason.ofDeserialization(exception), context,
                    record.key(), record.value(), exception));
        }
    }

    /** A record the topology rejected or failed on: its source record's bytes go to the dead letters. */
    public static final class Processing implements ProcessingExceptionHandler {
        private final Shared shared = new Shared();

        @Override
        public void configure(Map<String, ?> configs) {
            shared.configure(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            return Response.resume(shared.deadLetter(DeadLetterReason.ofProcessing(exception), context,
                    context.sourceRawKey(), context.sourceRawValue(), exception));
        }
    }

    /**
     * A result that cannot be written. Retriable broker errors are retried (the producer keeps
     * them); a result that cannot be serialised or is refused for good is dead-lettered.
     */
    public static final class Production implements ProductionExceptionHandler {
        private final Shared shared = new Shared();

        @Override
        public void configure(Map<String, ?> configs) {
            shared.configure(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            if (exception instanceof RetriableException) {
                return Response.retry();
            }
            return Response.resume(shared.deadLetter(DeadLetterReason.UNPRODUCIBLE, context,
                    context.sourceRawKey(), context.sourceRawValue(), exception));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                SerializationExceptionOrigin origin) {
            return Response.resume(shared.deadLetter(DeadLetterReason.UNPRODUCIBLE, context,
                    context.sourceRawKey(), context.sourceRawValue(), exception));
        }
    }
}
