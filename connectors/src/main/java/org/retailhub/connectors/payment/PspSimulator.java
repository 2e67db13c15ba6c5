package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.retailhub.domain.payment.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment service provider over real HTTP, for the embedded default and tests: authorisations (immediate,
 * or pending with the outcome sent later by a signed webhook), captures, voids, refunds and status, each
 * mutating call idempotent per {@code Idempotency-Key}. It can misbehave on purpose: latency, declines
 * (amounts ending in .13 cents are declined, like a card without funds), bursts of 503s, requests that hang
 * after they took effect, refused captures, and webhooks held back until released. A cancellation by the
 * merchant's reference voids what the provider holds for it, or refuses an authorisation for it that comes later.
 */
public final class PspSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PspSimulator.class);

    /** A payment as the simulated provider keeps it. */
    public record SimPayment(String id, String reference, BigDecimal amount, String currency, String method,
                             String status, String reason, int captures) {
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookSignature signature;
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService webhookSender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "psp-simulator-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, SimPayment> payments = new ConcurrentHashMap<>();
    /** Merchant reference → provider id; guarded by itself, so an authorisation and a cancellation never cross. */
    private final Map<String, String> byReference = new java.util.HashMap<>();
    private final Map<String, Reply> idempotent = new ConcurrentHashMap<>();
    private final Map<String, java.time.LocalDate> capturedOn = new ConcurrentHashMap<>();
    private final List<String> withheld = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger hangNext = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration hang = Duration.ofSeconds(5);
    private volatile Duration webhookDelay = Duration.ofMillis(500);
    private volatile boolean asyncCards;
    private volatile boolean refuseCaptures;
    private volatile boolean withholdWebhooks;
    private volatile URI webhookTarget;

    private PspSimulator(HttpServer server, WebhookSignature signature) {
        this.server = server;
        this.signature = signature;
    }

    /** Starts on the given port (0: any free port), signing webhooks with the shared secret. */
    public static PspSimulator start(int port, String webhookSecret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 512);
            PspSimulator sim = new PspSimulator(server, new WebhookSignature(webhookSecret, Duration.ofMinutes(5)));
            server.createContext("/v1/payments", sim::handle);
            server.createContext("/v1/settlements", sim::settlement);
            // a provider answers many callers at once; its simulated latency must not queue them behind each other
            server.setExecutor(Executors.newFixedThreadPool(256, r -> {
                Thread t = new Thread(r, "psp-simulator");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("PSP simulator could not listen on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public void sendWebhooksTo(URI target) {
        this.webhookTarget = target;
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** The next {@code n} requests answer 503 without effect. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** The next {@code n} requests take effect but answer only after {@code hang}: the client sees a time-out. */
    public void hangNext(int n, Duration hang) {
        this.hang = hang;
        hangNext.set(n);
    }

    /** Cards answer PENDING (3-D Secure style) and get their outcome by webhook, like wallets always do. */
    public void asyncCards(boolean async) {
        this.asyncCards = async;
    }

    public void refuseCaptures(boolean refuse) {
        this.refuseCaptures = refuse;
    }

    public void webhookDelay(Duration delay) {
        this.webhookDelay = delay;
    }

    /** Holds webhooks back (as if the provider's notifications were delayed) until {@link #releaseWebhooks()}. */
    public synchronized void withholdWebhooks(boolean withhold) {
        this.withholdWebhooks = withhold;
    }

    public synchronized void releaseWebhooks() {
        withholdWebhooks = false;
        withheld.forEach(this::deliver);
        withheld.clear();
    }

    /** Sends the same event again, as providers do when unsure it arrived. */
    public void resend(String eventBody) {
        deliver(eventBody);
    }

    public List<SimPayment> payments() {
        return List.copyOf(payments.values());
    }

    public SimPayment byReference(String reference) {
        synchronized (byReference) {
            String id = byReference.get(reference);
            return id == null ? null : payments.get(id);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            pause(latency);
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, new Reply(503, "{\"error\":\"service unavailable\"}"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String method = exchange.getRequestMethod();
            Reply reply;
            if ("POST".equals(method)) {
                if (key == null || key.isBlank()) {
                    reply = new Reply(400, "{\"error\":\"Idempotency-Key header required\"}");
                } else {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    reply = idempotent.computeIfAbsent(key, k -> mutate(exchange.getRequestURI().getPath(), body));
                }
            } else {
                reply = read(exchange.getRequestURI().getPath());
            }
            if (hangNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                pause(hang);
            }
            reply(exchange, reply);
        } catch (RuntimeException e) {
            log.warn("PSP simulator failed a request: {}", e.toString());
        }
    }

    private Reply mutate(String path, byte[] body) {
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

    private Reply authorise(com.fasterxml.jackson.databind.JsonNode request) {
        BigDecimal amount = new BigDecimal(request.path("amount").asText("0"));
        String method = request.path("method").asText("CARD");
        boolean declined = amount.movePointRight(2).remainder(BigDecimal.valueOf(100)).intValue() == 13;
        boolean async = "WALLET".equals(method) || asyncCards;
        String reference = request.path("reference").asText();
        String id = newId();
        String status = async ? "PENDING" : declined ? "DECLINED" : "AUTHORISED";
        SimPayment p = new SimPayment(id, reference, amount, request.path("currency").asText("EUR"),
                method, status, declined && !async ? "insufficient funds" : null, 0);
        synchronized (byReference) {
            SimPayment cancelled = byReference(reference);
            if (cancelled != null && "VOIDED".equals(cancelled.status())) {
                // the merchant cancelled this reference before its authorisation arrived: refuse it
                return view(cancelled, null);
            }
            payments.put(id, p);
            byReference.put(reference, id);
        }
        if (async) {
            webhookSender.schedule(() -> decide(id, declined), webhookDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return view(p, "WALLET".equals(method) ? "http://localhost:" + server.getAddress().getPort() + "/wallet/" + id : null);
    }

    /** A technical cancel: voids what is held under the reference, or records the cancel so that a late authorisation is refused. */
    private Reply cancel(String reference) {
        if (reference.isBlank()) {
            return new Reply(400, "{\"error\":\"reference required\"}");
        }
        synchronized (byReference) {
            SimPayment p = byReference(reference);
            if (p == null) {
                p = new SimPayment(newId(), reference, BigDecimal.ZERO, "EUR", "UNKNOWN", "VOIDED", "cancelled before authorisation", 0);
                payments.put(p.id(), p);
                byReference.put(reference, p.id());
                return view(p, null);
            }
            return voidHeld(p);
        }
    }

    private Reply voidHeld(SimPayment p) {
        synchronized (byReference) {
            SimPayment now = payments.get(p.id());
            return update(now, "AUTHORISED".equals(now.status()) || "PENDING".equals(now.status()) ? "VOIDED" : now.status(), null, 0);
        }
    }

    private static String newId() {
        return "psp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private void decide(String id, boolean declined) {
        synchronized (byReference) {
            SimPayment p = payments.get(id);
            if (p == null || !"PENDING".equals(p.status())) {
                return; // voided meanwhile: no late approval
            }
            update(p, declined ? "DECLINED" : "AUTHORISED", declined ? "insufficient funds" : null, 0);
        }
        notifyHub(payments.get(id), declined ? "payment.declined" : "payment.authorised");
    }

    private Reply capture(SimPayment p) {
        if (!"AUTHORISED".equals(p.status())) {
            return update(p, p.status(), "capture needs an authorised payment, was " + p.status(), 0);
        }
        if (refuseCaptures) {
            return view(new SimPayment(p.id(), p.reference(), p.amount(), p.currency(), p.method(), "DECLINED", "capture refused by issuer", p.captures()), null);
        }
        return update(p, "CAPTURED", null, 1);
    }

    /**
     * The day's settlement file as the provider would deliver it: one CAPTURE line per payment captured that
     * day (UTC), header {@code payment_id,reference,type,amount,currency}.
     */
    public String settlementCsv(java.time.LocalDate day) {
        StringBuilder csv = new StringBuilder("payment_id,reference,type,amount,currency\n");
        payments.values().stream().filter(p -> day.equals(capturedOn.get(p.id())))
                .sorted(java.util.Comparator.comparing(SimPayment::id))
                .forEach(p -> csv.append(String.join(",", p.id(), p.reference(), "CAPTURE", p.amount().toPlainString(), p.currency())).append('\n'));
        return csv.toString();
    }

    private void settlement(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            byte[] body;
            try {
                body = settlementCsv(java.time.LocalDate.parse(parts[parts.length - 1])).getBytes(StandardCharsets.UTF_8);
            } catch (java.time.format.DateTimeParseException e) {
                reply(exchange, new Reply(400, "{\"error\":\"date must be YYYY-MM-DD\"}"));
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Reply update(SimPayment p, String status, String reason, int captured) {
        if (captured > 0) {
            capturedOn.put(p.id(), java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        }
        SimPayment next = new SimPayment(p.id(), p.reference(), p.amount(), p.currency(), p.method(), status,
                reason == null ? p.reason() : reason, p.captures() + captured);
        payments.put(p.id(), next);
        return view(next, null);
    }

    private Reply read(String path) {
        String[] parts = path.split("/");
        SimPayment p = parts.length == 4 ? payments.get(parts[3]) : null;
        return p == null ? new Reply(404, "{\"error\":\"no such payment\"}") : view(p, null);
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
        return new Reply(200, write(body));
    }

    private void notifyHub(SimPayment p, String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("type", type);
        event.put("created", Instant.now().getEpochSecond());
        event.put("data", Map.of("paymentId", p.id(), "reference", p.reference(), "status", p.status(),
                "reason", p.reason() == null ? "" : p.reason()));
        String body = write(event);
        synchronized (this) {
            if (withholdWebhooks) {
                withheld.add(body);
                return;
            }
        }
        deliver(body);
    }

    private void deliver(String body) {
        URI target = webhookTarget;
        if (target == null) {
            log.warn("PSP simulator has no webhook target; event dropped");
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("PSP-Signature", signature.sign(bytes, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<Void> response = webhookClient.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("hub answered webhook with {}", response.statusCode());
            }
        } catch (IOException e) {
            log.warn("webhook to {} failed: {}", target, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        webhookSender.shutdownNow();
    }
}
