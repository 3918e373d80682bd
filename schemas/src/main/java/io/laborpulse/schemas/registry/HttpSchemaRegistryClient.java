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
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client of the Confluent Schema Registry REST API over {@link HttpClient}, speaking
 * {@value #CONTENT_TYPE}.
 *
 * <p>Ids and schemas never change once the registry has assigned them, so the answers to
 * {@link #register}, {@link #lookup} and {@link #getSchemaById} are cached (bounded, least
 * recently used first out): a serde calls the registry once per record type, not once per
 * record. A lookup that finds nothing is not cached, so a schema registered later is found.
 *
 * <p>Several base URLs may be given, separated by commas; a call goes to the next one when a
 * registry cannot be reached, and fails with {@link SchemaRegistryException} naming all of them
 * when none can. A registry that answers with an error is not retried elsewhere: its answer is
 * the registry's answer.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** Far more schemas than a process uses; only a runaway stream of new schemas reaches it. */
    static final int CACHE_CAPACITY = 1_000;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Cache key: Avro's {@link Schema#equals} ignores docs, so a doc-only edit keeps its id. */
    private record SubjectSchema(String subject, Schema schema) {
    }

    private final List<URI> baseUrls;
    private final String authorization;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final BoundedCache<SubjectSchema, Integer> registered = new BoundedCache<>(CACHE_CAPACITY);
    private final BoundedCache<SubjectSchema, RegisteredSchema> found = new BoundedCache<>(CACHE_CAPACITY);
    private final BoundedCache<Integer, Schema> byId = new BoundedCache<>(CACHE_CAPACITY);

    /** @param urls one registry base URL, or several separated by commas (tried in order) */
    public HttpSchemaRegistryClient(String urls) {
        this(urls, null);
    }

    /**
     * @param urls              one registry base URL, or several separated by commas (tried in order)
     * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or null for none
     */
    public HttpSchemaRegistryClient(String urls, String basicAuthUserInfo) {
        this.baseUrls = parseUrls(urls);
        this.authorization = basicAuthUserInfo == null || basicAuthUserInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(basicAuthUserInfo.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The base URLs in the order they are tried. */
    public List<URI> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registered.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = call("POST", subjectPath(subject) + "/versions", schemaBody(schema), "subject " + subject);
            int id = requiredInt(answer, "id", "subject " + subject);
            byId.put(id, schema);
            return id;
        });
    }

    @Override
    public Schema getSchemaById(int id) {
        return byId.computeIfAbsent(id, key -> {
            JsonNode answer = call("GET", "/schemas/ids/" + id, null, "schema id " + id);
            return parse(answer.path("schema").asText(), "schema id " + id);
        });
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema cached = found.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            RegisteredSchema answer = registeredSchema(
                    call("POST", subjectPath(subject), schemaBody(schema), "subject " + subject), subject);
            found.put(key, answer);
            byId.put(answer.id(), answer.schema());
            return Optional.of(answer);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == RegistryErrorCodes.SUBJECT_NOT_FOUND || e.errorCode() == RegistryErrorCodes.SCHEMA_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return registeredSchema(call("GET", subjectPath(subject) + "/versions/" + version, null,
                "subject " + subject + " version " + version), subject);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return registeredSchema(call("GET", subjectPath(subject) + "/versions/latest", null,
                "subject " + subject), subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = call("POST", "/compatibility" + subjectPath(subject) + "/versions/latest", schemaBody(schema),
                "subject " + subject);
        return answer.path("is_compatible").asBoolean();
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null, "the subject list").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        call("GET", subjectPath(subject) + "/versions", null, "subject " + subject)
                .forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    private RegisteredSchema registeredSchema(JsonNode node, String subject) {
        String context = "subject " + subject;
        return new RegisteredSchema(node.path("subject").asText(subject), requiredInt(node, "version", context),
                requiredInt(node, "id", context), parse(node.path("schema").asText(), context));
    }

    private String schemaBody(Schema schema) {
        // Avro is the registry's default schemaType: Confluent's clients leave it out, and so do we.
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    /**
     * One request, to each base URL in turn until one answers. Any I/O failure (refused, reset,
     * timed out) moves on: a registry that does not answer cannot have acted on the request, or,
     * for a register call, acting twice is harmless because registration is idempotent.
     */
    private JsonNode call(String method, String path, String body, String context) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", CONTENT_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted calling the schema registry at " + base
                        + " for " + context, e);
            }
            return answer(base, method, path, context, response);
        }
        throw new SchemaRegistryException("Cannot reach the schema registry at " + baseUrls + " for " + method + " " + path
                + " (" + context + "): " + lastFailure, lastFailure);
    }

    private JsonNode answer(URI base, String method, String path, String context, HttpResponse<String> response) {
        String text = response.body() == null ? "" : response.body();
        JsonNode node = readOrNull(text);
        int status = response.statusCode();
        if (status / 100 == 2 && node != null) {
            return node;
        }
        if (status / 100 == 2) {
            throw new SchemaRegistryException("Schema registry at " + base + " answered " + method + " " + path
                    + " (" + context + ") with a body that is not JSON: " + abbreviate(text));
        }
        // Confluent's errors are {"error_code":…,"message":…}; a proxy in front may answer HTML.
        int code = node == null ? status : node.path("error_code").asInt(status);
        String message = node == null || !node.hasNonNull("message") ? abbreviate(text) : node.get("message").asText();
        throw new SchemaRegistryException(status, code, "Schema registry at " + base + " refused " + method + " " + path
                + " (" + context + "): " + message);
    }

    private JsonNode readOrNull(String body) {
        if (body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static int requiredInt(JsonNode node, String field, String context) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("Schema registry answer for " + context + " has no integer \""
                    + field + "\": " + abbreviate(node.toString()));
        }
        return value.asInt();
    }

    private static Schema parse(String schema, String context) {
        try {
            return new Schema.Parser().parse(schema);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("Schema registry answered an unreadable schema for "
                    + context + ": " + e.getMessage());
        }
    }

    private static List<URI> parseUrls(String urls) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("A schema registry URL is required");
        }
        List<URI> parsed = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.strip();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("Not a schema registry URL (need http://host:port): " + url.strip());
            }
            parsed.add(uri);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("A schema registry URL is required, got: " + urls);
        }
        return List.copyOf(parsed);
    }

    /** Subjects may hold any character; Confluent's clients percent-encode them as one path segment. */
    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
