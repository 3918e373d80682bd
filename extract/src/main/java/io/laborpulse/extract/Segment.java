package io.laborpulse.extract;

/** A span {@code [start, end)} of the normalised text; {@code headed} when a sub-headline opens it. */
record Segment(int start, int end, boolean headed) {
}
