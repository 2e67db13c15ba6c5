package org.retailhub.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The rules in ops/prometheus are valid for Debian's Prometheus, pass their own unit tests ({@code promtool test rules
 * tests.yml}), and every alert has a test in which it fires and a runbook section its {@code runbook_url} points to.
 * promtool comes with the {@code prometheus} package that ops/scripts/ensure-prerequisites.sh installs.
 */
class PrometheusRulesTest {

    static final Path RULES = Path.of("prometheus").toAbsolutePath();
    private static final Path REPOSITORY = RULES.getParent().getParent();

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "recording.yml", "alerts.yml")).contains("SUCCESS: 10 rules found", "SUCCESS: 14 rules found");
        assertThat(promtool("test", "rules", "tests.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresInATestAndPointsToItsRunbookSection() throws IOException {
        List<Map<String, Object>> alerts = alerts();
        Set<String> testedFiring = testedFiring();
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(testedFiring).as("tests.yml has a test in which %s fires", name).contains(name);
            @SuppressWarnings("unchecked")
            String runbook = ((Map<String, String>) alert.get("annotations")).get("runbook_url");
            assertThat(runbook).as("runbook_url of %s", name).matches("ops/runbooks/[a-z-]+\\.md#[a-z0-9-]+");
            Path page = REPOSITORY.resolve(runbook.substring(0, runbook.indexOf('#')));
            assertThat(anchors(page)).as("sections of %s", page).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    /** The alert rules of alerts.yml, as Prometheus reads them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES.resolve("alerts.yml")));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            alerts.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return alerts;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> testedFiring() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES.resolve("tests.yml")));
        return ((List<Map<String, Object>>) file.get("tests")).stream()
                .flatMap(t -> ((List<Map<String, Object>>) t.getOrDefault("alert_rule_test", List.of())).stream())
                .filter(t -> !((List<?>) t.get("exp_alerts")).isEmpty())
                .map(t -> (String) t.get("alertname")).collect(Collectors.toSet());
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        Matcher heading = Pattern.compile("(?m)^#+ (.+)$").matcher(Files.readString(page));
        Set<String> anchors = new java.util.HashSet<>();
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process promtool;
        try {
            promtool = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool not found: run ops/scripts/ensure-prerequisites.sh (Debian package prometheus)", e);
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool %s:%n%s", String.join(" ", arguments), output).isZero();
        return output;
    }
}
