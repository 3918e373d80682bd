package io.laborpulse.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code laborpulse} command line. The only place that decides the process exit code. */
@Command(
        name = "laborpulse",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = Main.Version.class,
        description = {
            "Labor Pulse: multilingual labour news to region-level activity streams on Apache Kafka.",
            "",
            "Run 'laborpulse standalone' to start the whole pipeline on this machine."
        },
        subcommands = {StandaloneCommand.class, IngestCommand.class, EnrichCommand.class, EvalCommand.class, SpikesEvalCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        int status = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportFailure)
                .execute(args);
        System.exit(status);
    }

    /**
     * A failed command prints what went wrong and why in a few lines; the stack trace goes to
     * the log file, not to the user's terminal.
     */
    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        org.slf4j.LoggerFactory.getLogger(Main.class).error("{} failed", command.getCommandName(), failure);
        StringBuilder message = new StringBuilder("Error: ").append(failure.getMessage());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            message.append(System.lineSeparator()).append("  caused by: ").append(cause.getMessage());
        }
        command.getErr().println(message);
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"laborpulse " + (version == null ? "(development build)" : version)};
        }
    }
}
