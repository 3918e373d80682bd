package io.laborpulse.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Draws a {@link TopologyDescription} as a Mermaid flowchart for the README: topics as stadium
 * shapes, processors as boxes, state stores as cylinders. Generated, so the picture cannot drift
 * from the code (a test compares the README with it).
 */
public final class TopologyDiagram {

    private TopologyDiagram() {
    }

    public static String mermaid(TopologyDescription description) {
        List<String> lines = new ArrayList<>();
        lines.add("flowchart LR");
        Set<String> topics = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        List<String> edges = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            lines.add("  subgraph sub" + sub.id() + " [sub-topology " + sub.id() + "]");
            for (TopologyDescription.Node node : sub.nodes()) {
                lines.add("    " + id(node.name()) + "[" + node.name() + "]");
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().forEach(topic -> {
                        topics.add(topic);
                        edges.add("  " + id("topic " + topic) + " --> " + id(node.name()));
                    });
                }
                if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    topics.add(sink.topic());
                    edges.add("  " + id(node.name()) + " --> " + id("topic " + sink.topic()));
                }
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> {
                        stores.add(store);
                        edges.add("  " + id(node.name()) + " -.- " + id("store " + store));
                    });
                }
                node.successors().forEach(next -> edges.add("  " + id(node.name()) + " --> " + id(next.name())));
            }
            lines.add("  end");
        }
        topics.forEach(topic -> lines.add("  " + id("topic " + topic) + "([" + topic + "])"));
        stores.forEach(store -> lines.add("  " + id("store " + store) + "[(" + store + ")]"));
        lines.addAll(edges);
        return String.join("\n", lines) + "\n";
    }

    private static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
