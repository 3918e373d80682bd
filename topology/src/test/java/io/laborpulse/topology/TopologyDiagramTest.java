package io.laborpulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's topology diagram is the one {@link TopologyDiagram} draws from the code. */
class TopologyDiagramTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String START = "<!-- topology-diagram:start -->";
    private static final String END = "<!-- topology-diagram:end -->";

    @TempDir
    Path stateDir;

    @Test
    void shouldShowTheCurrentTopologyInTheReadme() throws Exception {
        String drawn;
        try (TopologyFixture t = new TopologyFixture(stateDir)) {
            drawn = TopologyDiagram.mermaid(t.topology.describe());
        }
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String expected = START + "\n```mermaid\n" + drawn + "```\n" + END;

        assertThat(readme).as("README topology diagram; replace the block between the markers with:\n" + expected)
                .contains(expected);
    }

    @Test
    void shouldDrawTopicsProcessorsAndStores() throws Exception {
        try (TopologyFixture t = new TopologyFixture(stateDir)) {
            String drawn = TopologyDiagram.mermaid(t.topology.describe());

            assertThat(drawn).startsWith("flowchart LR")
                    .contains("topic_labor_articles_v1([labor.articles.v1])")
                    .contains("store_hourly_activity_store[(hourly-activity-store)]")
                    .contains("window_activity -.- store_hourly_activity_store");
        }
    }
}
