package io.laborpulse.schemas.registry;

import static io.laborpulse.schemas.registry.FakeRegistry.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.laborpulse.schemas.registry.FakeRegistry.Request;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client sends the requests Confluent's clients send and understands Confluent's answers,
 * against a scripted registry that records every request.
 */
class HttpSchemaRegistryClientTest {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String SUBJECT = "labor.events.v1-value";
    private static final Schema SCHEMA = SchemaBuilder.record("Event").namespace("test").fields()
            .requiredString("id").endRecord();
    private static final String REGISTERED = json("subject", SUBJECT, "version", 2, "id", 5, "schema", SCHEMA.toString());

    private final FakeRegistry registry = FakeRegistry.start();
    private final HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldRegisterWithThePostConfluentClientsSend() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, json("id", 7));

        assertThat(client.register(SUBJECT, SCHEMA)).isEqualTo(7);

        assertThat(registry.requests()).containsExactly(new Request("POST", "/subjects/labor.events.v1-value/versions",
                CONTENT_TYPE, CONTENT_TYPE, null, json("schema", SCHEMA.toString())));
    }

    @Test
    void shouldAskTheRegistryOnceForTheSameSubjectAndSchema() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, json("id", 7));

        client.register(SUBJECT, SCHEMA);
        client.register(SUBJECT, new Schema.Parser().parse(SCHEMA.toString()));

        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldKnowTheSchemaOfAnIdItRegisteredWithoutAsking() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, json("id", 7));
        client.register(SUBJECT, SCHEMA);

        assertThat(client.getSchemaById(7)).isEqualTo(SCHEMA);

        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldFetchASchemaByIdOnceAndIgnoreFieldsItDoesNotKnow() {
        registry.answer("GET", "/schemas/ids/3", 200, json("schema", SCHEMA.toString(), "schemaType", "AVRO", "guid", "x"));

        assertThat(client.getSchemaById(3)).isEqualTo(SCHEMA);
        assertThat(client.getSchemaById(3)).isEqualTo(SCHEMA);

        assertThat(registry.requests()).extracting(Request::method, Request::path, Request::accept)
                .containsExactly(tuple("GET", "/schemas/ids/3", CONTENT_TYPE));
    }

    @Test
    void shouldLookUpWithThePostToTheSubjectAndRememberTheAnswer() {
        registry.answer("POST", "/subjects/" + SUBJECT, 200, REGISTERED);

        assertThat(client.lookup(SUBJECT, SCHEMA)).hasValue(new RegisteredSchema(SUBJECT, 2, 5, SCHEMA));
        assertThat(client.lookup(SUBJECT, SCHEMA)).hasValue(new RegisteredSchema(SUBJECT, 2, 5, SCHEMA));

        assertThat(registry.requests()).containsExactly(new Request("POST", "/subjects/labor.events.v1-value",
                CONTENT_TYPE, CONTENT_TYPE, null, json("schema", SCHEMA.toString())));
    }

    @Test
    void shouldAnswerAnUnknownSubjectOnLookupWithEmpty() {
        registry.answer("POST", "/subjects/" + SUBJECT, 404, json("error_code", 40401, "message", "Subject 'x' not found."));

        assertThat(client.lookup(SUBJECT, SCHEMA)).isEmpty();
    }

    @Test
    void shouldAnswerASchemaTheSubjectDoesNotHoldOnLookupWithEmpty() {
        registry.answer("POST", "/subjects/" + SUBJECT, 404, json("error_code", 40403, "message", "Schema not found"));

        assertThat(client.lookup(SUBJECT, SCHEMA)).isEmpty();
    }

    @Test
    void shouldReadAVersionOfASubject() {
        registry.answer("GET", "/subjects/" + SUBJECT + "/versions/2", 200, REGISTERED);

        assertThat(client.getVersion(SUBJECT, 2)).isEqualTo(new RegisteredSchema(SUBJECT, 2, 5, SCHEMA));
    }

    @Test
    void shouldReadTheLatestVersionOfASubject() {
        registry.answer("GET", "/subjects/" + SUBJECT + "/versions/latest", 200, REGISTERED);

        assertThat(client.getLatest(SUBJECT)).isEqualTo(new RegisteredSchema(SUBJECT, 2, 5, SCHEMA));
    }

    @Test
    void shouldCheckCompatibilityAgainstTheLatestVersion() {
        registry.answer("POST", "/compatibility/subjects/" + SUBJECT + "/versions/latest", 200, json("is_compatible", false));

        assertThat(client.isCompatible(SUBJECT, SCHEMA)).isFalse();

        assertThat(registry.requests()).extracting(Request::contentType, Request::body)
                .containsExactly(tuple(CONTENT_TYPE, json("schema", SCHEMA.toString())));
    }

    @Test
    void shouldListSubjectsAndTheirVersions() {
        registry.answer("GET", "/subjects", 200, "[\"" + SUBJECT + "\",\"labor.articles.v1-value\"]")
                .answer("GET", "/subjects/" + SUBJECT + "/versions", 200, "[1,2]");

        assertThat(client.subjects()).containsExactly(SUBJECT, "labor.articles.v1-value");
        assertThat(client.versions(SUBJECT)).containsExactly(1, 2);
    }

    @Test
    void shouldPercentEncodeTheSubjectAsOnePathSegment() {
        registry.answer("GET", "/subjects/a%20b%2Fc/versions", 200, "[1]");

        assertThat(client.versions("a b/c")).containsExactly(1);
    }

    @Test
    void shouldCarryConfluentsStatusErrorCodeAndMessageNamingRegistryAndSubject() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 409,
                json("error_code", 409, "message", "Schema being registered is incompatible with an earlier schema"));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INCOMPATIBLE_SCHEMA);
                })
                .hasMessageContaining("incompatible with an earlier schema")
                .hasMessageContaining(registry.url())
                .hasMessageContaining("subject " + SUBJECT);
    }

    @Test
    void shouldReadTheFiveDigitErrorCode() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 422, json("error_code", 42201, "message", "Invalid schema"));

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA)).isInstanceOfSatisfying(SchemaRegistryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INVALID_SCHEMA));
    }

    @Test
    void shouldUseTheStatusAsCodeWhenAProxyAnswersWithoutJson() {
        registry.answer("GET", "/schemas/ids/9", 502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> client.getSchemaById(9))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.errorCode()).isEqualTo(502);
                })
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void shouldRejectARegisterAnswerWithoutAnId() {
        registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{}");

        assertThatThrownBy(() -> client.register(SUBJECT, SCHEMA)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("no integer \"id\"");
    }

    @Test
    void shouldSendBasicAuthWhenGivenUserInfo() {
        registry.answer("GET", "/subjects", 200, "[]");
        HttpSchemaRegistryClient withAuth = new HttpSchemaRegistryClient(registry.url(), "reader:s3cr:et");

        withAuth.subjects();

        String expected = "Basic " + Base64.getEncoder().encodeToString("reader:s3cr:et".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.requests()).extracting(Request::authorization).containsExactly(expected);
    }

    @Test
    void shouldTryTheNextUrlWhenARegistryIsUnreachable() {
        registry.answer("POST", "/subjects/s/versions", 200, json("id", 1));
        HttpSchemaRegistryClient failover = new HttpSchemaRegistryClient("http://127.0.0.1:1, " + registry.url() + "/");

        assertThat(failover.register("s", SCHEMA)).isEqualTo(1);
    }

    @Test
    void shouldNameEveryRegistryAndTheSubjectWhenNoneAnswers() {
        HttpSchemaRegistryClient nowhere = new HttpSchemaRegistryClient("http://127.0.0.1:1,http://127.0.0.1:2");

        assertThatThrownBy(() -> nowhere.register("labor.articles.v1-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(-1))
                .hasMessageContaining("Cannot reach the schema registry at [http://127.0.0.1:1, http://127.0.0.1:2]")
                .hasMessageContaining("subject labor.articles.v1-value");
    }

    @Test
    void shouldRefuseAUrlWithoutSchemeOrHost() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient("localhost:8081"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost:8081");
    }

    @Test
    void shouldKeepTheUrlsInTheOrderGiven() {
        assertThat(new HttpSchemaRegistryClient(" http://a:8081/ ,http://b:8081").baseUrls())
                .extracting(Object::toString).isEqualTo(List.of("http://a:8081", "http://b:8081"));
    }
}
