package io.laborpulse.extract;

/**
 * The labour event taxonomy: the one list of types. The Avro enum of the same name on the
 * wire mirrors it symbol for symbol (a test holds them together); docs/taxonomy.md documents
 * each type with examples and its nearest PLOVER / CAMEO root.
 */
public enum EventType {
    STRIKE,
    PROTEST,
    WAGE_ARREARS,
    LAYOFF_CLOSURE,
    ACCIDENT_SAFETY,
    NEGOTIATION_MEETING,
    WELFARE_SERVICE,
    EMPLOYMENT_SERVICE,
    TRAINING,
    INSPECTION_ENFORCEMENT,
    POLICY_ANNOUNCEMENT,
    COOPERATIVE_ECONOMY,
    OTHER
}
