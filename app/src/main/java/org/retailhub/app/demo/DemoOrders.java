package org.retailhub.app.demo;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.legacy.pos.PosSaleFormat;
import org.retailhub.routes.order.IntakeProperties;
import org.retailhub.security.identity.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends demo orders through the real channels: JSON to the web, app and marketplace topics, till records
 * to the POS topic, and canonical JSON to the REST API. Now and then an order too large for the stock
 * (rejected) or a malformed message (dead-lettered) shows the other paths.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoOrders {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    private static final String[] STORES = {"STORE-001", "STORE-002", "WEB-DC"};
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final KafkaTemplate<String, String> kafka;
    private final IntakeProperties topics;
    private final DemoProperties properties;
    private final TaskScheduler scheduler;
    private final WebServerApplicationContext server;
    private final SecurityProperties security;
    private final AtomicLong sequence = new AtomicLong();
    private RestClient api;

    public DemoOrders(KafkaTemplate<String, String> kafka, IntakeProperties topics, DemoProperties properties,
                      TaskScheduler scheduler, WebServerApplicationContext server, SecurityProperties security) {
        this.security = security;
        this.kafka = kafka;
        this.topics = topics;
        this.properties = properties;
        this.scheduler = scheduler;
        this.server = server;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        // DEV-ONLY channel user; with Keycloak the trickle's web orders take the Kafka topic instead (it holds no token)
        api = RestClient.builder().baseUrl("http://localhost:" + server.getWebServer().getPort())
                .defaultHeaders(h -> h.setBasicAuth("integration", "integration-dev-only")).build();
        scheduler.scheduleAtFixedRate(this::sendOne, properties.interval());
        log.info("Demo trickle on: one order every {} from all channels", properties.interval());
    }

    void sendOne() {
        long n = sequence.incrementAndGet();
        Channel channel = Channel.values()[(int) (n % Channel.values().length)];
        String ref = "DEMO-" + RUN + "-" + n;
        try {
            if (n % 17 == 0) {
                kafka.send(topics.webTopic(), ref, "{\"orderRef\": \"" + ref + "\", \"items\": \"not a list\"");
                return;
            }
            List<OrderLineRequest> lines = lines(n % 11 == 0);
            switch (channel) {
                case POS -> kafka.send(topics.posTopic(), ref, new String(PosSaleFormat.format(STORES[(int) (n % 2)], "TILL-0" + (n % 4 + 1),
                        Long.toString(n), LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")), tier(n), lines)));
                case WEB -> {
                    if (security.mode() == SecurityProperties.Mode.KEYCLOAK) {
                        kafka.send(topics.webTopic(), ref, webJson(ref, lines, n));
                        return;
                    }
                    api.post().uri("/api/orders").body(new OrderRequest(Channel.WEB, ref, "WEB-DC", tier(n), n % 5 == 0, null, null, lines))
                        .retrieve().toBodilessEntity();
                }
                default -> kafka.send(topicOf(channel), ref, webJson(ref, lines, n));
            }
        } catch (RestClientResponseException | IllegalStateException e) {
            log.info("Demo order {} not accepted: {}", ref, e.getMessage());
        }
    }

    private String topicOf(Channel channel) {
        return Map.of(Channel.APP, topics.appTopic(), Channel.MARKETPLACE, topics.marketplaceTopic()).get(channel);
    }

    private static String webJson(String ref, List<OrderLineRequest> lines, long n) {
        StringBuilder items = new StringBuilder();
        for (OrderLineRequest l : lines) {
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(l.sku()).append("\",\"qty\":").append(l.quantity()).append('}');
        }
        return "{\"orderRef\":\"" + ref + "\",\"store\":\"" + STORES[(int) (n % 3)] + "\",\"customer\":{\"loyaltyTier\":\""
                + tier(n) + "\"},\"allowPartialDelivery\":false,\"payment\":{\"method\":\"" + (n % 3 == 0 ? "WALLET" : "CARD")
                + "\"},\"items\":[" + items + "]}";
    }

    private static List<OrderLineRequest> lines(boolean tooMany) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<OrderLineRequest> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String sku = String.format("SKU-%04d", 1 + random.nextInt(50));
            if (lines.stream().noneMatch(l -> l.sku().equals(sku))) {
                lines.add(new OrderLineRequest(sku, tooMany ? 999 : 1 + random.nextInt(4)));
            }
        }
        return lines;
    }

    private static LoyaltyTier tier(long n) {
        return LoyaltyTier.values()[(int) (n % LoyaltyTier.values().length)];
    }
}
