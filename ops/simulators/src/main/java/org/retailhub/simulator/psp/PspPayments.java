package org.retailhub.simulator.psp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.retailhub.simulator.SimulatorState;

/**
 * The simulated provider's state machine: authorisations (immediate, or PENDING and decided later with a webhook),
 * captures, voids, refunds, cancellations by the merchant's reference and status, each mutating call idempotent per
 * {@code Idempotency-Key}. Amounts ending in .13 are declined, like a card without funds. Everything it answers is
 * kept in {@link SimulatorState} first, decisions still due included, so a restarted provider knows every payment and
 * decides what was pending.
 */
final class PspPayments {

    /** An answer as the provider gave it, kept per idempotency key. */
    record Reply(int status, String body) {
    }

    /** A pending payment's outcome is due at this time (epoch milliseconds). */
    record Decision(long dueAt) {
    }

    private final SimulatorState state;
    private final SimulatorState.Table<SimPayment> payments;
    private final SimulatorState.Table<String> references;
    private final SimulatorState.Table<Reply> replies;
    private final SimulatorState.Table<String> capturedOn;
    private final SimulatorState.Table<Decision> decisions;
    private final PspFaults faults;
    private final WebhookSender webhooks;
    private final ScheduledExecutorService timers;
    private final Supplier<String> walletPages;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Duration webhookDelay = Duration.ofMillis(500);

    PspPayments(SimulatorState state, PspFaults faults, WebhookSender webhooks, ScheduledExecutorService timers, Supplier<String> walletPages) {
        this.state = state;
        this.payments = state.table("payments", SimPayment.class);
        this.references = state.table("references", String.class);
        this.replies = state.table("replies", Reply.class);
        this.capturedOn = state.table("captured-on", String.class);
        this.decisions = state.table("decisions", Decision.class);
        this.faults = faults;
        this.webhooks = webhooks;
        this.timers = timers;
        this.walletPages = walletPages;
    }

    /** After a restart: decides what was pending, at the time it was due (at once when that has passed). */
    void resume() {
        decisions.rows().forEach((id, decision) -> schedule(id, decision.dueAt()));
    }

    void webhookDelay(Duration delay) {
        this.webhookDelay = delay;
    }

    SimPayment payment(String id) {
        return payments.get(id);
    }

    java.util.List<SimPayment> all() {
        return payments.values();
    }

    SimPayment byReference(String reference) {
        String id = references.get(reference);
        return id == null ? null : payments.get(id);
    }

    String capturedOn(String id) {
        return capturedOn.get(id);
    }

    /** A POST under {@code /v1/payments}: answered once per key, the same answer for every repeat. */
    Reply mutate(String key, String path, byte[] body) {
        return state.once(replies, key, () -> apply(path, body));
    }

    /** A GET of {@code /v1/payments/{id}}. */
    Reply read(String path) {
        String[] parts = path.split("/");
        SimPayment p = parts.length == 4 ? state.read(() -> payments.get(parts[3])) : null;
        return p == null ? new Reply(404, "{\"error\":\"no such payment\"}") : view(p, null);
    }

    private Reply apply(String path, byte[] body) {
        try {
            String[] parts = path.split("/");
            if (parts.length == 3) {
                return authorise(json.readTree(body));
            }
            if (parts.length == 4 && "cancellations".equals(parts[3])) {
                return cancel(json.readTree(body).path("reference").asText(""));
            }
            SimPayment p = parts.length >= 5 ? payments.get(parts[3]) : null;
            if (p == null) {
                return new Reply(404, "{\"error\":\"no such payment\"}");
            }
            return switch (parts[4]) {
                case "capture" -> capture(p);
                case "void" -> voidHeld(p);
                case "refunds" -> update(p, "CAPTURED".equals(p.status()) ? "REFUNDED" : p.status(), null, 0);
                default -> new Reply(404, "{\"error\":\"unknown operation\"}");
            };
        } catch (IOException e) {
            return new Reply(400, "{\"error\":\"malformed JSON\"}");
        }
    }

