package io.laborpulse.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent Schema Registry REST API over {@link HttpClient}.
 *
 * <p>Ids and schemas never change once assigned, so {@code (subject, schema) → id} and
 * {@code id → schema} are cached for the life of the client: a serde calls the registry once
 * per record type, not once per record.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final int MAX_CACHED = 10_000;

    private final List<URI> baseUrls;
    private final String authorization;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    /** @param urls one registry URL, or several separated by commas (tried in order) */
    public HttpSchemaRegistryClient(String urls) {
        this(urls, null);
    }

    /** @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null */
    public HttpSchemaRegistryClient(String urls, String basicAuthUserInfo) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("A schema registry URL is required");
        }
        List<URI> parsed = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.strip();
            parsed.add(URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
        }
        this.baseUrls = List.copyOf(parsed);
        this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        String cacheKey = subject + '\n' + schema;
        Integer cached = ids.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        int id = answer.path("id").asInt();
        remember(cacheKey, id, schema);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemas.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = parse(call("GET", "/schemas/ids/" + id, null).path("schema").asText());
        if (schemas.size() < MAX_CACHED) {
            schemas.put(id, schema);
        }
        return schema;
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        String cacheKey = subject + '\n' + schema;
        try {
            RegisteredSchema found = registered(call("POST", "/subjects/" + encode(subject), schemaBody(schema)));
            remember(cacheKey, found.id(), schema);
            return Optional.of(found);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == RegistryErrorCodes.SUBJECT_NOT_FOUND || e.errorCode() == RegistryErrorCodes.SCHEMA_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return registered(call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return registered(call("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                .path("is_compatible").asBoolean();
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        call("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    private void remember(String cacheKey, int id, Schema schema) {
        if (ids.size() < MAX_CACHED) {
            ids.put(cacheKey, id);
            schemas.putIfAbsent(id, schema);
        }
    }

    private RegisteredSchema registered(JsonNode node) {
        return new RegisteredSchema(node.path("subject").asText(), node.path("version").asInt(),
                node.path("id").asInt(), parse(node.path("schema").asText()));
    }

    private String schemaBody(Schema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", CONTENT_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return answer(base, method, path, response);
            } catch (IOException e) {
                lastFailure = e; // try the next registry URL
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted calling the schema registry at " + base, e);
            }
        }
        throw new SchemaRegistryException("Cannot reach the schema registry at " + baseUrls + " for " + method + " " + path
                + ": " + lastFailure, lastFailure);
    }

    private JsonNode answer(URI base, String method, String path, HttpResponse<String> response) throws IOException {
        JsonNode node = response.body().isEmpty() ? json.createObjectNode() : readOrText(response.body());
        if (response.statusCode() / 100 == 2) {
            return node;
        }
        int code = node.path("error_code").asInt(response.statusCode());
        String message = node.path("message").asText(response.body());
        throw new SchemaRegistryException(response.statusCode(), code,
                "Schema registry " + base + " answered " + method + " " + path + ": " + message);
    }

    private JsonNode readOrText(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
