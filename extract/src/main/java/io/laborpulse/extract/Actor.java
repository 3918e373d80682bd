package io.laborpulse.extract;

/**
 * Organisations an event names as taking part, besides the workers themselves. The Avro enum of
 * the same name mirrors it symbol for symbol; docs/taxonomy.md lists the cues per language.
 */
public enum Actor {
    /** A trade union, union federation or union branch (工会, سندیکا, نقابة). */
    TRADE_UNION,
    /** Iran's Workers' House and Islamic labour councils (خانه کارگر, شورای اسلامی کار). */
    WORKERS_HOUSE,
    /** The employer: a company, its management, a contractor. */
    EMPLOYER,
    /** A ministry of labour, labour office or labour inspectorate (اداره کار, 人社局, مديرية العمل). */
    LABOUR_AUTHORITY,
    /** A social security or pension fund (تامین اجتماعی, 社保, التأمينات الاجتماعية). */
    SOCIAL_SECURITY,
    /** A symbol a newer writer added that this reader does not know. */
    OTHER
}
