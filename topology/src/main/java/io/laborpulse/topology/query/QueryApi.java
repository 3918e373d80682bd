package io.laborpulse.topology.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.laborpulse.schemas.avro.Granularity;
import io.laborpulse.schemas.avro.RegionActivity;
import io.laborpulse.topology.ActivityWindows;
import io.laborpulse.topology.LaborTopology;
import io.laborpulse.topology.OpsServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API over live state, JSON over HTTP on the application's server:
 *
 * <ul>
 *   <li>{@code GET /api/v1/regions/{region}/activity?granularity=hour|day&from=…&to=…}: a region's
 *       windows, answered by the instance that owns the region (asked over HTTP when that is
 *       another instance, found through Kafka Streams' key metadata);</li>
 *   <li>{@code GET /api/v1/top?granularity=hour|day&at=…&type=…&limit=…}: the most active regions
 *       of one window, gathered from every instance;</li>
 *   <li>{@code GET /api/v1/events/{id}}: one event, looked for on every instance;</li>
 *   <li>{@code GET /api/v1/alerts}: the spike alerts firing now, gathered from every instance.</li>
 * </ul>
 *
 * Times are ISO-8601 instants. A request another instance forwarded carries {@value #FORWARDED};
 * such a request is never forwarded again, so a rebalance cannot make requests loop.
 */
public final class QueryApi {

    static final String FORWARDED = "X-LaborPulse-Forwarded";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LIMIT = 500;
    private static final Duration MAX_RANGE = Duration.ofDays(400);

    private final KafkaStreams streams;
    private final ActivityQueries local;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param self this instance's {@code application.server} (host and port of its HTTP server) */
    public QueryApi(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.local = new ActivityQueries(streams);
        this.self = self;
    }

    public void mount(OpsServer server) {
        server.route("/api/v1/regions/", exchange -> answer(exchange, this::regionActivity));
        server.route("/api/v1/top", exchange -> answer(exchange, this::top));
        server.route("/api/v1/events/", exchange -> answer(exchange, this::event));
        server.route("/api/v1/alerts", exchange -> answer(exchange, this::alerts));
    }

    /** A request's answer: status and JSON body. */
    record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, String message) {
            return new Answer(status, MAPPER.createObjectNode().put("error", message));
        }
    }

    /** A request that cannot be answered as asked: becomes a 4xx with this message. */
    static final class BadRequest extends RuntimeException {
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private interface Handler {
        Answer handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        Answer answer;
        if (!exchange.getRequestMethod().equals("GET")) {
            answer = Answer.error(405, "only GET is supported here");
        } else {
            try {
                answer = handler.handle(exchange);
            } catch (BadRequest e) {
                answer = Answer.error(e.status, e.getMessage());
            } catch (InvalidStateStoreException e) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                answer = Answer.error(503, "state is not queryable right now (starting or rebalancing); retry shortly");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = Answer.error(503, "interrupted");
            }
        }
        OpsServer.respond(exchange, answer.status(), JSON, MAPPER.writeValueAsString(answer.body()));
    }

    private Answer regionActivity(HttpExchange exchange) throws IOException, InterruptedException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // /api/v1/regions/{region}/activity
        if (parts.length != 6 || !parts[5].equals("activity") || parts[4].isBlank()) {
            throw new BadRequest(404, "expected /api/v1/regions/{region}/activity");
        }
        String region = parts[4].toUpperCase(Locale.ROOT);
        Map<String, String> query = query(exchange);
        Granularity granularity = granularity(query);
        Instant to = instant(query, "to", Instant.now());
        Instant from = instant(query, "from", to.minus(granularity == Granularity.DAY ? Duration.ofDays(30) : Duration.ofHours(48)));
        if (from.isAfter(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new BadRequest(400, "from must not be after to, and the range must be at most " + MAX_RANGE.toDays() + " days");
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(LaborTopology.HOURLY_ACTIVITY_STORE, region,
                Serdes.String().serializer());
        if (owner == null || owner.activeHost() == null || owner.activeHost().equals(HostInfo.unavailable())) {
            throw new InvalidStateStoreException("no instance owns " + region + " yet");
        }
        if (!owner.activeHost().equals(self)) {
            if (exchange.getRequestHeaders().containsKey(FORWARDED)) {
                throw new InvalidStateStoreException("ownership of " + region + " is moving");
            }
            return forward(owner.activeHost(), exchange.getRequestURI());
        }
        ArrayNode windows = MAPPER.createArrayNode();
        local.regionActivity(region, granularity, from, to).forEach(a -> windows.add(AvroJson.of(a)));
        ObjectNode body = MAPPER.createObjectNode().put("region", region).put("granularity", granularity.name())
                .put("from", from.toString()).put("to", to.toString()).put("answeredBy", self.host() + ":" + self.port());
        body.set("windows", windows);
        return Answer.ok(body);
    }

    private Answer top(HttpExchange exchange) throws IOException, InterruptedException {
        Map<String, String> query = query(exchange);
        Granularity granularity = granularity(query);
        Instant at = instant(query, "at", Instant.now());
        Instant start = Instant.ofEpochMilli(ActivityWindows.start(at.toEpochMilli(), granularity));
        String type = query.containsKey("type") ? query.get("type").toUpperCase(Locale.ROOT) : null;
        int limit = limit(query);
        List<RegionActivity> gathered = new ArrayList<>();
        boolean localOnly = "local".equals(query.get("scope"));
        for (HostInfo host : localOnly ? List.of(self) : hosts()) {
            if (host.equals(self)) {
                gathered.addAll(local.topRegions(granularity, start, type, limit));
            } else {
                Answer remote = get(host, "/api/v1/top?scope=local&granularity=" + granularity.name().toLowerCase(Locale.ROOT)
                        + "&at=" + start + "&limit=" + limit + (type == null ? "" : "&type=" + type));
                if (remote.status() != 200) {
                    return remote;
                }
                remote.body().get("regions").forEach(node -> gathered.add(fromJson(node)));
            }
        }
        ArrayNode regions = MAPPER.createArrayNode();
        ActivityQueries.rank(gathered, type, limit).forEach(a -> regions.add(AvroJson.of(a)));
        ObjectNode body = MAPPER.createObjectNode().put("granularity", granularity.name()).put("windowStart", start.toString())
                .put("type", type);
        body.set("regions", regions);
        return Answer.ok(body);
    }

    private Answer event(HttpExchange exchange) throws IOException, InterruptedException {
        String prefix = "/api/v1/events/";
        String id = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(prefix.length()), StandardCharsets.UTF_8);
        if (id.isBlank()) {
            throw new BadRequest(404, "expected /api/v1/events/{id}");
        }
        boolean localOnly = "local".equals(query(exchange).get("scope"));
        for (HostInfo host : localOnly ? List.of(self) : hosts()) {
            if (host.equals(self)) {
                Optional<JsonNode> found = local.event(id).map(AvroJson::of);
                if (found.isPresent()) {
                    return Answer.ok(found.get());
                }
            } else {
                Answer remote = get(host, prefix + encode(id) + "?scope=local");
                if (remote.status() == 200) {
                    return remote;
                }
            }
        }
        return Answer.error(404, "no event " + id + " (events stay queryable for a limited time after they are written)");
    }

    private Answer alerts(HttpExchange exchange) throws IOException, InterruptedException {
        boolean localOnly = "local".equals(query(exchange).get("scope"));
        ArrayNode alerts = MAPPER.createArrayNode();
        for (HostInfo host : localOnly ? List.of(self) : hosts()) {
            if (host.equals(self)) {
                local.currentAlerts().forEach(a -> alerts.add(AvroJson.of(a)));
            } else {
                Answer remote = get(host, "/api/v1/alerts?scope=local");
                if (remote.status() != 200) {
                    return remote;
                }
                remote.body().get("alerts").forEach(alerts::add);
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("alerts", alerts);
        return Answer.ok(body);
    }

    private List<HostInfo> hosts() {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
            if (!hosts.contains(metadata.hostInfo())) {
                hosts.add(metadata.hostInfo());
            }
        }
        if (!hosts.contains(self)) {
            hosts.add(self);
        }
        return hosts;
    }

    private Answer forward(HostInfo host, URI uri) throws IOException, InterruptedException {
        return get(host, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private Answer get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .header(FORWARDED, self.host() + ":" + self.port())
                .timeout(Duration.ofSeconds(10))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new InvalidStateStoreException("instance " + host + " did not answer: " + e.getMessage());
        }
    }

    private static RegionActivity fromJson(JsonNode node) {
        Map<String, Long> byType = new LinkedHashMap<>();
        node.path("byType").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> participantsByType = new LinkedHashMap<>();
        node.path("participantsByType").fields().forEachRemaining(e -> participantsByType.put(e.getKey(), e.getValue().asLong()));
        List<String> sources = new ArrayList<>();
        node.path("sources").forEach(s -> sources.add(s.asText()));
        return RegionActivity.newBuilder()
                .setRegion(node.get("region").asText())
                .setGranularity(Granularity.valueOf(node.get("granularity").asText()))
                .setClosed(node.path("closed").asBoolean())
                .setWindowStart(Instant.parse(node.get("windowStart").asText()))
                .setWindowEnd(Instant.parse(node.get("windowEnd").asText()))
                .setTotal(node.get("total").asLong())
                .setByType(byType)
                .setParticipantsByType(participantsByType)
                .setParticipants(node.path("participants").asLong())
                .setSources(sources)
                .setDistinctSources(node.path("distinctSources").asInt())
                .build();
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Granularity granularity(Map<String, String> query) {
        String value = query.getOrDefault("granularity", "hour");
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "granularity must be hour or day, got '" + value + "'");
        }
    }

    private static Instant instant(Map<String, String> query, String name, Instant fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, name + " must be an ISO-8601 instant such as 2025-12-01T09:00:00Z, got '" + value + "'");
        }
    }

    private static int limit(Map<String, String> query) {
        String value = query.getOrDefault("limit", "10");
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(400, "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }

    /** Percent-encoding of a path segment (event ids hold '#'). */
    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
