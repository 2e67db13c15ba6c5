package org.retailhub.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.retailhub.simulator.psp.PspSimulator;
import org.retailhub.simulator.psp.SimPayment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guarantees of docs/architecture.md, checked from outside the hub as an auditor would: in its database, on
 * {@code orders.events} as a consumer that de-duplicates by {@code event-id} reads it, and at the payment provider.
 */
final class Guarantees {

    private static final Set<String> FINAL = Set.of("PAID", "REJECTED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED");

    /** Where an order stood: its status and how many status changes it had made. */
    record Standing(String id, String status, int changes) {
        boolean isFinal() {
            return FINAL.contains(status);
        }
    }

    /** What a de-duplicating consumer of {@code orders.events} saw: records read, distinct event ids among them. */
    record EventCount(int records, int distinct) {
    }

    private final JdbcTemplate hub;
    private final String kafka;
    private final PspSimulator psp;
    private final ObjectMapper json = new ObjectMapper();

    Guarantees(JdbcTemplate hub, String kafkaBootstrap, PspSimulator psp) {
        this.hub = hub;
        this.kafka = kafkaBootstrap;
        this.psp = psp;
    }

    /** Where each accepted order (key {@code CHANNEL:externalId}) stands now; an order the hub does not have is missing. */
    Map<String, Standing> standing(Collection<String> keys) {
        Map<String, Standing> found = new HashMap<>();
        hub.query("""
                select o.channel || ':' || o.external_id as key, o.id::text as id, o.status,
                       (select count(*) from hub.order_history h where h.order_id = o.id) as changes
                  from hub.customer_order o where o.channel || ':' || o.external_id = any(?)""",
                rs -> {
                    found.put(rs.getString("key"), new Standing(rs.getString("id"), rs.getString("status"), rs.getInt("changes")));
                }, (Object) keys.toArray(String[]::new));
        return found;
    }

    /** Job executors (lock owners) holding valid job locks now, with how many each: a dead instance's, right after the kill. */
    Map<String, Integer> jobLocks() {
        Map<String, Integer> owners = new TreeMap<>();
        hub.query("select lock_owner_, count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > now() group by 1",
                rs -> {
                    owners.put(rs.getString(1), rs.getInt(2));
                });
        return owners;
    }

    /** Waits until none of these (dead) lock owners holds a job any more; returns the seconds since {@code since}. */
    long awaitLocksReleased(Set<String> owners, long since, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(jobLocks().keySet()).as("job executors of the killed hub still holding locks").doesNotContainAnyElementsOf(owners));
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    /**
     * Where each order's processing stands: its status and number of status changes, and the steps its process tree
     * (the order's process and the payment process it called) is at, with their jobs. Any completed step changes it.
     * An accepted order the hub has not taken from its topic yet stands "not in the hub".
     */
    Map<String, String> progress(Collection<String> keys) {
        Map<String, String> progress = new HashMap<>();
        keys.forEach(key -> progress.put(key, "not in the hub"));
        hub.query("""
                select o.channel || ':' || o.external_id as key,
                       o.status || '/' || (select count(*) from hub.order_history h where h.order_id = o.id) || '/' ||
                       coalesce((select string_agg(e.id_ || '@' || coalesce(e.act_id_, '-'), ',' order by e.id_)
                                   from act_ru_execution e join act_ru_execution r on e.root_proc_inst_id_ = r.id_
                                  where r.business_key_ = o.id::text and r.id_ = r.proc_inst_id_ and r.super_exec_ is null), '') || '/' ||
                       coalesce((select string_agg(j.id_, ',' order by j.id_)
                                   from act_ru_job j join act_ru_execution e on e.id_ = j.execution_id_
                                   join act_ru_execution r on e.root_proc_inst_id_ = r.id_
                                  where r.business_key_ = o.id::text and r.id_ = r.proc_inst_id_ and r.super_exec_ is null), '') as progress
                  from hub.customer_order o where o.channel || ':' || o.external_id = any(?)""",
                rs -> {
                    progress.put(rs.getString("key"), rs.getString("progress"));
                }, (Object) keys.toArray(String[]::new));
        return progress;
    }

    /** Every accepted order is in the hub exactly once (the unique key makes twice impossible, so: present). */
    void assertEachAcceptedOnce(Set<String> accepted) {
        assertThat(standing(accepted).keySet()).containsExactlyInAnyOrderElementsOf(accepted);
    }

