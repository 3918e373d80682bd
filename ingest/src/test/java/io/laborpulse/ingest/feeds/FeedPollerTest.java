package io.laborpulse.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestLedger;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against a local HTTP server serving the project's fixtures, publishing through a mock producer. */
class FeedPollerTest {

    private static final Instant NOW = Instant.parse("2025-12-01T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final IngestLedger ledger = IngestLedger.inMemory();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final AtomicBoolean brokerDown = new AtomicBoolean();
    private FeedFixtures server;
    private FeedPoller poller;

    @BeforeEach
    void start() throws Exception {
        server = new FeedFixtures();
        Supplier<IngestPublisher<Article>> publishers = () -> {
            if (brokerDown.get()) {
                throw new KafkaException("broker unreachable");
            }
            return new IngestPublisher<>(IngestFormat.ARTICLES, producer,
                    new ConfluentAvroSerializer<Article>(new InMemorySchemaRegistryClient(), false), ledger,
                    Clock.fixed(NOW, ZoneOffset.UTC), metrics);
        };
        poller = new FeedPoller(List.of(new FeedSpec("akhbar", server.uri(FeedFixtures.ARABIC_RSS), "ar", "EG", INTERVAL)),
                publishers, FeedPoller.defaultHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), metrics);
    }

    @AfterEach
    void stop() {
        poller.close();
        server.close();
    }

    private long articlesPublished() {
        return producer.history().stream().filter(r -> r.topic().equals(Topics.ARTICLES.name())).count();
    }

    private double polls(String result) {
        return metrics.get("laborpulse_feed_polls").tag("feed", "akhbar").tag("result", result).counter().count();
    }

    @Test
    void shouldPublishEachNewItemOnceAndDeadLetterAnEmptyOne() {
        FeedPoller.FeedStatus status = poller.poll("akhbar");

        assertThat(status.lastResult()).isEqualTo(FeedPoller.Result.OK);
        assertThat(status.items()).isEqualTo(5);
        assertThat(status.newItems()).isEqualTo(3); // the repeated item (same canonical link) is sent once
        assertThat(articlesPublished()).isEqualTo(3);
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(Topics.DEAD_LETTERS.name())).hasSize(1);
        assertThat(status.nextPoll()).isEqualTo(NOW.plus(INTERVAL));
        assertThat(metrics.get("laborpulse_feed_last_success_timestamp").tag("feed", "akhbar").gauge().value())
                .isEqualTo(NOW.getEpochSecond());
        assertThat(metrics.get("laborpulse_ingest_records").tag("source", "akhbar").tag("outcome", "sent").counter().count())
                .isEqualTo(3);
    }

    @Test
    void shouldAskConditionallyAndPublishNothingWhenTheFeedIsUnchanged() {
        poller.poll("akhbar");

        FeedPoller.FeedStatus second = poller.poll("akhbar");

        assertThat(second.lastResult()).isEqualTo(FeedPoller.Result.NOT_MODIFIED);
        assertThat(server.conditionalRequests.get()).isEqualTo(1);
        assertThat(articlesPublished()).isEqualTo(3);
        assertThat(polls("not_modified")).isEqualTo(1);
    }

    @Test
    void shouldNotRepublishItemsAChangedFeedStillCarries() {
        poller.poll("akhbar");
        server.etag = "\"v2\"";

        FeedPoller.FeedStatus second = poller.poll("akhbar");

        assertThat(second.lastResult()).isEqualTo(FeedPoller.Result.OK);
        assertThat(second.newItems()).isZero();
        assertThat(articlesPublished()).isEqualTo(3);
    }

    @Test
    void shouldBackOffAfterAFailureHonouringRetryAfterAndRecover() {
        server.answer(FeedFixtures.ARABIC_RSS, 503);

        FeedPoller.FeedStatus failed = poller.poll("akhbar");

        assertThat(failed.lastResult()).isEqualTo(FeedPoller.Result.ERROR);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.nextPoll()).isEqualTo(NOW.plus(INTERVAL.multipliedBy(2)));
        assertThat(poller.poll("akhbar").nextPoll()).isEqualTo(NOW.plus(INTERVAL.multipliedBy(4)));
        assertThat(metrics.get("laborpulse_feed_consecutive_failures").tag("feed", "akhbar").gauge().value()).isEqualTo(2);

        server.heal(FeedFixtures.ARABIC_RSS);
        FeedPoller.FeedStatus healed = poller.poll("akhbar");

        assertThat(healed.lastResult()).isEqualTo(FeedPoller.Result.OK);
        assertThat(healed.consecutiveFailures()).isZero();
        assertThat(polls("error")).isEqualTo(2);
        assertThat(polls("ok")).isEqualTo(1);
    }

    @Test
    void shouldFetchAgainWhatItCouldNotPublish() {
        brokerDown.set(true);

        FeedPoller.FeedStatus failed = poller.poll("akhbar");

        assertThat(failed.lastResult()).isEqualTo(FeedPoller.Result.ERROR);
        assertThat(failed.lastError()).contains("publishing to Kafka failed");
        brokerDown.set(false);
        FeedPoller.FeedStatus retried = poller.poll("akhbar");
        assertThat(server.conditionalRequests.get()).as("no validator kept from the failed poll").isZero();
        assertThat(retried.newItems()).isEqualTo(3);
    }

    @Test
    void shouldDoubleTheWaitUpToTheCapAndLetALongerRetryAfterWin() {
        assertThat(FeedPoller.backOff(INTERVAL, 1, null)).isEqualTo(Duration.ofMinutes(20));
        assertThat(FeedPoller.backOff(INTERVAL, 10, null)).isEqualTo(FeedPoller.MAX_BACKOFF);
        assertThat(FeedPoller.backOff(INTERVAL, 1, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
        assertThat(FeedPoller.backOff(INTERVAL, 1, Duration.ofDays(3))).isEqualTo(Duration.ofMinutes(20));
    }
}
