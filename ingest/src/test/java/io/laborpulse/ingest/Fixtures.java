package io.laborpulse.ingest;

import io.laborpulse.schemas.avro.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/** Shared vocabulary of the ingest tests: fixed times, multilingual lines, a plain Avro serializer. */
final class Fixtures {

    static final Instant MONDAY_0900 = Instant.parse("2025-12-01T09:00:00Z");

    static final String ISFAHAN = """
            {"id":"fa-1","source":"ilna","text":"تجمع کارگران فولاد در اصفهان","published":"2025-12-01T08:05:00Z"}""";
    static final String GANSU = """
            {"id":"zh-1","source":"gansu-union","text":"甘肃省总工会开展送温暖活动","published":"2025-12-01T08:06:00Z"}""";
    static final String CAIRO = """
            {"id":"ar-1","text":"إضراب عمال النسيج في المحلة","published":"2025-12-01T08:07:00Z"}""";
    /** No text: the one field that is required. */
    static final String NO_TEXT = """
            {"id":"fa-2","title":"بدون متن"}""";

    /**
     * Plain Avro binary, enough to tell records apart without a registry. The project's
     * Confluent-format serializer is injected the same way in production.
     */
    static final Serializer<Article> AVRO = (topic, article) -> {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(Article.class).write(article, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private Fixtures() {
    }

    static Article decode(byte[] avro) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(avro, null);
            return new SpecificDatumReader<>(Article.class).read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock that only moves when told to; the test sleeper moves it instead of sleeping. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the ingest works in UTC");
        }
    }
}