    /**
     * Waits until every order of {@code before} has moved on: changed status or completed a step of its process (an
     * order whose jobs a dead instance holds does neither), or stands in a final state (a survivor may have finished it
     * between the two reads that make {@code before}: nothing is left to move on to); returns the seconds since
     * {@code since}.
     */
    long awaitEachMovesOn(Map<String, String> before, long since, Duration within) {
        await().atMost(within).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, String> now = progress(before.keySet());
            List<String> stuck = before.entrySet().stream()
                    .filter(e -> e.getValue().equals(now.get(e.getKey())) && !FINAL.contains(e.getValue().split("/", 2)[0]))
                    .map(e -> e.getKey() + " " + e.getValue()).sorted().limit(10).toList();
            assertThat(stuck).as("orders that have not moved on since the kill (status/changes/steps/jobs)").isEmpty();
        });
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    /** Waits until every accepted order is in a final state; returns how many ended in each. */
    Map<String, Long> awaitFinal(Set<String> accepted, Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<String> open = standing(accepted).entrySet().stream().filter(e -> !e.getValue().isFinal())
                        .map(e -> e.getKey() + " " + e.getValue().status()).sorted().limit(10).toList();
                assertThat(open).as("accepted orders not final yet").isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException stuck) {
            standing(accepted).values().stream().filter(o -> !o.isFinal()).limit(5).forEach(this::printWhereItWaits);
            throw stuck;
        }
        return new TreeMap<>(standing(accepted).values().stream().collect(Collectors.groupingBy(Standing::status, Collectors.counting())));
    }

    /** Where an order that did not end waits: its payments here and at the provider, its processes' activities, jobs and incidents. */
    private void printWhereItWaits(Standing order) {
        String instances = "select distinct proc_inst_id_ from act_ru_execution where root_proc_inst_id_ in "
                + "(select proc_inst_id_ from act_ru_execution where business_key_ = ?)";
        StringBuilder where = new StringBuilder("CRASH-STUCK order ").append(order.id()).append(' ').append(order.status());
        where.append("\n  payments ").append(rows("select id::text as id, method, status from hub.payment where order_id = ?::uuid", order.id()));
        for (String payment : hub.queryForList("select id::text from hub.payment where order_id = ?::uuid", String.class, order.id())) {
            where.append("\n  at the provider ").append(psp.byReference(payment))
                    .append(" webhooks ").append(rows("select event_id from hub.payment_provider_event where payment_id = ?::uuid", payment));
        }
        where.append("\n  activities ").append(rows("select act_id_ from act_ru_execution where act_id_ is not null and proc_inst_id_ in ("
                + instances + ")", order.id()));
        where.append("\n  jobs ").append(rows("select act_id_, retries_, lock_owner_, lock_exp_time_, duedate_, exception_msg_ from act_ru_job "
                + "where process_instance_id_ in (" + instances + ")", order.id()));
        where.append("\n  incidents ").append(rows("select activity_id_, incident_msg_ from act_ru_incident where proc_inst_id_ in ("
                + instances + ")", order.id()));
        System.out.println(where);
    }

    private Object rows(String sql, Object... arguments) {
        try {
            return hub.queryForList(sql, arguments);
        } catch (RuntimeException failed) {
            return "(" + failed.getMessage() + ")";
        }
    }

    /** Each order reached its final state once: one final status change in its history. */
    void assertFinalOnce(Set<String> accepted) {
        List<String> ids = standing(accepted).values().stream().map(Standing::id).toList();
        List<String> twice = hub.queryForList("""
                select order_id::text from hub.order_history
                 where order_id::text = any(?) and status in ('PAID', 'REJECTED', 'CANCELLED')
                 group by order_id having count(*) <> 1""", String.class, (Object) ids.toArray(String[]::new));
        assertThat(twice).as("orders without exactly one final status change").isEmpty();
    }

    /**
     * Once the outbox is drained, reads {@code orders.events} from the start: per order and status, a de-duplicating
     * consumer sees exactly as many distinct event ids as the order made changes to that status; none missing, none extra.
     */
    EventCount assertEventsMatchTransitions(Set<String> accepted) {
        await().atMost(Duration.ofMinutes(2)).until(() -> hub.queryForObject(
                "select count(*) from hub.outbox where published_at is null", Integer.class) == 0);
        List<String> ids = standing(accepted).values().stream().map(Standing::id).toList();
        Map<String, Integer> transitions = new TreeMap<>();
        hub.query("select order_id::text || '/' || status as t, count(*) as n from hub.order_history where order_id::text = any(?) group by 1",
                rs -> {
                    transitions.put(rs.getString("t"), rs.getInt("n"));
                }, (Object) ids.toArray(String[]::new));
        Map<String, Set<String>> eventIds = new HashMap<>();
        List<ConsumerRecord<String, String>> records = readEvents();
        Set<String> wanted = Set.copyOf(ids);
        int read = 0;
        for (ConsumerRecord<String, String> record : records) {
            JsonNode event = tree(record.value());
            if (wanted.contains(event.path("orderId").asText())) {
                read++;
                String eventId = new String(record.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8);
                eventIds.computeIfAbsent(event.path("orderId").asText() + "/" + event.path("status").asText(), k -> new java.util.HashSet<>())
                        .add(eventId);
            }
        }
        Map<String, Integer> seen = new TreeMap<>();
        eventIds.forEach((transition, distinct) -> seen.put(transition, distinct.size()));
        assertThat(seen).as("distinct event ids per order and status, against the order's history").isEqualTo(transitions);
        return new EventCount(read, eventIds.values().stream().mapToInt(Set::size).sum());
    }

    /** The provider holds one capture per paid order and none for the others; returns the captures counted. */
    int assertOneCapturePerPaidOrder(Set<String> accepted) {
        int captures = 0;
        List<String> wrong = new ArrayList<>();
        for (Standing order : standing(accepted).values()) {
            List<String> payments = hub.queryForList("select id::text from hub.payment where order_id = ?::uuid", String.class, order.id());
            int captured = payments.stream().map(psp::byReference).filter(p -> p != null).mapToInt(SimPayment::captures).sum();
            captures += captured;
            if (captured != ("PAID".equals(order.status()) ? 1 : 0)) {
                wrong.add(order.id() + " " + order.status() + " with " + captured + " captures");
            }
        }
        assertThat(wrong).as("orders whose captures at the provider do not match their status").isEmpty();
        assertThat(psp.payments()).allSatisfy(p -> assertThat(p.captures()).isLessThanOrEqualTo(1));
        return captures;
    }

    /** The ledger balances: every stock row's reserved units are the sum of its held reservations, never above on hand. */
    void assertLedgerBalances() {
        List<String> off = hub.query("""
                select s.store_id, s.sku, s.on_hand, s.reserved,
                       coalesce((select sum(r.quantity) from hub.reservation r
                                  where r.store_id = s.store_id and r.sku = s.sku and r.state = 'HELD'), 0) as held
                  from hub.stock s""", (rs, i) -> rs.getInt("reserved") != rs.getInt("held") || rs.getInt("reserved") > rs.getInt("on_hand")
                ? rs.getString("store_id") + "/" + rs.getString("sku") + " reserved " + rs.getInt("reserved") + " held "
                  + rs.getInt("held") + " on hand " + rs.getInt("on_hand") : null).stream().filter(s -> s != null).toList();
        assertThat(off).as("stock rows whose reserved units are not their open reservations").isEmpty();
    }

    /**
     * Every accepted order exactly once and final once, its events, the provider's captures and the ledger, and no more
     * units of the {@code contested} article held or sold than were on hand before; the figures for a summary.
     */
    Map<String, Object> assertAll(Set<String> accepted, String contested, int onHandBefore) {
        assertEachAcceptedOnce(accepted);
        assertFinalOnce(accepted);
        EventCount events = assertEventsMatchTransitions(accepted);
        int captures = assertOneCapturePerPaidOrder(accepted);
        assertLedgerBalances();
        int sold = unitsSold(accepted, contested);
        assertThat(sold).as("units of %s held or sold, against %d on hand before the burst", contested, onHandBefore)
                .isLessThanOrEqualTo(onHandBefore);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsRead", events.records());
        figures.put("distinctEventIds", events.distinct());
        figures.put("redeliveredEvents", events.records() - events.distinct());
        figures.put("captures", captures);
        figures.put("contestedUnitsSold", sold);
        figures.put("contestedOnHandBefore", onHandBefore);
        return figures;
    }

    int onHand(String sku) {
        return hub.queryForObject("select on_hand from hub.stock where store_id = 'WEB-DC' and sku = ?", Integer.class, sku);
    }

    /** Units of the article that the accepted orders hold or bought: never more than there were. */
    int unitsSold(Set<String> accepted, String sku) {
        List<String> ids = standing(accepted).values().stream().map(Standing::id).toList();
        return hub.queryForObject("""
                select coalesce(sum(quantity), 0) from hub.reservation
                 where order_id::text = any(?) and sku = ? and state in ('HELD', 'COMMITTED')""",
                Integer.class, ids.toArray(String[]::new), sku);
    }

    private List<ConsumerRecord<String, String>> readEvents() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("orders.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
