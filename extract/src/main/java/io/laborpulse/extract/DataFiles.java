package io.laborpulse.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads the engine's tab-separated data files: blank lines and {@code #} comments skipped, cell counts checked. */
final class DataFiles {

    private DataFiles() {
    }

    /**
     * @param resource classpath resource
     * @param cells    how many tab-separated cells each data row must have
     * @param row      called with the cells of each data row, in file order
     */
    static void readTsv(String resource, int cells, Consumer<String[]> row) {
        InputStream in = DataFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Data file " + resource + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] values = line.split("\t");
                if (values.length != cells) {
                    throw new IllegalStateException(resource + ":" + number + ": expected " + cells
                            + " tab-separated cells, got " + values.length);
                }
                row.accept(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read data file " + resource, e);
        }
    }
}
