package io.laborpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class IngestProducersTest {

    private static final String TX_ID = IngestProducers.transactionalId("sample-feed");

    @Test
    void shouldBuildAConfigTheKafkaClientAccepts() {
        Properties props = IngestProducers.transactional("broker:9092", TX_ID, Map.of());

        ProducerConfig config = new ProducerConfig(props);

        assertThat(config.getString(ProducerConfig.TRANSACTIONAL_ID_CONFIG)).isEqualTo("laborpulse-ingest-sample-feed");
        assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        assertThat(config.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        assertThat(config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("zstd");
    }

    @Test
    void shouldPassSecuritySettingsThroughUnchanged() {
        Map<String, String> client = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"کاربر\";");

        assertThat(IngestProducers.transactional("broker:9093", TX_ID, client)).containsAllEntriesOf(client);
    }

    @Test
    void shouldLetTheClientTuneThroughput() {
        Properties props = IngestProducers.transactional("broker:9092", TX_ID, Map.of(ProducerConfig.LINGER_MS_CONFIG, "5"));

        assertThat(props).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5");
    }

    @Test
    void shouldKeepTheGuaranteesWhateverTheClientSays() {
        Properties props = IngestProducers.transactional("broker:9092", TX_ID, Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "someone-else"));

        assertThat(props)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TX_ID);
    }

    @Test
    void shouldRefuseAnInstanceNameThatCannotBeATransactionalId() {
        assertThatThrownBy(() -> IngestProducers.transactionalId("فید اصلی")).isInstanceOf(IllegalArgumentException.class);
    }
}
