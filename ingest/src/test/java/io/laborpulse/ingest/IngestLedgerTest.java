package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestLedgerTest {

    private static final String TOPIC = "ledger-under-test";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private MockConsumer<byte[], byte[]> consumer;

    @BeforeEach
    void setUp() {
        consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, List.of(
                new PartitionInfo(TOPIC, 0, node, new Node[] {node}, new Node[] {node}),
                new PartitionInfo(TOPIC, 1, node, new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void shouldKnowEveryIdUpToTheEndOfEveryPartition() {
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 1L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(entry(P0, 0, "fa-1", "2025-12-01T09:00:00Z"));
            consumer.addRecord(entry(P0, 1, "zh-1", "2025-12-01T09:00:00Z"));
        });
        consumer.schedulePollTask(() -> consumer.addRecord(entry(P1, 0, "ar-1", "2025-12-01T09:00:00Z")));

        IngestLedger ledger = IngestLedger.load(consumer, TOPIC, TIMEOUT);

        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.contains("ar-1")).isTrue();
        assertThat(ledger.contains("en-1")).isFalse();
    }

    @Test
    void shouldForgetAnIdWhoseLatestRecordIsATombstone() {
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 0L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(entry(P0, 0, "fa-1", "2025-12-01T09:00:00Z"));
            consumer.addRecord(entry(P0, 1, "fa-1", null));
        });

        assertThat(IngestLedger.load(consumer, TOPIC, TIMEOUT).contains("fa-1")).isFalse();
    }

    @Test
    void shouldReadWhatWasCommittedAfterLoadingWhenCaughtUp() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        IngestLedger ledger = IngestLedger.load(consumer, TOPIC, TIMEOUT);
        consumer.updateEndOffsets(Map.of(P0, 1L, P1, 0L));
        consumer.schedulePollTask(() -> consumer.addRecord(entry(P0, 0, "zh-9", "2025-12-01T09:00:00Z")));

        ledger.catchUp();

        assertThat(ledger.contains("zh-9")).isTrue();
    }

    @Test
    void shouldRefuseToStartWithoutItsTopic() {
        assertThatThrownBy(() -> IngestLedger.load(consumer, "no-such-topic", TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-topic");
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldGiveUpWhenTheEndIsNotReachedInTime() {
        consumer.updateEndOffsets(Map.of(P0, 5L, P1, 0L));

        assertThatThrownBy(() -> IngestLedger.load(consumer, TOPIC, Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not reach its end");
    }

    @Test
    void shouldCloseItsConsumer() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));

        IngestLedger.load(consumer, TOPIC, TIMEOUT).close();

        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void shouldReadOnlyCommittedRecordsAndPassClientSettingsThrough() {
        Properties props = IngestLedger.consumerProperties("broker:9093",
                Map.of("security.protocol", "SASL_SSL", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"));

        assertThat(props)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9093");
    }

    private static ConsumerRecord<byte[], byte[]> entry(TopicPartition partition, long offset, String id, String value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, id.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
