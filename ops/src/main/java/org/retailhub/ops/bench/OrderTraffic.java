package org.retailhub.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends orders the way the channels do: shops and apps post to {@code /api/orders} (of each hub instance in turn, as
 * a load balancer would), the web shop, the app back end and marketplaces publish to their Kafka topics (the intake's
 * consumer group shares the partitions among the instances). Sending never waits for the hub; failures are
 * counted and the first few kept, so a run that loses orders on the way in says so. A REST order the hub refuses
 * because it is behind (503 or 429 with {@code Retry-After}, its back-pressure) is counted and sent again, the same
 * order, after the time it asked for, as a channel would: it is acknowledged when it is finally accepted.
 */
final class OrderTraffic implements AutoCloseable {

    /** One order line. */
    record Line(String sku, int quantity) {
    }

    /** An order to send: where it enters and what it buys. */
    record Arrival(String externalId, String entry, String storeId, List<Line> lines) {
    }

    static final List<String> REST_CHANNELS = List.of("WEB", "APP");
    static final List<String> TOPICS = List.of("orders.web", "orders.app", "orders.marketplace");
    /** How often one order is sent again after a refusal before it counts as a failure. */
    static final int MAX_ATTEMPTS = 200;

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http;
    private final KafkaProducer<String, String> kafka;
    /** The order API of each hub instance; REST orders go to them in turn. */
    private final List<URI> ordersUris;
    private final AtomicLong posted = new AtomicLong();
    private final String auth;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> firstFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Long> answeredAt = new ConcurrentHashMap<>();

    OrderTraffic(BenchSettings settings) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.ordersUris = settings.hubUrls().stream().map(hub -> URI.create(hub + "/api/orders")).toList();
        this.auth = settings.apiAuth();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.kafka = new KafkaProducer<>(p);
    }

    /** Where arrival {@code i} enters: REST for the first {@code restShare} of every hundred, Kafka otherwise. */
    static String entryFor(long i, double restShare) {
        boolean rest = (i % 100) < Math.round(restShare * 100);
        return rest ? "rest:" + REST_CHANNELS.get((int) (i % REST_CHANNELS.size()))
                : "kafka:" + TOPICS.get((int) (i % TOPICS.size()));
    }

    void send(Arrival order) {
        if (order.entry().startsWith("rest:")) {
            post(order);
        } else {
            publish(order);
        }
    }

    private void post(Arrival order) {
        post(order, 1);
    }

    private void post(Arrival order, int attempt) {
        ObjectNode body = json.createObjectNode()
                .put("channel", order.entry().substring("rest:".length()))
                .put("externalId", order.externalId())
                .put("storeId", order.storeId())
                .put("paymentMethod", "CARD");
        var lines = body.putArray("lines");
        order.lines().forEach(l -> lines.addObject().put("sku", l.sku()).put("quantity", l.quantity()));
        HttpRequest.Builder request = HttpRequest.newBuilder(ordersUriFor(posted.getAndIncrement())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!auth.isBlank()) {
            request.header("Authorization", auth);
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                fail(order, error.toString());
            } else if ((response.statusCode() == 503 || response.statusCode() == 429) && attempt < MAX_ATTEMPTS) {
                refused.incrementAndGet();
                retries.schedule(() -> post(order, attempt + 1), retryAfterSeconds(response), TimeUnit.SECONDS);
            } else if (response.statusCode() != 202 && response.statusCode() != 200) {
                fail(order, "HTTP " + response.statusCode() + " " + response.body());
            } else {
                answeredAt.put(order.externalId(), System.currentTimeMillis());
            }
        });
    }

    /** The seconds a refusal asked to wait; one if it named none. */
    static long retryAfterSeconds(HttpResponse<?> response) {
        try {
            return Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The order API the {@code n}-th REST order goes to: the instances in turn. */
    URI ordersUriFor(long n) {
        return ordersUris.get((int) (n % ordersUris.size()));
    }

    private void publish(Arrival order) {
        ObjectNode body = json.createObjectNode()
                .put("orderRef", order.externalId())
                .put("store", order.storeId());
        body.putObject("payment").put("method", "CARD");
        var items = body.putArray("items");
        order.lines().forEach(l -> items.addObject().put("sku", l.sku()).put("qty", l.quantity()));
        String topic = order.entry().substring("kafka:".length());
        kafka.send(new ProducerRecord<>(topic, order.externalId(), body.toString()), (meta, error) -> {
            if (error != null) {
                fail(order, error.toString());
            } else {
                answeredAt.put(order.externalId(), System.currentTimeMillis());
            }
        });
    }

    private void fail(Arrival order, String why) {
        failures.incrementAndGet();
        if (firstFailures.size() < 5) {
            firstFailures.add(order.externalId() + ": " + (why.length() > 300 ? why.substring(0, 300) : why));
        }
    }

    /** When the hub (REST) or the broker (Kafka) acknowledged an order, epoch ms; null if not (yet). */
    Long acknowledgedAt(String externalId) {
        return answeredAt.get(externalId);
    }

    /** Waits until every send so far was answered, or {@code timeout} passed. */
    void awaitAnswers(int expected, Duration timeout) throws InterruptedException {
        kafka.flush();
        long until = System.currentTimeMillis() + timeout.toMillis();
        while (answeredAt.size() + failures.get() < expected && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }

    int failures() {
        return failures.get();
    }

    /** REST answers refusing an order because the hub was behind (each sent again later). */
    int refused() {
        return refused.get();
    }

    List<String> firstFailures() {
        return List.copyOf(firstFailures);
    }

    /** Forgets acknowledgements of finished scenarios, so the next one counts from zero. */
    void reset() {
        answeredAt.clear();
        failures.set(0);
        refused.set(0);
        firstFailures.clear();
    }

    @Override
    public void close() throws InterruptedException {
        kafka.close(Duration.ofSeconds(10));
        retries.shutdownNow();
        callbacks.shutdown();
        callbacks.awaitTermination(10, TimeUnit.SECONDS);
    }
}
