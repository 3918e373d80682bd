package io.laborpulse.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the full log to a file under the data folder once the folder is known, so the
 * terminal keeps only the live summary and warnings.
 */
final class Logging {

    private Logging() {
    }

    static void toFile(Path logDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("LOG_DIR", logDir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(Logging.class.getResource("/laborpulse-logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("Cannot configure logging to " + logDir, e);
        }
    }
}
