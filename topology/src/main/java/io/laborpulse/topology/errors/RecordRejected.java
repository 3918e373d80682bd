package io.laborpulse.topology.errors;

import java.util.Objects;

/**
 * A record the topology refuses, with the reason it goes to the dead-letter topic. Thrown by
 * validation and enrichment; the processing exception handler turns it into a dead letter.
 */
public final class RecordRejected extends RuntimeException {

    private final DeadLetterReason reason;

    public RecordRejected(DeadLetterReason reason, String message) {
        this(reason, message, null);
    }

    public RecordRejected(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
