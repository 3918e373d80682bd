package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the Confluent Schema Registry REST API that Confluent's serializers and
 * deserializers call, served over a {@link SchemaRegistry} on the JDK's HTTP server.
 *
 * <p>A thin layer: match the path, read the JSON body, call the registry, write JSON. Answers
 * are {@value #CONTENT_TYPE}. Request bodies are read as JSON whatever their declared content
 * type ({@code application/json} and the vnd type are what clients send), and query parameters
 * other than {@code defaultToGlobal} are ignored. Every refusal is Confluent's error JSON
 * {@code {"error_code":N,"message":"…"}} with the matching HTTP status: 404 for unknown paths,
 * 405 for a known path with another method, 422 for bodies that are not what the endpoint takes,
 * 500 for faults, which are logged here and never sent to the client as a stack trace.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    /** The content type of every answer. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int HANDLER_THREADS = 4;
    private static final String ANY = "{}";

    private final SchemaRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Route> routes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Binds the port now and rebuilds the registry from {@code store}; call {@link #start()} to
     * serve. The caller keeps ownership of the store and closes it after this server.
     *
     * @param bindAddress host name or address to listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port        0 for an ephemeral port, see {@link #port()}
     */
    public SchemaRegistryServer(String bindAddress, int port, SchemaStore store) throws IOException {
        this(bindAddress, port, new SchemaRegistry(store));
    }

    /** As {@link #SchemaRegistryServer(String, int, SchemaStore)}, over a registry built by the caller. */
    public SchemaRegistryServer(String bindAddress, int port, SchemaRegistry registry) throws IOException {
        this.registry = registry;
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        defineRoutes();
    }

    /** Starts serving; returns this for chaining. */
    public SchemaRegistryServer start() {
        server.start();
        log.info("Schema registry listening on {}", url());
        return this;
    }

    /** The bound port, the real one when 0 was asked for. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use ({@code schema.registry.url}); localhost for wildcard or loopback binds. */
    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host;
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            host = "localhost";
        } else {
            String literal = address.getHostAddress();
            host = literal.contains(":") ? "[" + literal + "]" : literal;
        }
        return "http://" + host + ":" + port();
    }

    /** Stops listening and drops open exchanges. Idempotent; does not close the store. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void defineRoutes() {
        route("GET", "/", (p, x) -> Map.of());
        route("GET", "/subjects", (p, x) -> registry.subjects());
        route("POST", "/subjects/{}", (p, x) -> versionJson(registry.lookup(p.get(0), schemaOf(x))));
        route("GET", "/subjects/{}/versions",
                (p, x) -> registry.versionsOf(p.get(0)).stream().map(SchemaRegistry.Version::version).toList());
        route("POST", "/subjects/{}/versions", (p, x) -> Map.of("id", registry.register(p.get(0), schemaOf(x))));
        route("GET", "/subjects/{}/versions/{}", (p, x) -> versionJson(registry.version(p.get(0), p.get(1))));
        route("GET", "/subjects/{}/versions/{}/schema", (p, x) -> rawSchema(registry.version(p.get(0), p.get(1)).schema()));
        route("GET", "/schemas/ids/{}", (p, x) -> Map.of("schema", registry.schemaById(id(p.get(0)))));
        route("GET", "/schemas/ids/{}/versions", (p, x) -> registry.usesOf(id(p.get(0))).stream().map(v -> {
            Map<String, Object> use = new LinkedHashMap<>();
            use.put("subject", v.subject());
            use.put("version", v.version());
            return use;
        }).toList());
        route("GET", "/schemas/ids/{}/schema", (p, x) -> rawSchema(registry.schemaById(id(p.get(0)))));
        route("POST", "/compatibility/subjects/{}/versions/{}",
                (p, x) -> Map.of("is_compatible", registry.isCompatible(p.get(0), p.get(1), schemaOf(x))));
        route("GET", "/config", (p, x) -> Map.of("compatibilityLevel", registry.globalLevel().name()));
        route("PUT", "/config", (p, x) -> setLevel(null, x));
        route("GET", "/config/{}", (p, x) -> Map.of("compatibilityLevel", subjectLevel(p.get(0), x).name()));
        route("PUT", "/config/{}", (p, x) -> setLevel(p.get(0), x));
    }

    private void handle(HttpExchange exchange) {
        int status;
        Object answer;
        try {
            status = 200;
            answer = dispatch(exchange);
        } catch (RegistryException e) {
            status = e.status();
            answer = error(e.errorCode(), e.getMessage());
            if (status >= 500) {
                log.error("Schema registry failed on {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                        e.getMessage(), e.getCause());
            }
        } catch (IOException e) {
            // The client went away mid-request: nobody is left to answer.
            log.debug("Schema registry could not read {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.close();
            return;
        } catch (RuntimeException e) {
            log.error("Schema registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            status = 500;
            answer = error(RegistryErrorCodes.INTERNAL_ERROR, "Internal server error; the registry log has the details");
        }
        try {
            write(exchange, status, answer);
        } catch (IOException e) {
            log.debug("Schema registry could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Optional<List<String>> params = route.match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return route.endpoint().answer(params.get(), exchange);
            }
            allowed.add(route.method());
        }
        String shown = "/" + String.join("/", path);
        if (allowed.isEmpty()) {
            throw new RegistryException(404, RegistryErrorCodes.NOT_FOUND, "HTTP 404 Not Found: " + shown + " is not an endpoint of this registry");
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new RegistryException(405, RegistryErrorCodes.METHOD_NOT_ALLOWED,
                "HTTP 405 Method Not Allowed: " + method + " " + shown + "; allowed: " + String.join(", ", allowed));
    }

    private Map<String, Object> setLevel(String subject, HttpExchange exchange) throws IOException {
        JsonNode compatibility = body(exchange, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL).get("compatibility");
        if (compatibility == null || !compatibility.isTextual()) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                    "The request body needs a \"compatibility\" string, one of " + List.of(CompatibilityLevel.values()));
        }
        CompatibilityLevel level = CompatibilityLevel.parse(compatibility.asText());
        registry.setLevel(subject, level);
        return Map.of("compatibility", level.name());
    }

    /** A subject's own level; without one, 40408 unless {@code ?defaultToGlobal=true} asks for the global level. */
    private CompatibilityLevel subjectLevel(String subject, HttpExchange exchange) {
        return registry.subjectLevel(subject).orElseGet(() -> {
            if ("true".equalsIgnoreCase(queryParam(exchange, "defaultToGlobal"))) {
                return registry.globalLevel();
            }
            throw new RegistryException(404, RegistryErrorCodes.SUBJECT_CONFIG_NOT_FOUND,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        });
    }

    /** The Avro schema text of a register, lookup or compatibility request, refusing what this registry does not serve. */
    private String schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange, RegistryErrorCodes.INVALID_SCHEMA);
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
            throw RegistryException.invalidSchema("Schema type " + type.asText()
                    + " is not supported by this registry; only AVRO (the default when schemaType is absent)");
        }
        JsonNode references = body.get("references");
        if (references != null && !references.isNull() && !(references.isArray() && references.isEmpty())) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry; "
                    + "register a self-contained schema");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryException.invalidSchema("The request body needs a \"schema\" string");
        }
        return schema.asText();
    }

    /** The body as a JSON object; anything else is refused as 422 with {@code badBodyCode}. */
    private JsonNode body(HttpExchange exchange, int badBodyCode) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new RegistryException(413, RegistryErrorCodes.PAYLOAD_TOO_LARGE, "Request body over " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RegistryException(422, badBodyCode, "Malformed JSON in the request body: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RegistryException(422, badBodyCode, "The request body must be a JSON object");
        }
        return node;
    }

    private JsonNode rawSchema(String schema) throws IOException {
        return json.readTree(schema);
    }

    private static Map<String, Object> versionJson(SchemaRegistry.Version v) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", v.subject());
        answer.put("version", v.version());
        answer.put("id", v.id());
        answer.put("schema", v.schema());
        return answer;
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("Schema " + text);
        }
    }

    private static String queryParam(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /**
     * Splits the raw path before decoding, so an encoded slash ({@code %2F}) stays inside its
     * subject. Empty segments are kept and match no parameter.
     */
    private static List<String> segments(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(trimmed.split("/", -1)).map(SchemaRegistryServer::decode).toList();
    }

    /** Percent-decoding as in a URI path: unlike form encoding, {@code +} is a plus sign. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(404, RegistryErrorCodes.NOT_FOUND, "Malformed percent-encoding in '" + raw + "'");
        }
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_code", code);
        error.put("message", message);
        return error;
    }

    private void write(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void route(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, segments(template), endpoint));
    }

    @FunctionalInterface
    private interface Endpoint {
        Object answer(List<String> params, HttpExchange exchange) throws IOException;
    }

    /** A method and a path template whose {@code {}} segments match any non-empty segment. */
    private record Route(String method, List<String> template, Endpoint endpoint) {

        Optional<List<String>> match(List<String> path) {
            if (path.size() != template.size()) {
                return Optional.empty();
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) {
                String expected = template.get(i);
                String actual = path.get(i);
                if (expected.equals(ANY) && !actual.isEmpty()) {
                    params.add(actual);
                } else if (!expected.equals(actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }
}
