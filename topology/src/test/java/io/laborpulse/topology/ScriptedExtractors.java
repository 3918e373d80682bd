package io.laborpulse.topology;

import io.laborpulse.extract.Extractor;

/** Hands the package-private {@link ScriptedExtractor} to specs in other packages. */
public final class ScriptedExtractors {

    private ScriptedExtractors() {
    }

    public static Extractor scripted() {
        return new ScriptedExtractor();
    }
}
