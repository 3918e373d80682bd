package io.laborpulse.launcher;

import io.laborpulse.registry.KafkaSchemaStore;
import io.laborpulse.registry.SchemaRegistry;
import io.laborpulse.registry.SchemaRegistryServer;
import io.laborpulse.schemas.Topics;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** The schema registry served by standalone mode, its schemas kept in the {@code _schemas} topic. */
final class EmbeddedRegistry {

    private EmbeddedRegistry() {
    }

    /** Starts the registry, registers it with {@code standalone} for shutdown, and returns its URL. */
    static String start(Standalone standalone, String bootstrapServers, Map<String, String> client, short replication,
            String host, int port) throws IOException {
        Map<String, String> props = new HashMap<>(client);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        KafkaSchemaStore store = new KafkaSchemaStore(Topics.SCHEMAS.name(), props, replication);
        standalone.add("schema store", store);
        SchemaRegistryServer server = new SchemaRegistryServer(host, port, new SchemaRegistry(store)).start();
        standalone.add("schema registry", server);
        return server.url();
    }
}
