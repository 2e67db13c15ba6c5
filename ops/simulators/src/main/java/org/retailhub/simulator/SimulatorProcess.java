package org.retailhub.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulator running as a child process of this JVM ({@link SimulatorCommand} on this JVM's class path), for tests
 * that must kill the hub and not the party, or kill the party itself: {@link #start} returns once the simulator
 * answers, {@link #kill()} is a SIGKILL, {@link #stop()} a SIGTERM. Its output goes to {@code log}.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final String LISTENING = " listening on ";

    private final Process process;
    private final URI baseUrl;

    private SimulatorProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts {@code simulator <party> <options…>} and waits up to {@code patience} for its line
     * {@code simulator <party> listening on <url>}.
     */
    public static SimulatorProcess start(Path log, Duration patience, String party, String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SimulatorCommand.class.getName(), party));
        command.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<URI> listening = new CompletableFuture<>();
            Thread reader = new Thread(() -> copy(process, log, listening), "simulator-" + party + "-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new SimulatorProcess(process, listening.get(patience.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
                throw new IllegalStateException("simulator " + party + " did not answer within " + patience + "; see " + log, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("simulator " + party + " could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulator " + party + " started", e);
        }
    }

    private static void copy(Process process, Path log, CompletableFuture<URI> listening) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var file = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line);
                file.newLine();
                file.flush();
                if (line.startsWith("simulator ") && line.contains(LISTENING)) {
                    listening.complete(URI.create(line.substring(line.indexOf(LISTENING) + LISTENING.length()).trim()));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("the simulator stopped before it answered"));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: nothing of the simulator runs after this, no shutdown hook, no last write. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the simulator stops as an operator would stop it. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
