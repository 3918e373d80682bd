package io.laborpulse.ingest;

import java.util.Objects;

/**
 * One line of input read into a record, or the reason it could not be: exactly one of
 * {@code value} and {@code problem} is set. Readers return this rather than throw, so the
 * caller can dead-letter a bad line and go on.
 */
public record ParsedLine<T>(T value, Problem problem) {

    public ParsedLine {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of value and problem must be set");
        }
    }

    /** Why a line is not a record; {@link #kind} becomes the dead-letter error class. */
    public enum Kind {
        /** The bytes are not UTF-8 (checked by the caller, which holds the bytes). */
        INVALID_ENCODING,
        MALFORMED_JSON,
        NOT_AN_OBJECT,
        MISSING_FIELD,
        INVALID_FIELD
    }

    /**
     * What is wrong with one line.
     *
     * @param line  1-based line number in its input, or 0 when unknown
     * @param field the offending field, or {@code null} when the line as a whole is wrong
     */
    public record Problem(Kind kind, long line, String field, String reason) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /** For logs and the dead-letter header, e.g. {@code line 7, field 'text': is required}. */
        public String message() {
            String where = line > 0 ? "line " + line : "line ?";
            return field == null ? where + ": " + reason : where + ", field '" + field + "': " + reason;
        }
    }

    static <T> ParsedLine<T> valid(T value) {
        return new ParsedLine<>(value, null);
    }

    static <T> ParsedLine<T> invalid(Kind kind, long line, String field, String reason) {
        return new ParsedLine<>(null, new Problem(kind, line, field, reason));
    }

    static <T> ParsedLine<T> invalid(Problem problem) {
        return new ParsedLine<>(null, problem);
    }

    public boolean isValid() {
        return value != null;
    }

    /** The problem's message, or {@code null} for a valid line. */
    public String error() {
        return problem == null ? null : problem.message();
    }
}
