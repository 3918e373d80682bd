package io.laborpulse.topology;

import static io.laborpulse.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.serde.WireFormat;
import io.laborpulse.topology.errors.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing bad stops the pipeline or vanishes: each kind of bad record is dead-lettered with
 * its original bytes and the reason, counted by reason, and the next good record still flows.
 */
class DeadLetterSpec {

    @TempDir
    Path stateDir;

    private TopologyFixture t;

    @BeforeEach
    void start() {
        t = new TopologyFixture(stateDir, new TopologySettings(TopologySettings.DEFAULT_GRACE, 100,
                TopologySettings.defaults().closeCheck(), TopologySettings.defaults().activeHorizon(),
                TopologySettings.defaults().hourlyRetention(), TopologySettings.defaults().dailyRetention(),
                TopologySettings.defaults().eventRetention()));
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void shouldDeadLetterBytesThatAreNotAnAvroRecord() {
        t.rawArticles.pipeInput(bytes("bad"), bytes("not avro"), START);
        t.publish("a1", "@IR-10 PROTEST", START);

        assertThat(t.counter("laborpulse_dead_letters", "reason", "undeserializable", "topic", "labor.articles.v1")).isEqualTo(1);
        assertThat(t.events.readValue().getId()).isEqualTo("a1#0");
    }

    @Test
    void shouldDeadLetterARecordWrittenWithAnUnknownSchemaId() {
        byte[] unknownSchema = new byte[] {0, 0, 0, 0x7F, 0x7F, 2, 'x'};
        t.rawArticles.pipeInput(bytes("u1"), unknownSchema, START);
        t.publish("a1", "@IR-10 PROTEST", START);

        assertThat(WireFormat.schemaIdOf(unknownSchema)).isEqualTo(0x7F7F);
        assertThat(t.counter("laborpulse_dead_letters", "reason", "unknown_schema")).isEqualTo(1);
        assertThat(t.events.readValue().getId()).isEqualTo("a1#0");
    }

    @Test
    void shouldDeadLetterAnArticleWithoutTextWithItsOriginalBytesAndTheReason() {
        Article blank = TopologyFixture.articleOf("b1", " ", START);
        t.articles.pipeInput("b1", blank, START);
        t.publish("a1", "@IR-10 PROTEST", START);

        assertThat(t.counter("laborpulse_dead_letters", "reason", "invalid_record")).isEqualTo(1);
        TestRecord<byte[], byte[]> letter = t.deadLetters.readRecord();
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("b1");
        assertThat(letter.value()).isEqualTo(t.topics.articles().valueSerde().serializer().serialize(t.topics.articles().name(), blank));
        assertThat(header(letter, DeadLetters.REASON_HEADER)).isEqualTo("invalid_record");
        assertThat(header(letter, DeadLetters.MESSAGE_HEADER)).contains("b1 has no text");
        assertThat(header(letter, DeadLetters.TOPIC_HEADER)).isEqualTo("labor.articles.v1");
        assertThat(header(letter, DeadLetters.PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.OFFSET_HEADER)).isEqualTo("0");
        assertThat(header(letter, DeadLetters.TIMESTAMP_HEADER)).isEqualTo(Long.toString(START.toEpochMilli()));
        assertThat(header(letter, DeadLetters.EXCEPTION_HEADER)).endsWith("RecordRejected");
        assertThat(t.events.readValue().getId()).isEqualTo("a1#0");
    }

    @Test
    void shouldDeadLetterAnArticleOverTheSizeLimit() {
        t.publish("big", "@IR-10 PROTEST\n" + "x".repeat(200), START);

        assertThat(t.counter("laborpulse_dead_letters", "reason", "too_large")).isEqualTo(1);
        assertThat(header(t.deadLetters.readRecord(), DeadLetters.MESSAGE_HEADER)).contains("the limit is 100");
        assertThat(t.events.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAnArticleTheEngineFailsOn() {
        t.publish("f1", "@FAIL", START);
        t.publish("a1", "@IR-10 PROTEST", START);

        assertThat(t.counter("laborpulse_dead_letters", "reason", "enrichment_failed")).isEqualTo(1);
        assertThat(header(t.deadLetters.readRecord(), DeadLetters.MESSAGE_HEADER)).contains("scripted engine failure");
        assertThat(t.events.readValue().getId()).isEqualTo("a1#0");
    }

    @Test
    void shouldDeadLetterAReportedEventWithoutAType() {
        t.reportedEvents.pipeInput("r1", LaborTopologyTest.reported("r1", " ", "Pakdasht", "IR"), START);

        assertThat(t.counter("laborpulse_dead_letters", "reason", "invalid_record", "topic", "labor.reported-events.v1"))
                .isEqualTo(1);
        assertThat(header(t.deadLetters.readRecord(), DeadLetters.MESSAGE_HEADER)).contains("blank eventType");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
