package org.retailhub.simulator.psp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.retailhub.domain.payment.WebhookSignature;
import org.retailhub.simulator.SimulatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's notifications: each event is signed ({@code PSP-Signature}) and posted to the merchant's webhook
 * URL. An event stays due in {@link SimulatorState} until the merchant answered it: a refused connection, a time-out
 * or a 5xx is tried again (0.5 s, doubling, at most every 30 s), also after a restart of the provider; a 4xx ends it
 * (the merchant does not want it). Events can be held back on purpose until released, as if the provider's
 * notifications were late.
 */
final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    /** An event not yet answered by the merchant. */
    record DueWebhook(String body) {
    }

    private final SimulatorState state;
    private final SimulatorState.Table<DueWebhook> due;
    private final WebhookSignature signature;
    private final ScheduledExecutorService sender;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile URI target;
    private volatile boolean withhold;

    WebhookSender(SimulatorState state, WebhookSignature signature, ScheduledExecutorService sender) {
        this.state = state;
        this.due = state.table("webhooks-due", DueWebhook.class);
        this.signature = signature;
        this.sender = sender;
    }

    void sendTo(URI target) {
        this.target = target;
        deliverAllDue();
    }

    void withhold(boolean hold) {
        this.withhold = hold;
        if (!hold) {
            deliverAllDue();
        }
    }

    /** Every event still due goes out now (after a restart, a release, or once the merchant's address is known). */
    void deliverAllDue() {
        due.rows().keySet().forEach(id -> sender.execute(() -> deliver(id, 0)));
    }

    /** Records the event for {@code p} (inside the provider's write) and sends it once that is on disk. */
    void announce(SimPayment p, String type) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("paymentId", p.id(), "reference", p.reference(), "status", p.status(),
                "reason", p.reason() == null ? "" : p.reason()));
        try {
            due.put(id, new DueWebhook(json.writeValueAsString(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sender.execute(() -> deliver(id, 0));
    }

    /** Sends the same event again, as providers do when unsure it arrived; not kept. */
    void resend(String body) {
        post(body);
    }

    private void deliver(String id, int attempt) {
        if (withhold || !inFlight.add(id)) {
            return;
        }
        try {
            DueWebhook event = state.read(() -> due.get(id));
            if (event == null) {
                return;
            }
            if (post(event.body())) {
                state.write(() -> due.remove(id));
            } else {
                long wait = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt, 16));
                sender.schedule(() -> deliver(id, attempt + 1), wait, TimeUnit.MILLISECONDS);
            }
        } finally {
            inFlight.remove(id);
        }
    }

    /** True once the merchant answered (2xx, or a 4xx that a repeat would not change). */
    private boolean post(String body) {
        URI to = target;
        if (to == null) {
            return false;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("PSP-Signature", signature.sign(bytes, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("hub answered webhook with {}", response.statusCode());
            }
            return response.statusCode() < 500;
        } catch (IOException e) {
            log.warn("webhook to {} failed: {}", to, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
