package io.laborpulse.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client sends what Confluent's clients send and understands Confluent's answers. The
 * registry here is a scripted stand-in that records each request.
 */
class HttpSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Event").namespace("test").fields().requiredString("id").endRecord();

    /** One request as the stand-in saw it. */
    record Seen(String method, String path, String contentType, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private Map<String, String> answers;
    private HttpServer server;
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            String answer = answers.getOrDefault(key, "404 {\"error_code\":40401,\"message\":\"Subject not found.\"}");
            int status = Integer.parseInt(answer.substring(0, 3));
            byte[] bytes = answer.substring(4).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new HttpSchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldRegisterWithTheConfluentRequestAndCacheTheId() {
        answers = Map.of("POST /subjects/labor.events.v1-value/versions", "200 {\"id\":7}");

        assertThat(client.register("labor.events.v1-value", SCHEMA)).isEqualTo(7);
        assertThat(client.register("labor.events.v1-value", SCHEMA)).isEqualTo(7);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(seen.get(0).body()).isEqualTo("{\"schema\":" + quoted(SCHEMA.toString()) + "}");
        assertThat(client.getSchemaById(7)).isEqualTo(SCHEMA);
        assertThat(seen).hasSize(1);
    }

    @Test
    void shouldFetchASchemaByIdOnceAndIgnoreExtraFields() {
        answers = Map.of("GET /schemas/ids/3", "200 {\"schema\":" + quoted(SCHEMA.toString()) + ",\"schemaType\":\"AVRO\"}");

        assertThat(client.getSchemaById(3)).isEqualTo(SCHEMA);
        assertThat(client.getSchemaById(3)).isEqualTo(SCHEMA);

        assertThat(seen).extracting(Seen::method, Seen::path).containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/schemas/ids/3"));
    }

    @Test
    void shouldLookUpVersionsAndCompatibility() {
        String version = "200 {\"subject\":\"s\",\"version\":2,\"id\":5,\"schema\":" + quoted(SCHEMA.toString()) + "}";
        answers = Map.of(
                "POST /subjects/s", version,
                "GET /subjects/s/versions/latest", version,
                "GET /subjects/s/versions/2", version,
                "POST /compatibility/subjects/s/versions/latest", "200 {\"is_compatible\":true}",
                "GET /subjects", "200 [\"s\"]",
                "GET /subjects/s/versions", "200 [1,2]");

        assertThat(client.lookup("s", SCHEMA)).hasValue(new RegisteredSchema("s", 2, 5, SCHEMA));
        assertThat(client.getLatest("s").version()).isEqualTo(2);
        assertThat(client.getVersion("s", 2).id()).isEqualTo(5);
        assertThat(client.isCompatible("s", SCHEMA)).isTrue();
        assertThat(client.subjects()).containsExactly("s");
        assertThat(client.versions("s")).containsExactly(1, 2);
    }

    @Test
    void shouldReportConfluentErrorsWithTheirCodes() {
        answers = Map.of("GET /schemas/ids/9", "404 {\"error_code\":40403,\"message\":\"Schema 9 not found\"}");

        assertThatThrownBy(() -> client.getSchemaById(9))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("Schema 9 not found");
        assertThat(client.lookup("unknown", SCHEMA)).isEmpty();
    }

    @Test
    void shouldTryTheNextUrlWhenARegistryIsUnreachable() {
        answers = Map.of("POST /subjects/s/versions", "200 {\"id\":1}");
        HttpSchemaRegistryClient failover = new HttpSchemaRegistryClient(
                "http://127.0.0.1:1, http://127.0.0.1:" + server.getAddress().getPort());

        assertThat(failover.register("s", SCHEMA)).isEqualTo(1);
    }

    @Test
    void shouldNameTheRegistryWhenNoneAnswers() {
        HttpSchemaRegistryClient nowhere = new HttpSchemaRegistryClient("http://127.0.0.1:1");

        assertThatThrownBy(() -> nowhere.getSchemaById(1)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Cannot reach the schema registry at [http://127.0.0.1:1]");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
