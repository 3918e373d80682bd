package io.laborpulse.ingest.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the HTTP webhook.
 *
 * @param maxBodyBytes  largest request body accepted; larger ones get 413
 * @param maxItems      most articles in one request
 * @param queueCapacity requests waiting for the producer before new ones get 429
 * @param ackTimeout    how long a request waits for Kafka's acknowledgement before it gets 503
 * @param bearerToken   required {@code Authorization: Bearer} token, or null for none
 */
public record WebhookSettings(int maxBodyBytes, int maxItems, int queueCapacity, Duration ackTimeout, String bearerToken) {

    public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

    public WebhookSettings {
        if (maxBodyBytes <= 0 || maxItems <= 0 || queueCapacity <= 0) {
            throw new IllegalArgumentException("webhook limits must be positive: body " + maxBodyBytes
                    + " bytes, " + maxItems + " items, queue " + queueCapacity);
        }
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (bearerToken != null && bearerToken.isBlank()) {
            bearerToken = null;
        }
    }

    public static WebhookSettings defaults(String bearerToken) {
        return new WebhookSettings(DEFAULT_MAX_BODY_BYTES, 1000, 16, Duration.ofSeconds(30), bearerToken);
    }
}
