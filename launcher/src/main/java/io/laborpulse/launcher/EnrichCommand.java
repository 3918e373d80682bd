package io.laborpulse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.laborpulse.extract.Document;
import io.laborpulse.extract.ExtractedEvent;
import io.laborpulse.extract.Extraction;
import io.laborpulse.extract.Extractor;
import io.laborpulse.extract.LaborExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code laborpulse enrich}: JSON lines of articles in, one JSON line of events out per article. */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Read articles as JSON lines and print the labour events found in each.",
        description = {
            "Input, one object per line: {\"id\", \"title\"?, \"text\", \"url\"?, \"published\"?, \"lang\"?, \"country\"?}.",
            "Output, one line per input: {\"id\", \"lang\", \"events\": [{\"country\", \"region\", \"regionName\", \"place\", "
                    + "\"precision\", \"eventType\", \"secondaryTypes\", \"participants\", \"eventDate\", \"actors\", "
                    + "\"sector\", \"confidence\", \"evidence\"}]}. A line that cannot be read prints {\"id\"?, \"error\"} and the run goes on.",
            ""
        })
final class EnrichCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON-lines file; standard input when absent.")
    Path file;

    @Override
    public Integer call() throws IOException {
        Extractor extractor = LaborExtractor.loadDefault();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (BufferedReader in = file == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.println(enrich(extractor, line));
                }
            }
        }
        out.flush();
        return 0;
    }

    static String enrich(Extractor extractor, String line) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode input;
        try {
            input = JSON.readTree(line);
        } catch (IOException e) {
            return result.put("error", "not valid JSON: " + e.getMessage().lines().findFirst().orElse("")).toString();
        }
        String id = text(input, "id");
        if (id != null) {
            result.put("id", id);
        }
        String body = text(input, "text");
        if (body == null || body.isBlank()) {
            return result.put("error", "field 'text' is required and must be a non-empty string").toString();
        }
        Instant published;
        try {
            published = published(text(input, "published"));
        } catch (RuntimeException e) {
            return result.put("error", "field 'published' is not an ISO-8601 date or instant").toString();
        }
        Extraction extraction = extractor.extract(new Document(id, text(input, "title"), body, text(input, "url"),
                published, text(input, "lang"), text(input, "country")));
        result.put("lang", extraction.lang());
        ArrayNode events = result.putArray("events");
        for (ExtractedEvent e : extraction.events()) {
            ObjectNode event = events.addObject();
            event.put("country", e.country());
            event.put("region", e.region());
            event.put("regionName", e.regionName());
            event.put("place", e.place());
            event.put("precision", e.precision().name());
            event.put("eventType", e.type().name());
            ArrayNode secondary = event.putArray("secondaryTypes");
            e.secondaryTypes().forEach(t -> secondary.add(t.name()));
            event.put("participants", e.participants());
            event.put("eventDate", e.eventDate() == null ? null : e.eventDate().toString());
            ArrayNode actors = event.putArray("actors");
            e.actors().forEach(a -> actors.add(a.name()));
            event.put("sector", e.sector() == null ? null : e.sector().name());
            event.put("confidence", e.confidence());
            event.put("evidence", e.evidence());
        }
        return result.toString();
    }

    static Instant published(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
