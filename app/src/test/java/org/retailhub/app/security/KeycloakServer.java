package org.retailhub.app.security;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;

/**
 * The real Keycloak server for the security tests: the distribution Maven unpacked into {@code target/keycloak}
 * ({@code keycloak.home}), started once per test JVM in dev mode on a free port with a fresh data folder and the
 * realm export of the {@code security} module imported; stopped when the JVM exits.
 */
final class KeycloakServer {

    static final String REALM = "retail-hub";
    private static KeycloakServer shared;

    private final Process process;
    private final int port;
    private final long startedInMillis;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private KeycloakServer(Process process, int port, long startedInMillis) {
        this.process = process;
        this.port = port;
        this.startedInMillis = startedInMillis;
    }

    static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
            System.out.println("Keycloak " + shared.issuer() + " ready in " + shared.startedInMillis() + " ms");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    long startedInMillis() {
        return startedInMillis;
    }

    /** An access token of a realm user (password grant of the DEV-ONLY {@code retail-hub-cli} client). */
    String userToken(String user) {
        return token(Map.of("grant_type", "password", "client_id", "retail-hub-cli", "username", user, "password", user + "-dev-only"));
    }

    /** An access token of a connector's service account (client credentials; the realm's DEV-ONLY secret). */
    String clientToken(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "dev-only-" + clientId + "-secret"));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode tree = json.readTree(answer.body());
            if (!tree.has("access_token")) {
                throw new IllegalStateException("Keycloak refused a token: " + answer.body());
            }
            return tree.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeycloakServer start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-" + System.getProperty("keycloak.version", "26.4.7")));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath() + ": run the ITs through Maven (./mvnw verify), "
                    + "which unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        long began = System.nanoTime();
        try {
            // a fresh dev database, so the realm export is imported as it is now
            FileSystemUtils.deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/retail-hub-realm.json")) {
                Files.copy(realm, imports.resolve("retail-hub-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--import-realm", "--log-level=warn"))
                    .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            KeycloakServer server = new KeycloakServer(builder.start(), port, 0);
            try {
                // minutes, not seconds: on a shared machine under a load of 30 its first start took over three
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(250)).until(() -> server.answers() || !server.process.isAlive());
            } catch (RuntimeException notReady) {
                server.stop();  // no orphan server when the tests give up on it
                throw notReady;
            }
            if (!server.process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + home.resolve("keycloak.log"));
            }
            return new KeycloakServer(server.process, port, (System.nanoTime() - began) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
