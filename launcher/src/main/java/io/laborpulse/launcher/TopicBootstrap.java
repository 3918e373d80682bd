package io.laborpulse.launcher;

import io.laborpulse.schemas.TopicDefinition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the catalogue's topics that do not exist yet; existing topics are left as they are. */
final class TopicBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TopicBootstrap.class);

    private TopicBootstrap() {
    }

    static void ensure(Admin admin, List<TopicDefinition> topics, short replicationFactor)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        Optional<Short> replicas = replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor);
        List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), replicas)
                        .configs(topic.configs()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).all().get();
        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
    }
}
