package org.retailhub.simulator.psp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.retailhub.domain.payment.WebhookSignature;
import org.retailhub.simulator.Simulator;
import org.retailhub.simulator.SimulatorServer;
import org.retailhub.simulator.SimulatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment service provider over real HTTP, for the embedded default, tests and crash tests: its payments
 * ({@link PspPayments}), its misbehaviour on purpose ({@link PspFaults}), its signed webhooks ({@link WebhookSender})
 * and its settlement file ({@link SettlementWriter}), behind {@code /v1/payments} and {@code /v1/settlements/{date}}.
 * What it answered it keeps in its state folder, so a restart (even after a SIGKILL) knows every payment, capture
 * and webhook still due.
 */
public final class PspSimulator implements Simulator {

    private static final Logger log = LoggerFactory.getLogger(PspSimulator.class);

    private final SimulatorState state;
    private final ScheduledExecutorService timers;
    private final PspFaults faults = new PspFaults();
    private final WebhookSender webhooks;
    private final PspPayments payments;
    private final SettlementWriter settlements;
    private final SimulatorServer server;

    private PspSimulator(int port, SimulatorState state, String webhookSecret) {
        this.state = state;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "psp-simulator-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.webhooks = new WebhookSender(state, new WebhookSignature(webhookSecret, Duration.ofMinutes(5)), timers);
        this.payments = new PspPayments(state, faults, webhooks, timers, () -> baseUrl().toString());
        this.settlements = new SettlementWriter(payments);
        this.server = SimulatorServer.start("psp-simulator", port, 256, Map.of("/v1/payments", this::handle, "/v1/settlements", this::settlement));
        payments.resume();
        webhooks.deliverAllDue();
    }

    /** Starts on {@code port} (0: any free port) with its state in {@code stateDir}, signing webhooks with the shared secret. */
    public static PspSimulator start(int port, Path stateDir, String webhookSecret) {
        return new PspSimulator(port, SimulatorState.open(stateDir), webhookSecret);
    }

    /** Starts with a throw-away state (a temporary folder, deleted on close): for tests that need no restart. */
    public static PspSimulator start(int port, String webhookSecret) {
        return new PspSimulator(port, SimulatorState.throwAway("psp"), webhookSecret);
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    public PspFaults faults() {
        return faults;
    }

    public void sendWebhooksTo(URI target) {
        webhooks.sendTo(target);
    }

    /** How long a pending payment waits for its outcome (and webhook). */
    public void webhookDelay(Duration delay) {
        payments.webhookDelay(delay);
    }

    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /** The next {@code n} requests answer 503 without effect. */
    public void failNext(int n) {
        faults.failNext(n);
    }

    /** The next {@code n} requests take effect but answer only after {@code hang}: the client sees a time-out. */
    public void hangNext(int n, Duration hang) {
        faults.hangNext(n, hang);
    }

    /** Cards answer PENDING (3-D Secure style) and get their outcome by webhook, like wallets always do. */
    public void asyncCards(boolean async) {
        faults.asyncCards(async);
    }

    public void refuseCaptures(boolean refuse) {
        faults.refuseCaptures(refuse);
    }

    /** Holds webhooks back (as if the provider's notifications were delayed) until {@link #releaseWebhooks()}. */
    public void withholdWebhooks(boolean withhold) {
        webhooks.withhold(withhold);
    }

    public void releaseWebhooks() {
        webhooks.withhold(false);
    }

    /** Sends the same event again, as providers do when unsure it arrived. */
    public void resend(String eventBody) {
        webhooks.resend(eventBody);
    }

    public List<SimPayment> payments() {
        return payments.all();
    }

    public SimPayment byReference(String reference) {
        return payments.byReference(reference);
    }

    /** The day's settlement file: one CAPTURE line per payment captured that day (UTC). */
    public String settlementCsv(LocalDate day) {
        return state.read(() -> settlements.csv(day));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (faults.delayThenFail()) {
                SimulatorServer.send(exchange, 503, "{\"error\":\"service unavailable\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String path = exchange.getRequestURI().getPath();
            PspPayments.Reply reply;
            if ("POST".equals(exchange.getRequestMethod())) {
                reply = key == null || key.isBlank() ? new PspPayments.Reply(400, "{\"error\":\"Idempotency-Key header required\"}")
                        : payments.mutate(key, path, exchange.getRequestBody().readAllBytes());
            } else {
                reply = payments.read(path);
            }
            faults.hangIfDue();
            SimulatorServer.send(exchange, reply.status(), reply.body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.warn("PSP simulator failed a request: {}", e.toString());
        }
    }

    private void settlement(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            try {
                byte[] csv = settlementCsv(LocalDate.parse(parts[parts.length - 1])).getBytes(StandardCharsets.UTF_8);
                SimulatorServer.send(exchange, 200, "text/csv", csv);
            } catch (DateTimeParseException e) {
                SimulatorServer.send(exchange, 400, "{\"error\":\"date must be YYYY-MM-DD\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() {
        server.close();
        timers.shutdownNow();
        state.close();
    }
}
