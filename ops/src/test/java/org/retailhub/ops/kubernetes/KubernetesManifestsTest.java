package org.retailhub.ops.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests in ops/kubernetes agree with the hub: the port it listens on, the probe groups its application.yaml
 * defines, every setting of docs/configuration.md's production checklist, the image the Maven profile {@code image}
 * builds (its port, its unprivileged user, its base image made by ops/image/base-image.sh), a grace period longer than Spring's shutdown, and probes and resources on every container.
 */
class KubernetesManifestsTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static List<Map<String, Object>> manifests;
    private static Map<String, Object> hubContainer;
    private static Map<String, String> hubEnvironment;
    private static Map<String, Object> settings;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("ops/kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                new Yaml().loadAll(Files.readString(file)).forEach(d -> manifests.add((Map<String, Object>) d));
            }
        }
        hubContainer = containers(workload("Deployment", "retail-hub")).get(0);
        hubEnvironment = new LinkedHashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) hubContainer.get("env")) {
            hubEnvironment.put((String) variable.get("name"), variable.containsKey("value") ? String.valueOf(variable.get("value")) : "<secret>");
        }
        settings = new Yaml().load(Files.readString(REPOSITORY.resolve("app/src/main/resources/application.yaml")));
    }

    @Test
    void theHubListensWhereTheServiceAndTheProbesLookAndTheProbesAreItsHealthGroups() {
        int port = (Integer) at(settings, "server", "port");
        Map<String, Object> containerPort = ((List<Map<String, Object>>) cast(hubContainer.get("ports"))).get(0);
        assertThat(containerPort.get("containerPort")).isEqualTo(port);
        assertThat(at(workload("Service", "retail-hub"), "spec", "ports").toString()).contains("targetPort=" + containerPort.get("name"));
        assertThat(at(settings, "management", "endpoint", "health", "probes", "enabled")).isEqualTo(true);
        Map<String, Object> groups = cast(at(settings, "management", "endpoint", "health", "group"));
        assertThat(at(hubContainer, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(hubContainer, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(hubContainer, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(groups).containsKeys("liveness", "readiness");
        assertThat(at(hubContainer, "livenessProbe", "httpGet", "port")).isEqualTo(containerPort.get("name"));
    }

    @Test
    void theHubGetsEverySettingOfTheProductionChecklistAndNoDevelopmentOne() throws IOException {
        List<String> required = checklist();
        assertThat(required).hasSizeGreaterThan(25);
        for (String variable : required) {
            if (variable.endsWith("_*")) {
                String prefix = variable.substring(0, variable.length() - 1);
                assertThat(hubEnvironment.keySet()).as("a variable %s<…>", prefix).anyMatch(name -> name.startsWith(prefix));
            } else {
                assertThat(hubEnvironment).as("production checklist").containsKey(variable);
            }
        }
        assertThat(hubEnvironment).containsEntry("HUB_SECURITY_MODE", "keycloak").containsEntry("HUB_EMBEDDED_ENABLED", "false")
                .containsEntry("CAMUNDA_BPM_ADMIN_USER_ID", "").containsEntry("SPRING_FLYWAY_LOCATIONS", "classpath:db/hub")
                .doesNotContainKey("HUB_DEVELOPMENT");
        // every simulator switch (the checklist names each one, checked above) is off
        assertThat(hubEnvironment.entrySet()).as("simulators off").filteredOn(e -> e.getKey().matches(".*_SIMULATOR(_ENABLED)?"))
                .hasSizeGreaterThanOrEqualTo(6).allMatch(e -> e.getValue().equals("false"));
        assertThat(hubEnvironment.values()).as("no DEV-ONLY value").noneMatch(v -> v.toLowerCase().contains("dev-only"));
    }

    @Test
    void theImageIsTheOneTheMavenProfileBuilds() throws IOException {
        String pom = Files.readString(REPOSITORY.resolve("app/pom.xml"));
        Matcher to = Pattern.compile("<to>\\s*<image>([^<]+)</image>").matcher(pom);
        assertThat(to.find()).isTrue();
        String version = Pattern.compile("<version>([^<]+)</version>").matcher(pom).results().findFirst().orElseThrow().group(1);
        assertThat(hubContainer.get("image")).isEqualTo(to.group(1).replace("${project.version}", version));
    }

    @Test
    void theImageRunsAsTheUnprivilegedUserTheManifestNamesOnThePortTheHubListensOn() throws IOException {
        String pom = Files.readString(REPOSITORY.resolve("app/pom.xml"));
        String baseImage = Files.readString(REPOSITORY.resolve("ops/image/base-image.sh"));
        assertThat(single(pom, "<ports><port>(\\d+)</port></ports>")).isEqualTo(String.valueOf(at(settings, "server", "port")));
        String imageUser = single(pom, "<user>(\\d+)</user>");
        assertThat(Integer.parseInt(imageUser)).as("image user").isNotZero();
        assertThat(single(baseImage, "\nhub_uid=(\\d+)\n")).as("the base image's user hub").isEqualTo(imageUser);
        assertThat(single(pom, "<from>\\s*<image>tar://([^<]+)</image>")).as("base image from ops/image/base-image.sh, no registry")
                .isEqualTo("${hub.image.base}");
        Map<String, Object> pod = cast(at(workload("Deployment", "retail-hub"), "spec", "template", "spec", "securityContext"));
        assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", Integer.parseInt(imageUser))
                .containsEntry("fsGroup", Integer.parseInt(imageUser));
        assertThat(at(hubContainer, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        // the settlement inbox is a folder the image gives its user, and the volume the manifest mounts there
        String inbox = hubEnvironment.get("HUB_PAYMENT_SETTLEMENT_INBOX");
        assertThat(baseImage).contains("." + inbox);
        assertThat(cast(hubContainer.get("volumeMounts")).toString()).contains("mountPath=" + inbox);
    }

    @Test
    void severalHubsShutDownGracefullyAndEveryContainerHasProbesAndResources() {
        Map<String, Object> hub = workload("Deployment", "retail-hub");
        assertThat((Integer) at(hub, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        int grace = (Integer) at(hub, "spec", "template", "spec", "terminationGracePeriodSeconds");
        int preStop = (Integer) at(hubContainer, "lifecycle", "preStop", "sleep", "seconds");
        // Spring's default spring.lifecycle.timeout-per-shutdown-phase is 30 s per phase (web server, then the rest)
        assertThat(grace).isGreaterThan(preStop + 30);
        assertThat(at(settings, "spring", "lifecycle")).as("application.yaml keeps Spring's shutdown timeout").isNull();
        for (String kind : List.of("Deployment", "StatefulSet")) {
            manifests.stream().filter(m -> kind.equals(m.get("kind"))).forEach(workload -> containers(workload).forEach(container -> {
                assertThat(container).as("%s %s", kind, container.get("name")).containsKeys("readinessProbe", "livenessProbe", "resources");
                assertThat(at(container, "resources", "limits", "memory")).as("memory limit of %s", container.get("name")).isNotNull();
            }));
        }
        assertThat(manifests.stream().map(m -> m.get("kind") + "/" + at(m, "metadata", "name")))
                .contains("StatefulSet/postgres", "StatefulSet/kafka", "Deployment/keycloak");
        assertThat(containers(workload("StatefulSet", "postgres")).get(0).get("args").toString()).contains("wal_level=logical");
    }

    private static String single(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text.length() > 60 ? "the file" : text).isTrue();
        return matcher.group(1);
    }

    /** Environment variables of the first column of docs/configuration.md's production checklist; {@code X_*} for a family. */
    private static List<String> checklist() throws IOException {
        String page = Files.readString(REPOSITORY.resolve("docs/configuration.md"));
        Matcher section = Pattern.compile("(?s)### Production checklist\n(.*?)\n## ").matcher(page);
        assertThat(section.find()).isTrue();
        List<String> variables = new ArrayList<>();
        for (String row : section.group(1).lines().filter(l -> l.startsWith("| `")).toList()) {
            String first = row.substring(1, row.indexOf(" |", 2));
            String stem = "";
            Matcher code = Pattern.compile("`([^`]+)`").matcher(first);
            while (code.find()) {
                String name = code.group(1).replaceAll("=.*", "");
                if (name.startsWith("_")) {
                    name = stem + name;
                } else {
                    stem = name.substring(0, name.lastIndexOf('_'));
                }
                Matcher family = Pattern.compile("<([A-Z|\\\\]+)>").matcher(name);
                if (family.find()) {
                    for (String member : family.group(1).replace("\\", "").split("\\|")) {
                        variables.add(member.equals("ACCOUNT") ? name.substring(0, family.start()) + "*" : family.replaceFirst(member));
                    }
                } else {
                    variables.add(name);
                }
            }
        }
        return variables;
    }

    private static Map<String, Object> workload(String kind, String name) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind")) && name.equals(at(m, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in ops/kubernetes"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return cast(at(workload, "spec", "template", "spec", "containers"));
    }

    private static Object at(Map<String, Object> map, String... path) {
        Object here = map;
        for (String key : path) {
            if (!(here instanceof Map<?, ?> m)) {
                return null;
            }
            here = m.get(key);
        }
        return here;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
