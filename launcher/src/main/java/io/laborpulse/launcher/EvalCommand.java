package io.laborpulse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laborpulse.extract.Document;
import io.laborpulse.extract.Evaluation;
import io.laborpulse.extract.Extraction;
import io.laborpulse.extract.LaborExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code laborpulse eval}: scores the extraction engine on labelled sets. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Score the extraction engine on labelled article sets.",
        description = {
            "Each FILE holds JSON lines labelled as ../shared/devset/articles.jsonl is: id, lang, title, text (or "
                    + "text_file, a path relative to the FILE), published, region, event_type, participants and, for round-ups, "
                    + "events [{region, event_type}].",
            "Prints region accuracy, event-type macro-F1 and per-type F1, participant exact match, round-up "
                    + "recall and the share of single stories read as one event, per language and overall. Without FILE it scores "
                    + "the team's development set (evaluation/dev.jsonl and dev-*.jsonl), the five shared samples (evaluation/shared-samples.jsonl, "
                    + "texts read from ../shared/samples) and ../shared/devset/articles.jsonl, each where present. The held-out "
                    + "set (evaluation/heldout/unseen-c-*.jsonl) is scored only when named.",
            ""
        })
final class EvalCommand implements Callable<Integer> {

    /** The team's development set: one file a language, {@code evaluation/dev-*.jsonl}. */
    static final Path EVALUATION = Path.of("evaluation");

    /** The sets tuned on, scored by default: the team's, the shared samples', the shared devset. */
    static List<Path> defaultSets() throws IOException {
        List<Path> sets = new ArrayList<>();
        if (Files.isDirectory(EVALUATION)) {
            try (var files = Files.list(EVALUATION)) {
                files.filter(p -> p.getFileName().toString().matches("dev(-.*)?\\.jsonl")).sorted().forEach(sets::add);
            }
        }
        sets.add(EVALUATION.resolve("shared-samples.jsonl"));
        sets.add(Path.of("..", "shared", "devset", "articles.jsonl"));
        return sets;
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Labelled JSON-lines sets.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--misses", description = "Also list every item whose reading departs from its label "
            + "(for development sets only: reading the misses of a held-out set spoils it).")
    boolean misses;

    @Override
    public Integer call() throws IOException {
        List<Path> sets = files.isEmpty() ? defaultSets() : files;
        LaborExtractor extractor = LaborExtractor.loadDefault();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (Path set : sets) {
            if (!Files.exists(set)) {
                if (files.isEmpty()) {
                    out.println(set + ": not present, skipped");
                    continue;
                }
                throw new IllegalArgumentException("No labelled set at " + set.toAbsolutePath());
            }
            List<Evaluation.Gold> gold = new ArrayList<>();
            Map<String, Extraction> predicted = new HashMap<>();
            for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = JSON.readTree(line);
                Evaluation.Gold labelled = gold(item);
                if (predicted.containsKey(labelled.id())) {
                    throw new IllegalArgumentException("Item id " + labelled.id() + " appears twice in " + set + "; ids must be unique");
                }
                gold.add(labelled);
                predicted.put(labelled.id(), extractor.extract(new Document(labelled.id(), EnrichCommand.text(item, "title"),
                        text(item, set), EnrichCommand.text(item, "url"),
                        EnrichCommand.published(EnrichCommand.text(item, "published")), null, null)));
            }
            out.print(report(set.toString(), Evaluation.score(gold, predicted)));
            if (misses) {
                Evaluation.misses(gold, predicted).forEach(m -> out.printf(Locale.ROOT, "  miss %-14s %-12s want %-28s got %s%n",
                        m.id(), m.what(), m.expected(), m.actual()));
            }
        }
        return 0;
    }

    /** The item's text, or the text of its {@code text_file} (relative to the set), or null when that file is missing. */
    private static String text(JsonNode item, Path set) throws IOException {
        String file = EnrichCommand.text(item, "text_file");
        if (file == null) {
            return EnrichCommand.text(item, "text");
        }
        Path path = set.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("Item " + item.path("id").asText() + " of " + set + ": no text file " + path);
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    static Evaluation.Gold gold(JsonNode item) {
        List<Evaluation.GoldEvent> events = new ArrayList<>();
        JsonNode list = item.get("events");
        if (list != null && list.isArray()) {
            list.forEach(e -> events.add(new Evaluation.GoldEvent(EnrichCommand.text(e, "region"), EnrichCommand.text(e, "event_type"))));
        }
        JsonNode participants = item.get("participants");
        return new Evaluation.Gold(item.get("id").asText(), item.get("lang").asText(), EnrichCommand.text(item, "region"),
                item.get("event_type").asText(), participants == null || participants.isNull() ? null : participants.asLong(), events);
    }

    static String report(String name, Map<String, Evaluation.Scores> scores) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s (%d items)%n", name, scores.get(Evaluation.ALL).items()));
        out.append(String.format(Locale.ROOT, "  %-5s %5s  %-15s %-10s %-18s %-18s %-19s %-16s%n",
                "lang", "items", "region acc (n)", "type mF1", "participants (n)", "round-up rec (n)", "round-up prec (n)",
                "one story=1 (n)"));
        scores.forEach((lang, s) -> out.append(String.format(Locale.ROOT, "  %-5s %5d  %-15s %-10s %-18s %-18s %-19s %-16s%n",
                lang, s.items(), figure(s.regionAccuracy(), s.regionItems()), figure(s.typeMacroF1(), -1),
                figure(s.participantExactMatch(), s.participantItems()), figure(s.roundUpRecall(), s.roundUpEvents()),
                figure(s.roundUpPrecision(), s.roundUpRead()), figure(s.singleStoryShare(), s.singleStories()))));
        out.append("  per-type F1 (all): ").append(scores.get(Evaluation.ALL).typeF1().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(", "))).append(System.lineSeparator());
        return out.toString();
    }

    private static String figure(double value, int n) {
        String number = Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
        return n < 0 ? number : number + " (" + n + ")";
    }
}
