package io.laborpulse.topology.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * The production hook, which the topology specs cannot provoke: a result the broker refuses for
 * good is dead-lettered with its source record's bytes; a passing broker error is retried.
 */
class DeadLetterHandlersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldDeadLetterAResultTheBrokerRefusesForGood() {
        DeadLetterHandlers.Production handler = configured();
        ProducerRecord<byte[], byte[]> result = new ProducerRecord<>("labor.events.v1", bytes("IR-10"), new byte[10]);

        ProductionExceptionHandler.Response response = handler.handleError(context(), result,
                new RecordTooLargeException("too large for the topic"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("labor.deadletter.v1");
            assertThat(letter.key()).isEqualTo(bytes("a1"));
            assertThat(letter.value()).isEqualTo(bytes("article bytes"));
            assertThat(new String(letter.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("unproducible");
            assertThat(letter.headers().lastHeader("trace-id")).as("original headers kept").isNotNull();
        });
        assertThat(registry.find("laborpulse_dead_letters").tag("reason", "unproducible").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldRetryAPassingBrokerError() {
        ProductionExceptionHandler.Response response = configured().handleError(context(),
                new ProducerRecord<>("labor.events.v1", new byte[1]), new TimeoutException("broker busy"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
    }

    @Test
    void shouldSayWhatIsMissingWhenConfiguredWithoutTheCounter() {
        assertThatThrownBy(() -> new DeadLetterHandlers.Production().configure(
                Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "labor.deadletter.v1")))
                .hasMessageContaining(DeadLetterMetrics.CONFIG_KEY);
    }

    private DeadLetterHandlers.Production configured() {
        DeadLetterHandlers.Production handler = new DeadLetterHandlers.Production();
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "labor.deadletter.v1",
                DeadLetterMetrics.CONFIG_KEY, new DeadLetterMetrics(registry)));
        return handler;
    }

    private static ErrorHandlerContext context() {
        Headers headers = new RecordHeaders().add("trace-id", bytes("t-1"));
        return new ErrorHandlerContext() {
            public String topic() { return "labor.articles.v1"; }
            public int partition() { return 2; }
            public long offset() { return 41; }
            public Headers headers() { return headers; }
            public String processorNodeId() { return "events-sink"; }
            public TaskId taskId() { return new TaskId(0, 2); }
            public long timestamp() { return 1_700_000_000_000L; }
            public byte[] sourceRawKey() { return bytes("a1"); }
            public byte[] sourceRawValue() { return bytes("article bytes"); }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
