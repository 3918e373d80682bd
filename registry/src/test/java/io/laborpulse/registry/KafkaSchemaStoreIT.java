package io.laborpulse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** The registry's state survives a restart when kept in a compacted topic on a real broker. */
@Tag("integration")
@Timeout(120)
class KafkaSchemaStoreIT {

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    @Test
    void shouldKeepIdsVersionsAndLevelsAcrossARestart(TestInfo test) {
        String topic = "_schemas-" + test.getTestMethod().orElseThrow().getName();
        Schema v1 = SchemaBuilder.record("Article").namespace("test").fields().requiredString("id").endRecord();
        Schema v2 = SchemaBuilder.record("Article").namespace("test").fields().requiredString("id").optionalString("url").endRecord();
        Schema other = SchemaBuilder.record("Other").namespace("test").fields().requiredLong("n").endRecord();

        try (KafkaSchemaStore store = new KafkaSchemaStore(topic, client(), (short) 1)) {
            SchemaRegistry registry = new SchemaRegistry(store);
            assertThat(registry.register("articles-value", v1.toString())).isEqualTo(1);
            assertThat(registry.register("articles-value", v2.toString())).isEqualTo(2);
            registry.setLevel("articles-value", CompatibilityLevel.FULL);
        }

        try (KafkaSchemaStore store = new KafkaSchemaStore(topic, client(), (short) 1)) {
            SchemaRegistry restarted = new SchemaRegistry(store);
            assertThat(restarted.subjects()).containsExactly("articles-value");
            assertThat(restarted.version("articles-value", "latest").id()).isEqualTo(2);
            assertThat(new Schema.Parser().parse(restarted.schemaById(1))).isEqualTo(v1);
            assertThat(restarted.subjectLevel("articles-value")).hasValue(CompatibilityLevel.FULL);
            assertThat(restarted.register("articles-value", v1.toString())).isEqualTo(1);
            assertThat(restarted.register("other-value", other.toString())).isEqualTo(3);
        }
    }

    private static Map<String, String> client() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    }
}
