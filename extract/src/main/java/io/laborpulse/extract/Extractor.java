package io.laborpulse.extract;

/** Text in, labour events out. Implementations are immutable and thread-safe. */
public interface Extractor {

    /**
     * @throws IllegalArgumentException when the document has no text
     */
    Extraction extract(Document doc);
}
