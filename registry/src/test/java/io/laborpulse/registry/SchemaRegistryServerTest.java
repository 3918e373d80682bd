package io.laborpulse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API as Confluent's clients call it: paths, methods, content type, JSON and error codes. */
class SchemaRegistryServerTest {

    private static final String SUBJECT = "labor.events.v1-value";
    private static final Schema V1 = SchemaBuilder.record("Event").namespace("test")
            .fields().requiredString("id").endRecord();
    private static final Schema V2_OPTIONAL_FIELD = SchemaBuilder.record("Event").namespace("test")
            .fields().requiredString("id").optionalString("place").endRecord();
    private static final Schema V2_REQUIRED_FIELD = SchemaBuilder.record("Event").namespace("test")
            .fields().requiredString("id").requiredString("region").endRecord();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SchemaRegistryServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SchemaRegistryServer("127.0.0.1", 0, new SchemaRegistry(new InMemorySchemaStore())).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterASchemaAndServeItById() throws Exception {
        HttpResponse<String> registered = call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.headers().firstValue("Content-Type")).hasValue(SchemaRegistryServer.CONTENT_TYPE);
        assertThat(registered.body()).isEqualTo("{\"id\":1}");
        JsonNode byId = json.readTree(call("GET", "/schemas/ids/1", null).body());
        assertThat(new Schema.Parser().parse(byId.get("schema").asText())).isEqualTo(V1);
    }

    @Test
    void shouldReturnTheSameIdForTheSameSchemaUnderAnySubject() throws Exception {
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));

        assertThat(call("POST", "/subjects/" + SUBJECT + "/versions", body(V1)).body()).isEqualTo("{\"id\":1}");
        assertThat(call("POST", "/subjects/other-value/versions", body(V1)).body()).isEqualTo("{\"id\":1}");
        assertThat(call("GET", "/schemas/ids/1/versions", null).body())
                .isEqualTo("[{\"subject\":\"labor.events.v1-value\",\"version\":1},{\"subject\":\"other-value\",\"version\":1}]");
    }

    @Test
    void shouldLookUpARegisteredSchemaUnderItsSubject() throws Exception {
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));

        JsonNode found = json.readTree(call("POST", "/subjects/" + SUBJECT, body(V1)).body());

        assertThat(found.get("subject").asText()).isEqualTo(SUBJECT);
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertThat(found.get("id").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnswerConfluentErrorsForUnknownSubjectsSchemasAndVersions() throws Exception {
        assertError(call("GET", "/schemas/ids/99", null), 404, 40403);
        assertError(call("GET", "/subjects/nope/versions", null), 404, 40401);
        assertError(call("POST", "/subjects/nope", body(V1)), 404, 40401);
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));
        assertError(call("POST", "/subjects/" + SUBJECT, body(V2_OPTIONAL_FIELD)), 404, 40403);
        assertError(call("GET", "/subjects/" + SUBJECT + "/versions/7", null), 404, 40402);
        assertError(call("GET", "/subjects/" + SUBJECT + "/versions/zero", null), 422, 42202);
    }

    @Test
    void shouldRejectAnInvalidSchemaWith42201() throws Exception {
        assertError(call("POST", "/subjects/" + SUBJECT + "/versions", "{\"schema\":\"{not avro\"}"), 422, 42201);
        assertError(call("POST", "/subjects/" + SUBJECT + "/versions",
                "{\"schema\":\"{}\",\"schemaType\":\"PROTOBUF\"}"), 422, 42201);
    }

    @Test
    void shouldListSubjectsAndVersionsAndServeLatest() throws Exception {
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V2_OPTIONAL_FIELD));

        assertThat(call("GET", "/subjects", null).body()).isEqualTo("[\"labor.events.v1-value\"]");
        assertThat(call("GET", "/subjects/" + SUBJECT + "/versions", null).body()).isEqualTo("[1,2]");
        JsonNode latest = json.readTree(call("GET", "/subjects/" + SUBJECT + "/versions/latest", null).body());
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseABackwardIncompatibleChangeUnderTheDefaultLevel() throws Exception {
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));

        assertThat(call("POST", "/compatibility/subjects/" + SUBJECT + "/versions/latest", body(V2_REQUIRED_FIELD)).body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(call("POST", "/compatibility/subjects/" + SUBJECT + "/versions/1", body(V2_OPTIONAL_FIELD)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertError(call("POST", "/subjects/" + SUBJECT + "/versions", body(V2_REQUIRED_FIELD)), 409, 409);
    }

    @Test
    void shouldAcceptAnyChangeOnceTheLevelIsNone() throws Exception {
        call("POST", "/subjects/" + SUBJECT + "/versions", body(V1));

        assertThat(call("PUT", "/config", "{\"compatibility\":\"NONE\"}").body()).isEqualTo("{\"compatibility\":\"NONE\"}");

        assertThat(call("GET", "/config", null).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(call("POST", "/subjects/" + SUBJECT + "/versions", body(V2_REQUIRED_FIELD)).body()).isEqualTo("{\"id\":2}");
    }

    @Test
    void shouldKeepSubjectLevelsApartFromTheGlobalOne() throws Exception {
        assertError(call("GET", "/config/" + SUBJECT, null), 404, 40408);
        assertThat(call("GET", "/config/" + SUBJECT + "?defaultToGlobal=true", null).body())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        call("PUT", "/config/" + SUBJECT, "{\"compatibility\":\"FULL\"}");

        assertThat(call("GET", "/config/" + SUBJECT, null).body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertError(call("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    }

    @Test
    void shouldAnswerUnknownPathsAndBadBodiesWithErrorJson() throws Exception {
        assertError(call("GET", "/nothing/here", null), 404, 404);
        assertError(call("POST", "/subjects/" + SUBJECT + "/versions", "not json"), 422, 42200);
    }

    private void assertError(HttpResponse<String> response, int status, int errorCode) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("error_code").asInt()).isEqualTo(errorCode);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private String body(Schema schema) throws Exception {
        return json.writeValueAsString(java.util.Map.of("schema", schema.toString()));
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", SchemaRegistryServer.CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", SchemaRegistryServer.CONTENT_TYPE);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
