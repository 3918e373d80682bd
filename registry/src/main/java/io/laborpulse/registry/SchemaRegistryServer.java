package io.laborpulse.registry;

import io.laborpulse.schemas.registry.RegistryErrorCodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subset of the Confluent Schema Registry REST API that Confluent's serializers and
 * deserializers use, over a {@link SchemaRegistry}. A thin layer: parse the path and body,
 * call the registry, write JSON; every refusal is Confluent's error JSON
 * ({@code {"error_code":40401,"message":"…"}}) with the matching HTTP status.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final SchemaRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();
    private final String host;

    public SchemaRegistryServer(String host, int port, SchemaRegistry registry) throws IOException {
        this.registry = registry;
        this.host = host;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public SchemaRegistryServer start() {
        server.start();
        log.info("Schema registry listening on {}", url());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        String shown = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
        return "http://" + shown + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources: the exchange must stay open for the error answers below.
        try {
            Object answer = route(exchange.getRequestMethod().toUpperCase(Locale.ROOT), segments(exchange), exchange);
            write(exchange, 200, answer);
        } catch (RegistryException e) {
            write(exchange, e.status(), error(e.errorCode(), e.getMessage()));
        } catch (IOException e) {
            write(exchange, 422, error(RegistryErrorCodes.INVALID_REQUEST, "Unreadable request body: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Schema registry failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            write(exchange, 500, error(RegistryErrorCodes.STORE_ERROR, "Internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    private Object route(String method, List<String> path, HttpExchange exchange) throws IOException {
        int n = path.size();
        String first = n > 0 ? path.get(0) : "";
        if (first.equals("schemas") && n >= 3 && path.get(1).equals("ids")) {
            int id = parseId(path.get(2));
            if (n == 3 && method.equals("GET")) {
                return Map.of("schema", registry.schemaById(id));
            }
            if (n == 4 && path.get(3).equals("versions") && method.equals("GET")) {
                return registry.usesOf(id).stream().map(v -> {
                    Map<String, Object> use = new LinkedHashMap<>();
                    use.put("subject", v.subject());
                    use.put("version", v.version());
                    return use;
                }).toList();
            }
            if (n == 4 && path.get(3).equals("schema") && method.equals("GET")) {
                return json.readTree(registry.schemaById(id));
            }
        }
        if (first.equals("subjects")) {
            if (n == 1 && method.equals("GET")) {
                return registry.subjects();
            }
            String subject = n > 1 ? path.get(1) : "";
            if (n == 2 && method.equals("POST")) {
                return SchemaRegistry.versionJson(registry.lookup(subject, schemaOf(exchange)).orElseThrow(() ->
                        registry.subjects().contains(subject)
                                ? new RegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema not found")
                                : RegistryException.subjectNotFound(subject)));
            }
            if (n == 3 && path.get(2).equals("versions")) {
                if (method.equals("GET")) {
                    return registry.versionsOf(subject).stream().map(SchemaRegistry.Version::version).toList();
                }
                if (method.equals("POST")) {
                    return Map.of("id", registry.register(subject, schemaOf(exchange)));
                }
            }
            if (n == 4 && path.get(2).equals("versions") && method.equals("GET")) {
                return SchemaRegistry.versionJson(registry.version(subject, path.get(3)));
            }
            if (n == 5 && path.get(2).equals("versions") && path.get(4).equals("schema") && method.equals("GET")) {
                return json.readTree(registry.version(subject, path.get(3)).schema());
            }
        }
        if (first.equals("compatibility") && n == 5 && path.get(1).equals("subjects") && path.get(3).equals("versions")
                && method.equals("POST")) {
            return Map.of("is_compatible", registry.isCompatible(path.get(2), path.get(4), schemaOf(exchange)));
        }
        if (first.equals("config") && (n == 1 || n == 2)) {
            String subject = n == 2 ? path.get(1) : null;
            if (method.equals("GET")) {
                CompatibilityLevel level = subject == null ? registry.globalLevel()
                        : registry.subjectLevel(subject).orElseGet(() -> {
                            if (defaultToGlobal(exchange)) {
                                return registry.globalLevel();
                            }
                            throw new RegistryException(404, RegistryErrorCodes.SUBJECT_CONFIG_NOT_FOUND,
                                    "Subject '" + subject + "' does not have subject-level compatibility configured");
                        });
                return Map.of("compatibilityLevel", level.name());
            }
            if (method.equals("PUT")) {
                CompatibilityLevel level = levelOf(body(exchange).path("compatibility").asText(""));
                registry.setLevel(subject, level);
                return Map.of("compatibility", level.name());
            }
        }
        if (n == 0 && method.equals("GET")) {
            return Map.of();
        }
        throw new RegistryException(404, RegistryErrorCodes.NOT_FOUND, "HTTP " + method + " /" + String.join("/", path) + " is not an endpoint of this registry");
    }

    private String schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA,
                    "Schema type " + type + " is not supported by this registry; only AVRO");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA, "Schema references are not supported by this registry");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_SCHEMA, "The request body needs a \"schema\" string");
        }
        return schema.asText();
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new RegistryException(413, RegistryErrorCodes.PAYLOAD_TOO_LARGE, "Request body over " + MAX_BODY_BYTES + " bytes");
            }
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new RegistryException(422, RegistryErrorCodes.INVALID_REQUEST, "The request body must be a JSON object");
            }
            return node;
        }
    }

    private static CompatibilityLevel levelOf(String text) {
        try {
            return CompatibilityLevel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(422, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level '" + text + "'. Valid values are: " + List.of(CompatibilityLevel.values()));
        }
    }

    private static boolean defaultToGlobal(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query != null && query.contains("defaultToGlobal=true");
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private static List<String> segments(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return java.util.Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
                .toList();
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
}
