package io.laborpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus configuration and rules as promtool sees them: valid, and every alert unit
 * tested firing and not firing, with a summary and a runbook entry.
 */
class PrometheusRulesTest {

    private static final Pattern ALERT = Pattern.compile("- alert: (\\w+)");

    @Test
    void shouldBeAValidConfiguration() throws Exception {
        Promtool.Result result = Promtool.run("check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void shouldHaveValidRules() throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        ruleFiles().forEach(file -> args.add("rules/" + file.getFileName()));

        Promtool.Result result = Promtool.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void shouldPassEveryRuleUnitTest() throws Exception {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        try (Stream<Path> tests = Files.list(Promtool.PROMETHEUS_DIR.resolve("tests"))) {
            tests.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(p -> args.add("tests/" + p.getFileName()));
        }

        Promtool.Result result = Promtool.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void shouldTestEveryAlertFiringAndNotFiringAndDocumentIt() throws Exception {
        String tests = readAll(Promtool.PROMETHEUS_DIR.resolve("tests"));
        String runbook = Files.readString(Promtool.PROMETHEUS_DIR.resolve("RUNBOOK.md"), StandardCharsets.UTF_8);
        List<String> alerts = alerts();

        assertThat(alerts).isNotEmpty();
        for (String alert : alerts) {
            Matcher cases = Pattern.compile("alertname: " + alert + "\\s*\\n\\s*exp_alerts:(.*)").matcher(tests);
            List<Boolean> firing = new ArrayList<>();
            while (cases.find()) {
                firing.add(!cases.group(1).strip().equals("[]"));
            }
            assertThat(firing).as(alert + " has a firing and a not-firing test case").contains(true, false);
            assertThat(runbook).as(alert + " has a runbook entry").contains("## " + alert + "\n");
        }
    }

    private static List<String> alerts() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path file : ruleFiles()) {
            Matcher m = ALERT.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static List<Path> ruleFiles() throws Exception {
        try (Stream<Path> files = Files.list(Promtool.PROMETHEUS_DIR.resolve("rules"))) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static String readAll(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
