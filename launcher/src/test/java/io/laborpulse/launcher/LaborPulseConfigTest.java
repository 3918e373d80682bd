package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LaborPulseConfigTest {

    @Test
    void shouldDefaultToTheEmbeddedStandaloneSetup() {
        LaborPulseConfig config = LaborPulseConfig.resolve(Map.of(), Map.of(), Map.of());

        assertThat(config.embeddedKafka()).isTrue();
        assertThat(config.embeddedRegistry()).isTrue();
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.registryPort()).isEqualTo(8081);
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir().getFileName()).hasToString("data");
        assertThat(config.sampleFeed()).isTrue();
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFileAndFlagsOverrideBoth() {
        Map<String, String> file = Map.of("bootstrap.servers", "file:9092", "http.port", "7000", "data.dir", "from-file");
        Map<String, String> env = Map.of("LABORPULSE_BOOTSTRAP_SERVERS", "env:9092", "LABORPULSE_HTTP_PORT", "7100",
                "PATH", "/usr/bin");
        Map<String, String> flags = Map.of("bootstrap.servers", "flag:9092");

        LaborPulseConfig config = LaborPulseConfig.resolve(file, env, flags);

        assertThat(config.bootstrapServers()).isEqualTo("flag:9092");
        assertThat(config.httpPort()).isEqualTo(7100);
        assertThat(config.dataDir().getFileName()).hasToString("from-file");
        assertThat(config.embeddedKafka()).isFalse();
    }

    @Test
    void shouldPassKafkaClientPropertiesThroughUnchanged() {
        Map<String, String> env = Map.of("LABORPULSE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        Map<String, String> flags = Map.of("kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;");

        LaborPulseConfig config = LaborPulseConfig.resolve(Map.of(), env, flags);

        assertThat(config.clientProperties()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;"));
    }

    @Test
    void shouldPointOutSettingsNobodyDefined() {
        LaborPulseConfig config = LaborPulseConfig.resolve(Map.of("bootstrap.server", "typo:9092"),
                Map.of("LABORPULSE_JAVA_OPTS", "-Xmx1g", "LABORPULSE_HTTP_PROT", "1"), Map.of());

        assertThat(config.unknownKeys()).containsExactly("bootstrap.server", "http.prot");
    }

    @Test
    void shouldRejectAnInvalidValueNamingTheSetting() {
        assertThatThrownBy(() -> LaborPulseConfig.resolve(Map.of(), Map.of("LABORPULSE_HTTP_PORT", "eighty"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port");
    }
}
