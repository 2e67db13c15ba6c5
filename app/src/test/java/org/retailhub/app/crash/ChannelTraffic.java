package org.retailhub.app.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retailhub.domain.shared.Channel;

/**
 * Orders sent as the channels send them, and what counts as accepted: a REST call answered 202 (or 200: known
 * already), a Kafka message the broker acknowledged on the channel's topic. Each order is one line of one article
 * at the online distribution centre.
 */
final class ChannelTraffic {

    /** One order as a channel sends it. */
    record ChannelOrder(Channel channel, String externalId, String sku, int quantity, String paymentMethod) {

        String key() {
            return channel + ":" + externalId;
        }

        String restBody() {
            return "{\"channel\":\"" + channel + "\",\"externalId\":\"" + externalId + "\",\"storeId\":\"WEB-DC\",\"paymentMethod\":\""
                    + paymentMethod + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
        }

        /** The web shop's, app's and marketplace's JSON on their topics. */
        String topicMessage() {
            return "{\"orderRef\":\"" + externalId + "\",\"store\":\"WEB-DC\",\"payment\":{\"method\":\"" + paymentMethod
                    + "\"},\"items\":[{\"sku\":\"" + sku + "\",\"qty\":" + quantity + "}]}";
        }

        String topic() {
            return "orders." + channel.name().toLowerCase();
        }
    }

    private static final String CHANNEL_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("integration:integration-dev-only".getBytes(StandardCharsets.UTF_8));

    private final URI hub;
    private final String kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Accepted orders by key, whatever the channel. */
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger restAccepted = new AtomicInteger();
    private final AtomicInteger kafkaAccepted = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    /** The topic partition ({@code topic-n}) each order sent to a topic landed on, by key. */
    private final Map<String, String> partitions = new ConcurrentHashMap<>();

    ChannelTraffic(URI hub, String kafkaBootstrap) {
        this.hub = hub;
        this.kafka = kafkaBootstrap;
    }

    /**
     * {@code count} orders of one line each at the online distribution centre: a quarter on orders.app, a quarter on
     * orders.marketplace, half over REST; one in five paid by wallet (its outcome comes by webhook), the rest by card;
     * every third one asks for three units of the {@code contested} article.
     */
    static List<ChannelOrder> mixedOrders(String prefix, int count, String contested) {
        List<ChannelOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Channel channel = i % 4 == 0 ? Channel.APP : i % 4 == 1 ? Channel.MARKETPLACE : Channel.WEB;
            boolean isContested = i % 3 == 0;
            orders.add(new ChannelOrder(channel, prefix + "-" + i, isContested ? contested : String.format("SKU-%04d", 11 + i % 20),
                    isContested ? 3 : 1, i % 5 == 0 ? "WALLET" : "CARD"));
        }
        return orders;
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    /** The partition each order sent to a channel topic landed on ({@code topic-n}), by order key. */
    Map<String, String> partitions() {
        return Map.copyOf(partitions);
    }

    int restAccepted() {
        return restAccepted.get();
    }

    int kafkaAccepted() {
        return kafkaAccepted.get();
    }

    /** REST calls that got an error or no answer (the hub or its database down); the channel sent those orders again. */
    int refusals() {
        return refusals.get();
    }

    /** Puts the orders on their channel topics and waits for the broker's acknowledgement of each. */
    void sendToTopics(List<ChannelOrder> orders) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ChannelOrder order : orders) {
                acks.add(producer.send(new ProducerRecord<>(order.topic(), order.externalId(), order.topicMessage())));
            }
            for (int i = 0; i < orders.size(); i++) {
                RecordMetadata ack = acks.get(i).get(60, TimeUnit.SECONDS);
                partitions.put(orders.get(i).key(), ack.topic() + "-" + ack.partition());
                accepted.add(orders.get(i).key());
                kafkaAccepted.incrementAndGet();
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a channel message", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts the orders from {@code callers} threads, once each, and returns at once. Those that get no 202/200 (the hub
     * was killed under them) end up in {@link RestBurst#unanswered()}, to be sent again as a channel would.
     */
    RestBurst post(List<ChannelOrder> orders, int callers) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        RestBurst burst = new RestBurst(pool);
        orders.forEach(order -> pool.execute(() -> {
            if (!postOnce(order)) {
                burst.unanswered.add(order);
            }
        }));
        pool.shutdown();
        return burst;
    }

    /** Posts each order until the hub accepts it, as a channel that retries does, from {@code callers} threads. */
    void postUntilAccepted(List<ChannelOrder> orders, int callers, Duration patience) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = orders.stream().<Future<?>>map(order -> pool.submit(() ->
                    await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> postOnce(order)))).toList();
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("an order was never accepted", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean postOnce(ChannelOrder order) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(hub.resolve("/api/orders"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", CHANNEL_AUTH).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order.restBody())).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                if (accepted.add(order.key())) {
                    restAccepted.incrementAndGet();
                }
                return true;
            }
        } catch (IOException noAnswer) {
            // the hub (or its database) is down: not accepted, the channel sends it again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refusals.incrementAndGet();
        return false;
    }

    /** REST calls under way; {@link #unanswered()} once they are all done. */
    static final class RestBurst {
        private final ExecutorService pool;
        private final ConcurrentLinkedQueue<ChannelOrder> unanswered = new ConcurrentLinkedQueue<>();

        private RestBurst(ExecutorService pool) {
            this.pool = pool;
        }

        List<ChannelOrder> unanswered() {
            try {
                if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("REST calls still running after 5 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return List.copyOf(unanswered);
        }
    }
}
