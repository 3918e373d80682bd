package io.laborpulse.registry;

import static io.laborpulse.registry.Fixtures.ADD_OPTIONAL;
import static io.laborpulse.registry.Fixtures.ADD_REQUIRED;
import static io.laborpulse.registry.Fixtures.OTHER;
import static io.laborpulse.registry.Fixtures.PERSIAN_SUBJECT;
import static io.laborpulse.registry.Fixtures.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API as Confluent's clients call it, over an in-memory store on an ephemeral port:
 * status, content type and the exact JSON of every endpoint and error.
 */
class SchemaRegistryServerTest {

    private static final String SUBJECT = "labor.events.v1-value";
    private static final String VERSIONS = "/subjects/" + SUBJECT + "/versions";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SchemaRegistryServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    // --- POST /subjects/{subject}/versions

    @Test
    void shouldRegisterAFirstSchemaAsId1() {
        Reply reply = post(VERSIONS, schemaBody(V1));

        assertThat(reply).isEqualTo(new Reply(200, SchemaRegistryServer.CONTENT_TYPE, "{\"id\":1}"));
    }

    @Test
    void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post(VERSIONS, schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
        assertThat(get(VERSIONS).body()).isEqualTo("[1]");
    }

    @Test
    void shouldReuseTheGlobalIdForAnIdenticalSchemaUnderAnotherSubject() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/subjects/other-value/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldGiveTheNextIdToADifferentSchema() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/subjects/other-value/versions", schemaBody(OTHER)).body()).isEqualTo("{\"id\":2}");
    }

    @Test
    void shouldAcceptAPlainApplicationJsonRequest() {
        Reply reply = call("POST", VERSIONS, schemaBody(V1), "application/json");

        assertThat(reply).isEqualTo(new Reply(200, SchemaRegistryServer.CONTENT_TYPE, "{\"id\":1}"));
    }

    @Test
    void shouldIgnoreQueryParametersOnRegistration() {
        assertThat(post(VERSIONS + "?normalize=false", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldRejectAnIncompatibleSchemaWith409UnderTheDefaultBackwardLevel() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post(VERSIONS, schemaBody(ADD_REQUIRED))).isEqualTo(error(409, 409,
                "Schema being registered is incompatible with an earlier schema for subject '" + SUBJECT
                        + "' under compatibility level BACKWARD"));
    }

    @Test
    void shouldAcceptAnIncompatibleSchemaUnderLevelNone() {
        post(VERSIONS, schemaBody(V1));
        put("/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}");

        assertThat(post(VERSIONS, schemaBody(ADD_REQUIRED))).isEqualTo(ok("{\"id\":2}"));
    }

    @Test
    void shouldRejectAnUnparseableSchemaWith42201() {
        Reply reply = post(VERSIONS, "{\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}");

        assertErrorStartsWith(reply, 422, 42201, "Invalid schema: ");
    }

    @Test
    void shouldRejectAProtobufSchemaWith42201() {
        assertThat(post(VERSIONS, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"))
                .isEqualTo(error(422, 42201,
                        "Schema type PROTOBUF is not supported by this registry; only AVRO (the default when schemaType is absent)"));
    }

    @Test
    void shouldAcceptAnExplicitAvroSchemaTypeAndEmptyReferences() {
        String body = "{\"schema\":" + quoted(V1) + ",\"schemaType\":\"AVRO\",\"references\":[]}";

        assertThat(post(VERSIONS, body)).isEqualTo(ok("{\"id\":1}"));
    }

    @Test
    void shouldRejectSchemaReferencesWith42201() {
        String body = "{\"schema\":" + quoted(V1) + ",\"references\":[{\"name\":\"test.Other\",\"subject\":\"other-value\",\"version\":1}]}";

        assertThat(post(VERSIONS, body)).isEqualTo(error(422, 42201,
                "Schema references are not supported by this registry; register a self-contained schema"));
    }

    @Test
    void shouldRejectABodyWithoutASchemaWith42201() {
        assertThat(post(VERSIONS, "{\"schemata\":\"x\"}"))
                .isEqualTo(error(422, 42201, "The request body needs a \"schema\" string"));
    }

    @Test
    void shouldRejectMalformedJsonWith422AndAClearMessage() {
        Reply reply = post(VERSIONS, "{\"schema\": ");

        assertErrorStartsWith(reply, 422, 42201, "Malformed JSON in the request body: ");
        assertThat(reply.body()).doesNotContain("\\tat ", "Exception");
    }

    @Test
    void shouldRejectAJsonBodyThatIsNotAnObjectWith422() {
        assertThat(post(VERSIONS, "[]")).isEqualTo(error(422, 42201, "The request body must be a JSON object"));
    }

    // --- POST /subjects/{subject}

    @Test
    void shouldLookUpARegisteredSchemaUnderItsSubject() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/subjects/" + SUBJECT, schemaBody(V1))).isEqualTo(ok(versionJson(SUBJECT, 1, 1, V1)));
    }

    @Test
    void shouldAnswer40401WhenLookingUpUnderAnUnknownSubject() {
        assertThat(post("/subjects/nobody-value", schemaBody(V1)))
                .isEqualTo(error(404, 40401, "Subject 'nobody-value' not found."));
    }

    @Test
    void shouldAnswer40403WhenTheSchemaIsNotUnderTheSubject() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/subjects/" + SUBJECT, schemaBody(ADD_OPTIONAL)))
                .isEqualTo(error(404, 40403, "Schema under subject '" + SUBJECT + "' not found."));
    }

    // --- GET /schemas/ids/{id}

    @Test
    void shouldServeASchemaById() {
        post(VERSIONS, schemaBody(V1));

        assertThat(get("/schemas/ids/1")).isEqualTo(ok("{\"schema\":" + quoted(V1) + "}"));
    }

    @Test
    void shouldIgnoreTheQueryParametersOfNewerClientsWhenServingById() {
        post(VERSIONS, schemaBody(V1));

        assertThat(get("/schemas/ids/1?fetchMaxId=false&subject=" + SUBJECT)).isEqualTo(ok("{\"schema\":" + quoted(V1) + "}"));
    }

    @Test
    void shouldAnswer40403ForAnUnknownId() {
        assertThat(get("/schemas/ids/99")).isEqualTo(error(404, 40403, "Schema 99 not found."));
    }

    @Test
    void shouldServeTheRawSchemaById() {
        post(VERSIONS, schemaBody(V1));

        assertThat(get("/schemas/ids/1/schema")).isEqualTo(ok(V1.toString()));
    }

    @Test
    void shouldListTheSubjectVersionsThatUseAnId() {
        post(VERSIONS, schemaBody(V1));
        post("/subjects/other-value/versions", schemaBody(V1));

        assertThat(get("/schemas/ids/1/versions")).isEqualTo(ok(
                "[{\"subject\":\"labor.events.v1-value\",\"version\":1},{\"subject\":\"other-value\",\"version\":1}]"));
    }

    @Test
    void shouldAnswer40403WhenListingTheVersionsOfAnUnknownId() {
        assertThat(get("/schemas/ids/5/versions")).isEqualTo(error(404, 40403, "Schema 5 not found."));
    }

    // --- GET /subjects, /subjects/{subject}/versions, /subjects/{subject}/versions/{version}

    @Test
    void shouldListNoSubjectsOnAnEmptyRegistry() {
        assertThat(get("/subjects")).isEqualTo(ok("[]"));
    }

    @Test
    void shouldListSubjectsInNameOrder() {
        post("/subjects/zeta-value/versions", schemaBody(OTHER));
        post(VERSIONS, schemaBody(V1));

        assertThat(get("/subjects")).isEqualTo(ok("[\"labor.events.v1-value\",\"zeta-value\"]"));
    }

    @Test
    void shouldListTheVersionsOfASubject() {
        post(VERSIONS, schemaBody(V1));
        post(VERSIONS, schemaBody(ADD_OPTIONAL));

        assertThat(get(VERSIONS)).isEqualTo(ok("[1,2]"));
    }

    @Test
    void shouldAnswer40401ForTheVersionsOfAnUnknownSubject() {
        assertThat(get("/subjects/nobody-value/versions")).isEqualTo(error(404, 40401, "Subject 'nobody-value' not found."));
    }

    @Test
    void shouldServeAVersionByNumber() {
        post(VERSIONS, schemaBody(V1));
        post(VERSIONS, schemaBody(ADD_OPTIONAL));

        assertThat(get(VERSIONS + "/1")).isEqualTo(ok(versionJson(SUBJECT, 1, 1, V1)));
    }

    @Test
    void shouldServeTheLatestVersion() {
        post(VERSIONS, schemaBody(V1));
        post(VERSIONS, schemaBody(ADD_OPTIONAL));

        assertThat(get(VERSIONS + "/latest")).isEqualTo(ok(versionJson(SUBJECT, 2, 2, ADD_OPTIONAL)));
    }

    @Test
    void shouldServeTheRawSchemaOfAVersion() {
        post(VERSIONS, schemaBody(V1));

        assertThat(get(VERSIONS + "/latest/schema")).isEqualTo(ok(V1.toString()));
    }

    @Test
    void shouldAnswer40402ForAMissingVersion() {
        post(VERSIONS, schemaBody(V1));

        assertThat(get(VERSIONS + "/7")).isEqualTo(error(404, 40402, "Version 7 not found for subject '" + SUBJECT + "'."));
    }

    @Test
    void shouldAnswer42202ForSomethingThatIsNotAVersion() {
        post(VERSIONS, schemaBody(V1));

        assertThat(get(VERSIONS + "/zero")).isEqualTo(error(422, 42202, "The specified version 'zero' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\""));
    }

    @Test
    void shouldAnswer40401ForAVersionOfAnUnknownSubject() {
        assertThat(get("/subjects/nobody-value/versions/latest")).isEqualTo(error(404, 40401, "Subject 'nobody-value' not found."));
    }

    // --- subjects in the path are URL-decoded

    @Test
    void shouldDecodeAPercentEncodedNonLatinSubject() {
        String encoded = URLEncoder.encode(PERSIAN_SUBJECT, StandardCharsets.UTF_8);
        post("/subjects/" + encoded + "/versions", schemaBody(V1));

        assertThat(get("/subjects")).isEqualTo(ok("[\"" + PERSIAN_SUBJECT + "\"]"));
        assertThat(get("/subjects/" + encoded + "/versions/1")).isEqualTo(ok(versionJson(PERSIAN_SUBJECT, 1, 1, V1)));
    }

    @Test
    void shouldKeepAnEncodedSlashAndPlusInsideTheSubject() {
        post("/subjects/a%2Fb+c/versions", schemaBody(V1));

        assertThat(get("/subjects")).isEqualTo(ok("[\"a/b+c\"]"));
    }

    // --- POST /compatibility/subjects/{subject}/versions/{version}

    @Test
    void shouldReportACompatibleChange() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/compatibility" + VERSIONS + "/latest", schemaBody(ADD_OPTIONAL))).isEqualTo(ok("{\"is_compatible\":true}"));
    }

    @Test
    void shouldReportAnIncompatibleChange() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/compatibility" + VERSIONS + "/1", schemaBody(ADD_REQUIRED))).isEqualTo(ok("{\"is_compatible\":false}"));
    }

    @Test
    void shouldAnswer40401WhenCheckingCompatibilityWithAnUnknownSubject() {
        assertThat(post("/compatibility/subjects/nobody-value/versions/latest", schemaBody(V1)))
                .isEqualTo(error(404, 40401, "Subject 'nobody-value' not found."));
    }

    @Test
    void shouldAnswer40402WhenCheckingCompatibilityWithAMissingVersion() {
        post(VERSIONS, schemaBody(V1));

        assertThat(post("/compatibility" + VERSIONS + "/3", schemaBody(V1)))
                .isEqualTo(error(404, 40402, "Version 3 not found for subject '" + SUBJECT + "'."));
    }

    // --- /config and /config/{subject}

    @Test
    void shouldDefaultTheGlobalLevelToBackward() {
        assertThat(get("/config")).isEqualTo(ok("{\"compatibilityLevel\":\"BACKWARD\"}"));
    }

    @Test
    void shouldSetTheGlobalLevel() {
        assertThat(put("/config", "{\"compatibility\":\"FULL\"}")).isEqualTo(ok("{\"compatibility\":\"FULL\"}"));
        assertThat(get("/config")).isEqualTo(ok("{\"compatibilityLevel\":\"FULL\"}"));
    }

    @Test
    void shouldRejectAnUnknownLevelWith42203() {
        assertThat(put("/config", "{\"compatibility\":\"SIDEWAYS\"}")).isEqualTo(error(422, 42203,
                "Invalid compatibility level 'SIDEWAYS'. Valid values are: [NONE, BACKWARD, BACKWARD_TRANSITIVE, "
                        + "FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE]"));
    }

    @Test
    void shouldRejectAConfigBodyWithoutALevelWith42203() {
        assertThat(put("/config", "{\"compatibilityLevel\":\"FULL\"}")).isEqualTo(error(422, 42203,
                "The request body needs a \"compatibility\" string, one of [NONE, BACKWARD, BACKWARD_TRANSITIVE, "
                        + "FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE]"));
    }

    @Test
    void shouldAnswer40408ForASubjectWithoutALevelOfItsOwn() {
        assertThat(get("/config/" + SUBJECT)).isEqualTo(error(404, 40408,
                "Subject '" + SUBJECT + "' does not have subject-level compatibility configured"));
    }

    @Test
    void shouldFallBackToTheGlobalLevelWhenAskedTo() {
        put("/config", "{\"compatibility\":\"FORWARD\"}");

        assertThat(get("/config/" + SUBJECT + "?defaultToGlobal=true")).isEqualTo(ok("{\"compatibilityLevel\":\"FORWARD\"}"));
    }

    @Test
    void shouldSetASubjectLevelApartFromTheGlobalOne() {
        assertThat(put("/config/" + SUBJECT, "{\"compatibility\":\"full_transitive\"}"))
                .isEqualTo(ok("{\"compatibility\":\"FULL_TRANSITIVE\"}"));

        assertThat(get("/config/" + SUBJECT)).isEqualTo(ok("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}"));
        assertThat(get("/config")).isEqualTo(ok("{\"compatibilityLevel\":\"BACKWARD\"}"));
    }

    // --- what is not an endpoint, and faults

    @Test
    void shouldAnswerTheRootWithAnEmptyObject() {
        assertThat(get("/")).isEqualTo(ok("{}"));
    }

    @Test
    void shouldAnswer404ForAnUnknownPath() {
        assertThat(get("/nothing/here")).isEqualTo(error(404, 404, "HTTP 404 Not Found: /nothing/here is not an endpoint of this registry"));
    }

    @Test
    void shouldAnswer405WithTheAllowedMethodsForAWrongMethod() {
        HttpResponse<String> response = send("DELETE", "/subjects/" + SUBJECT, null, null);

        assertThat(Reply.of(response)).isEqualTo(error(405, 405,
                "HTTP 405 Method Not Allowed: DELETE /subjects/" + SUBJECT + "; allowed: POST"));
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void shouldAnswer500WithoutInternalsWhenTheStoreFails() {
        server = start(new SchemaStore() {
            @Override
            public List<RegistryEntry> load() {
                return List.of();
            }

            @Override
            public void append(RegistryEntry entry) {
                throw new IllegalStateException("broker unreachable");
            }
        });

        assertThat(post(VERSIONS, schemaBody(V1))).isEqualTo(error(500, 50001,
                "Error while storing the registry entry; it was not acknowledged: broker unreachable"));
    }

    @Test
    void shouldAnswer500WithAGenericMessageForAnUnexpectedFault() {
        InMemorySchemaStore corrupt = new InMemorySchemaStore();
        corrupt.append(new RegistryEntry.SchemaVersion(SUBJECT, 1, 1, "{not a schema"));
        server = start(corrupt);

        assertThat(post(VERSIONS, schemaBody(ADD_OPTIONAL)))
                .isEqualTo(error(500, 50002, "Internal server error; the registry log has the details"));
    }

    @Test
    void shouldServeOnAnEphemeralPortUnderLocalhost() {
        server = start(new InMemorySchemaStore());

        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://localhost:" + server.port());
    }

    // --- helpers

    /** What a test asserts of an answer: status, content type and the exact body. */
    record Reply(int status, String contentType, String body) {
        static Reply of(HttpResponse<String> response) {
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
    }

    private static Reply ok(String body) {
        return new Reply(200, SchemaRegistryServer.CONTENT_TYPE, body);
    }

    private Reply error(int status, int code, String message) {
        try {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error_code", code);
            error.put("message", message);
            return new Reply(status, SchemaRegistryServer.CONTENT_TYPE, json.writeValueAsString(error));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertErrorStartsWith(Reply reply, int status, int code, String messageStart) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(SchemaRegistryServer.CONTENT_TYPE);
        try {
            JsonNode error = json.readTree(reply.body());
            assertThat(error.fieldNames()).toIterable().containsExactly("error_code", "message");
            assertThat(error.get("error_code").asInt()).isEqualTo(code);
            assertThat(error.get("message").asText()).startsWith(messageStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String versionJson(String subject, int version, int id, Schema schema) {
        try {
            return "{\"subject\":" + json.writeValueAsString(subject) + ",\"version\":" + version + ",\"id\":" + id
                    + ",\"schema\":" + quoted(schema) + "}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String quoted(Schema schema) {
        try {
            return json.writeValueAsString(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String schemaBody(Schema schema) {
        return "{\"schema\":" + quoted(schema) + "}";
    }

    private Reply get(String path) {
        return call("GET", path, null, null);
    }

    private Reply post(String path, String body) {
        return call("POST", path, body, SchemaRegistryServer.CONTENT_TYPE);
    }

    private Reply put(String path, String body) {
        return call("PUT", path, body, SchemaRegistryServer.CONTENT_TYPE);
    }

    private Reply call(String method, String path, String body, String contentType) {
        return Reply.of(send(method, path, body, contentType));
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) {
        if (server == null) {
            server = start(new InMemorySchemaStore());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", SchemaRegistryServer.CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SchemaRegistryServer start(SchemaStore store) {
        try {
            return new SchemaRegistryServer("127.0.0.1", 0, store).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
