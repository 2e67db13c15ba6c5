package org.retailhub.app.crash;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import org.retailhub.app.embedded.EmbeddedPostgresServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub as an operating system process of its own, started from the repackaged jar as an operator would start it,
 * and killed with SIGKILL as a crash would kill it. This is the one place that knows how the jar is launched: the
 * crash tests only hand it the hub's settings.
 */
final class HubProcess implements AutoCloseable {

    /** What a process killed by SIGKILL exits with on Linux: 128 + 9. */
    static final int KILLED_BY_SIGKILL = 137;
    // a start on a busy 2-core machine (load average 30) was seen to take 4.5 minutes
    private static final Duration START_PATIENCE = Duration.ofMinutes(10);
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration PORT_PATIENCE = Duration.ofMinutes(2);
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev-only".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final Path postgresData;
    private final int port;
    private final long launched = System.nanoTime();
    private Duration startup;

    private HubProcess(Process process, Path log, Path postgresData, int port) {
        this.process = process;
        this.log = log;
        this.postgresData = postgresData;
        this.port = port;
    }

    /**
     * Starts the jar in {@code folder} (its working directory) on its embedded default, with PostgreSQL's and Kafka's data
     * in {@code folder/postgres} and {@code folder/kafka}, the given settings and HTTP port, and waits until it answers.
     * The port was free when the test chose it, but the hub binds it only at the end of its start: if another socket
     * took it in between ("Port … was already in use", seen once in CI), the hub is started again on the same port
     * once it is free, since the test's clients already know it. Any other failure to start fails at once.
     */
    static HubProcess start(Path folder, String name, int port, List<String> settings) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(folder, name, port, settings);
            } catch (PortTakenException taken) {
                if (attempt == PORT_ATTEMPTS) {
                    throw taken;
                }
                awaitFree(port);
            }
        }
    }

    private static HubProcess startOnce(Path folder, String name, int port, List<String> settings) {
        Path jar = Path.of(System.getProperty("hub.jar", "target/retail-hub.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no hub jar at " + jar + ": the crash tests run after the package phase (mvn verify)");
        }
        // as README command 1 starts it: the embedded kit on the loader path, the development switch on. Only the JIT's
        // first tier (C1): these hubs live for minutes, and on two cores the optimising compiler's work costs their start
        // (four starts alternating on a busy machine, 2026-12-01: 158-178 s with C1 only, 243-260 s with C2); what the
        // hub does is the same either way
        Path kit = Path.of(System.getProperty("hub.kit", "embedded-kit/target/kit")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Dloader.path=" + kit, "-jar", jar.toString(),
                "--dev", "--server.port=" + port, "--hub.embedded.data-dir=" + folder.resolve("postgres")));
        command.addAll(settings);
        try {
            Path log = Files.createDirectories(Path.of("target", "crash-logs")).resolve(name + ".log").toAbsolutePath();
            Process process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            HubProcess hub = new HubProcess(process, log, folder.resolve("postgres"), port);
            try {
                hub.awaitAnswer();
            } catch (RuntimeException notStarted) {
                // the caller never gets this hub to close: it must not outlive the test
                hub.close();
                if (new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains("Port " + port + " was already in use")) {
                    Path kept = log.resolveSibling(name + "-port-taken-" + System.nanoTime() + ".log");
                    Files.move(log, kept);
                    throw new PortTakenException(port, kept, notStarted);
                }
                throw notStarted;
            }
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch the hub jar " + jar, e);
        }
    }

    /** Waits until nothing holds {@code port} any more (the socket that took it, or the failed hub's last threads). */
    private static void awaitFree(int port) {
        await().atMost(PORT_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (ServerSocket probe = new ServerSocket(port)) {
                return true;
            } catch (IOException stillTaken) {
                return false;
            }
        });
    }

    /** The hub could not bind its HTTP port: something else took it after the test chose it. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(int port, Path log, Throwable cause) {
            super("port " + port + " was taken before the hub bound it; see " + log, cause);
        }
    }

    /** A database of the hub's embedded PostgreSQL on {@code port}, as {@code user} (DEV-ONLY password of the embedded default). */
    static JdbcTemplate database(int port, String database, String user) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://localhost:" + port + "/" + database);
        source.setUser(user);
        source.setPassword(EmbeddedPostgresServer.DEV_ONLY_PASSWORD);
        source.setConnectTimeout(5);
        return new JdbcTemplate(source);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    /** The operating system's process id of the hub's JVM. */
    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The health endpoint's HTTP status (200 UP, 503 DOWN), or -1 while nothing answers. */
    int health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(baseUrl().resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * A meter's value as the hub's {@code /actuator/metrics} reports it (DEV-ONLY operator login), for tags such as
     * {@code island:ERP}; 0 when the hub has no such meter (yet).
     */
    double meter(String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(baseUrl().resolve(path.toString()))
                    .header("Authorization", OPERATOR).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("measurements").path(0).path("value").asDouble() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitAnswer() {
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " while starting; see " + log);
            }
            return health() == 200;
        });
        startup = Duration.ofNanos(System.nanoTime() - launched);
    }

    /** From launch until it first answered. */
    Duration startup() {
        return startup;
    }

    /** Kills the hub the hard way ({@link Process#destroyForcibly()}: SIGKILL on Linux) and returns its exit code. */
    int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the hub", e);
        }
    }

    /** Kills the hub if it still runs, and stops the PostgreSQL it leaves behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        EmbeddedPostgresServer.stopOrphan(postgresData);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
