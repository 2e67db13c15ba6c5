package org.retailhub.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The hub's own JVM figures from its actuator ({@code /actuator/metrics}, a user allowed to read them): CPU and garbage
 * collection pauses; the JIT's compiler threads' CPU from {@code /proc} when the hub runs on this machine (its process id
 * known), else the actuator's elapsed compilation time ({@link CompilerThreads} says why that over-reads). A benchmark
 * reads one {@link Reading} before and one after its measurement, and waits for the JIT to go quiet before it starts.
 */
final class HubMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String hub;
    private final String auth;
    private final OptionalLong pid;

    HubMetrics(HttpClient http, String hub, String auth, OptionalLong pid) {
        this.http = http;
        this.hub = hub;
        this.auth = auth;
        this.pid = pid;
    }

    /** Counters at one moment: process CPU and compilation in ms, GC pauses (count, total ms) and the wall clock. */
    record Reading(double cpuMs, double compilationMs, double gcPauses, double gcPauseMs, long atMillis) {

        /** The compiler threads' busy time per unit of wall time since {@code before} (1.0 = one thread all the time). */
        double compilingSince(Reading before) {
            return Math.max(0, compilationMs - before.compilationMs) / Math.max(1, atMillis - before.atMillis);
        }

        double cpuSince(Reading before) {
            return (cpuMs - before.cpuMs) / Math.max(1, atMillis - before.atMillis);
        }
    }

    Reading read() {
        double compilation = pid.isPresent() ? CompilerThreads.cpuMs(Path.of("/proc"), pid.getAsLong())
                : statistic("jvm.compilation.time", "COUNT", 1);
        return new Reading(statistic("process.cpu.time", "COUNT", 1e-6), compilation,
                statistic("jvm.gc.pause", "COUNT", 1), statistic("jvm.gc.pause", "TOTAL_TIME", 1000), System.currentTimeMillis());
    }

    /** One statistic of a metric, scaled to the unit the reading keeps (process.cpu.time comes in ns, gc pauses in s). */
    private double statistic(String metric, String statistic, double scale) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hub + "/actuator/metrics/" + metric))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(metric + ": HTTP " + answer.statusCode()
                        + " (--metrics-auth must name a user allowed to read the actuator)");
            }
            for (JsonNode measurement : JSON.readTree(answer.body()).path("measurements")) {
                if (statistic.equals(measurement.path("statistic").asText())) {
                    return measurement.path("value").asDouble() * scale;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException(metric + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(metric + ": interrupted", e);
        }
    }
}
