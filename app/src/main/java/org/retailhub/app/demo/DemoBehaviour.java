package org.retailhub.app.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.retailhub.domain.insight.BehaviourReport;
import org.retailhub.domain.insight.InteractionKind;
import org.retailhub.routes.insight.BeaconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Demo behaviour on the Kafka beacon ({@code --demo}): the first forty customers the hub took from the CRM browse,
 * fill carts and buy, each mostly in a category of their own, and articles next to each other in the catalogue are
 * often bought together, so recommendations and profiles can be queried within a minute. Their consent to tracking is
 * the CRM's ({@code track_consent}, captured like any CRM change: three in four of the sample contacts said yes); the
 * others' events are dropped and counted. Now and then a malformed event shows the dead letter.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoBehaviour {

    private static final Logger log = LoggerFactory.getLogger(DemoBehaviour.class);
    private static final String[] STORES = {"STORE-001", "STORE-002", "WEB-DC"};
    private static final int CUSTOMERS = 40;

    private final KafkaTemplate<String, String> kafka;
    private final BeaconProperties beacon;
    private final DemoProperties properties;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TaskScheduler scheduler;
    private final AtomicLong sequence = new AtomicLong();
    private volatile List<String> customers = List.of();
    private volatile List<Map<String, Object>> articles = List.of();

    public DemoBehaviour(KafkaTemplate<String, String> kafka, BeaconProperties beacon, DemoProperties properties,
                         JdbcTemplate jdbc, ObjectMapper json, TaskScheduler scheduler) {
        this.kafka = kafka;
        this.beacon = beacon;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        scheduler.scheduleAtFixedRate(this::sendOne, properties.behaviourInterval());
        log.info("Demo behaviour on {}: one event every {}", beacon.topic(), properties.behaviourInterval());
    }

    void sendOne() {
        try {
            long n = sequence.incrementAndGet();
            // the CRM's snapshot reaches the hub while the trickle runs: meet the latecomers now and then
            if ((customers.size() < CUSTOMERS && n % 200 == 1 || customers.isEmpty()) && !meetCustomers()) {
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int who = random.nextInt(customers.size());
            String customer = customers.get(who);
            if (n % 29 == 0) {
                kafka.send(beacon.topic(), customer, "{\"customer\":\"" + customer + "\",\"sku\":\"SKU-0001\",\"kind\":\"STARE_AT\"}");
                return;
            }
            String sku = pick(who, random);
            InteractionKind kind = random.nextInt(10) < 6 ? InteractionKind.VIEW : random.nextBoolean() ? InteractionKind.ADD_TO_CART : InteractionKind.PURCHASE;
            send(new BehaviourReport(customer, sku, kind, STORES[who % STORES.length], 1, null));
            if (kind == InteractionKind.PURCHASE && random.nextBoolean()) {
                send(new BehaviourReport(customer, partnerOf(sku), kind, STORES[who % STORES.length], 1, null));
            }
        } catch (RuntimeException e) {
            log.info("Demo behaviour event not sent: {}", e.getMessage());
        }
    }

    /** Customers known once the CRM's snapshot arrived (with their consent, {@code hub.tracking_consent}). */
    private boolean meetCustomers() {
        List<String> known = jdbc.queryForList("select customer_id from hub.customer where erased_at is null order by customer_id limit ?",
                String.class, CUSTOMERS);
        articles = jdbc.queryForList("select sku, category from hub.article where active order by sku");
        if (known.size() < 4 || articles.isEmpty()) {
            return false;
        }
        customers = known;
        log.info("Demo behaviour: {} customers, as many as the CRM says consent to tracking", known.size());
        return true;
    }

    /** Mostly an article of the customer's own category (the sample catalogue's categories repeat every five articles). */
    private String pick(int who, ThreadLocalRandom random) {
        int index = random.nextInt(articles.size());
        if (random.nextInt(10) < 8) {
            index = index - index % 5 + who % 5;
        }
        return (String) articles.get(Math.min(index, articles.size() - 1)).get("sku");
    }

    /** The article bought together with this one: the next of the same category. */
    private String partnerOf(String sku) {
        for (int i = 0; i < articles.size(); i++) {
            if (articles.get(i).get("sku").equals(sku)) {
                return (String) articles.get((i + 5) % articles.size()).get("sku");
            }
        }
        return sku;
    }

    private void send(BehaviourReport report) {
        try {
            kafka.send(beacon.topic(), report.customer(), json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
