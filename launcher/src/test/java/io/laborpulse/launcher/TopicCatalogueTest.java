package io.laborpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.TopicDefinition;
import io.laborpulse.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The README's topic catalogue documents exactly the topics of {@link Topics}, with their settings. */
class TopicCatalogueTest {

    private static final Path README = Path.of("..", "README.md");

    static List<TopicDefinition> topics() {
        return Topics.ALL;
    }

    @ParameterizedTest
    @MethodSource("topics")
    void shouldDocumentEveryTopicWithItsPartitionsAndRole(TopicDefinition topic) throws IOException {
        String row = catalogueRows().stream()
                .filter(line -> line.startsWith("| `" + topic.name() + "` |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("README catalogue has no row for " + topic.name()));

        List<String> cells = List.of(row.split("\\|")).stream().map(String::strip).toList();
        assertThat(cells.get(4)).as("partitions of %s", topic.name()).isEqualTo(Integer.toString(topic.partitions()));
        assertThat(cells.get(5)).as("cleanup of %s", topic.name()).startsWith(topic.configs().get("cleanup.policy"));
        assertThat(cells.get(6)).as("role of %s", topic.name()).isEqualTo(topic.role());
        if (topic.valueType() != null) {
            assertThat(cells.get(3)).isEqualTo(topic.valueType().getSimpleName());
        }
    }

    @Test
    void shouldDocumentNoTopicThatDoesNotExist() throws IOException {
        Set<String> documented = catalogueRows().stream()
                .filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .collect(Collectors.toSet());

        assertThat(documented).isEqualTo(Topics.ALL.stream().map(TopicDefinition::name).collect(Collectors.toSet()));
    }

    private static List<String> catalogueRows() throws IOException {
        String readme = Files.readString(README);
        String catalogue = readme.substring(readme.indexOf("<!-- topic-catalogue:start -->"),
                readme.indexOf("<!-- topic-catalogue:end -->"));
        return catalogue.lines().toList();
    }
}