    private Reply authorise(JsonNode request) {
        BigDecimal amount = new BigDecimal(request.path("amount").asText("0"));
        String method = request.path("method").asText("CARD");
        boolean declined = declined(amount);
        boolean async = "WALLET".equals(method) || faults.asyncCards();
        String reference = request.path("reference").asText();
        SimPayment cancelled = byReference(reference);
        if (cancelled != null && "VOIDED".equals(cancelled.status())) {
            // the merchant cancelled this reference before its authorisation arrived: refuse it
            return view(cancelled, null);
        }
        String id = newId();
        SimPayment p = new SimPayment(id, reference, amount, request.path("currency").asText("EUR"), method,
                async ? "PENDING" : declined ? "DECLINED" : "AUTHORISED", declined && !async ? "insufficient funds" : null, 0);
        payments.put(id, p);
        references.put(reference, id);
        if (async) {
            long dueAt = System.currentTimeMillis() + webhookDelay.toMillis();
            decisions.put(id, new Decision(dueAt));
            schedule(id, dueAt);
        }
        return view(p, "WALLET".equals(method) ? walletPages.get() + "/wallet/" + id : null);
    }

    /** A technical cancel: voids what is held under the reference, or records the cancel so that a late authorisation is refused. */
    private Reply cancel(String reference) {
        if (reference.isBlank()) {
            return new Reply(400, "{\"error\":\"reference required\"}");
        }
        SimPayment p = byReference(reference);
        if (p == null) {
            p = new SimPayment(newId(), reference, BigDecimal.ZERO, "EUR", "UNKNOWN", "VOIDED", "cancelled before authorisation", 0);
            payments.put(p.id(), p);
            references.put(reference, p.id());
            return view(p, null);
        }
        return voidHeld(p);
    }

    private Reply voidHeld(SimPayment p) {
        boolean held = "AUTHORISED".equals(p.status()) || "PENDING".equals(p.status());
        decisions.remove(p.id());
        return update(p, held ? "VOIDED" : p.status(), null, 0);
    }

    private Reply capture(SimPayment p) {
        if (!"AUTHORISED".equals(p.status())) {
            return update(p, p.status(), "capture needs an authorised payment, was " + p.status(), 0);
        }
        if (faults.refuseCaptures()) {
            return view(new SimPayment(p.id(), p.reference(), p.amount(), p.currency(), p.method(), "DECLINED", "capture refused by issuer",
                    p.captures()), null);
        }
        capturedOn.put(p.id(), LocalDate.now(ZoneOffset.UTC).toString());
        return update(p, "CAPTURED", null, 1);
    }

    private void schedule(String id, long dueAt) {
        timers.schedule(() -> decide(id), Math.max(0, dueAt - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    /** The provider's decision on a pending payment, announced by webhook; a payment voided meanwhile gets no late approval. */
    private void decide(String id) {
        state.write(() -> {
            SimPayment p = payments.get(id);
            decisions.remove(id);
            if (p == null || !"PENDING".equals(p.status())) {
                return;
            }
            boolean declined = declined(p.amount());
            SimPayment decided = p.with(declined ? "DECLINED" : "AUTHORISED", declined ? "insufficient funds" : null, 0);
            payments.put(id, decided);
            webhooks.announce(decided, declined ? "payment.declined" : "payment.authorised");
        });
    }

    private Reply update(SimPayment p, String status, String reason, int captured) {
        SimPayment next = p.with(status, reason, captured);
        payments.put(p.id(), next);
        return view(next, null);
    }

    private static boolean declined(BigDecimal amount) {
        return amount.movePointRight(2).remainder(BigDecimal.valueOf(100)).intValue() == 13;
    }

    private static String newId() {
        return "psp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private Reply view(SimPayment p, String redirectUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("reference", p.reference());
        body.put("status", p.status());
        body.put("amount", p.amount().toPlainString());
        body.put("currency", p.currency());
        if (p.reason() != null) {
            body.put("reason", p.reason());
        }
        if (redirectUrl != null) {
            body.put("redirectUrl", redirectUrl);
        }
        try {
            return new Reply(200, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
