package io.laborpulse.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code promtool} (package {@code prometheus}) and returns its exit code and output. */
final class Promtool {

    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path PROMETHEUS_DIR = DEPLOY.resolve("prometheus");

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary("promtool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), output);
    }

    /** A Prometheus tool from Debian's package; a clear error naming the package when it is missing. */
    static Path binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not installed: install Debian's prometheus package "
                + "(apt-get install prometheus), as .ci/run does");
    }
}
