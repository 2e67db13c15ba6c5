package org.retailhub.app.crash;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.retailhub.app.embedded.EmbeddedPostgresServer;
import org.retailhub.simulator.psp.PspSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which hub instance did what, read as an auditor would from the database and the broker they share: the session name
 * each instance gives its connections ({@code retail-hub <host>/<pid>}) in {@code hub.order_history.instance} and
 * {@code hub.outbox.published_by}, its job executor's lock owner in {@code hub.hub_instance}, the intake group's
 * partition assignment at the broker. Also the channels' traffic per instance and the {@link Guarantees}.
 */
final class InstanceAudit {

    private static final Set<String> FINAL = Set.of("PAID", "REJECTED", "CANCELLED");

    final JdbcTemplate hub;
    final JdbcTemplate erp;
    final JdbcTemplate pos;
    final Guarantees guarantees;
    private final String kafka;
    private final Map<HubProcess, ChannelTraffic> traffic = new HashMap<>();

    InstanceAudit(EmbeddedPostgresServer postgres, String kafkaBootstrap, PspSimulator psp) {
        this.hub = HubProcess.database(postgres.port(), EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.ROLE);
        this.erp = HubProcess.database(postgres.port(), EmbeddedPostgresServer.legacyDatabase("erp"), "erp_owner");
        this.pos = HubProcess.database(postgres.port(), EmbeddedPostgresServer.legacyDatabase("pos"), "pos_owner");
        this.kafka = kafkaBootstrap;
        this.guarantees = new Guarantees(hub, kafkaBootstrap, psp);
    }

    /** The channels as they send to this instance: its REST API, and the one broker. */
    synchronized ChannelTraffic traffic(HubProcess instance) {
        return traffic.computeIfAbsent(instance, i -> new ChannelTraffic(i.baseUrl(), kafka));
    }

    /** The instance's session name, as its connections show it to PostgreSQL. */
    String instanceName(HubProcess instance) {
        return hub.queryForObject("select distinct application_name from pg_stat_activity where application_name like ?",
                String.class, "retail-hub %/" + instance.pid());
    }

    /** Its job executor's lock owner, as its heartbeat registered it. */
    String lockOwner(HubProcess instance) {
        return hub.queryForObject("select lock_owner from hub.hub_instance where pid = ?", String.class, instance.pid());
    }

    /** Islands whose capture engine runs on this instance (its leader lock held), from its meter {@code hub.cdc.capturing}. */
    int capturing(HubProcess instance) {
        return (int) List.of("POS", "ERP", "CRM").stream().mapToDouble(island -> instance.meter("hub.cdc.capturing", "island:" + island)).sum();
    }

    /** Waits until every partition of each channel topic is assigned and the topic's partitions are spread over {@code consumers} members. */
    void awaitIntakeSharedBy(int consumers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("retail-hub-intake")).all().get().get("retail-hub-intake");
                if (group.state() != ConsumerGroupState.STABLE) {
                    return false;
                }
                Map<String, Integer> membersPerTopic = new TreeMap<>();
                group.members().forEach(member -> member.assignment().topicPartitions().stream().map(p -> p.topic()).distinct()
                        .forEach(topic -> membersPerTopic.merge(topic, 1, Integer::sum)));
                return List.of("orders.app", "orders.marketplace").stream().allMatch(t -> membersPerTopic.getOrDefault(t, 0) == consumers);
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ExecutionException failed) {
                throw new IllegalStateException("could not describe the intake group", failed.getCause());
            }
            throw e;
        }
    }

    /** The instance that received each order (its RECEIVED change), by order key. */
    Map<String, String> receivedBy(Collection<String> keys) {
        return byKey("""
                select o.channel || ':' || o.external_id, h.instance from hub.customer_order o
                  join hub.order_history h on h.order_id = o.id and h.status = 'RECEIVED'
                 where o.channel || ':' || o.external_id = any(?)""", keys);
    }

    /** The instance that made each order's final status change, by order key. */
    Map<String, String> endedBy(Collection<String> keys) {
        return byKey("""
                select o.channel || ':' || o.external_id, h.instance from hub.customer_order o
                  join hub.order_history h on h.order_id = o.id and h.status = any(?)
                 where o.channel || ':' || o.external_id = any(?)""", FINAL.toArray(String[]::new), keys.toArray(String[]::new));
    }

    /** Status changes after RECEIVED (each made by a process step, a job) of these orders, per instance. */
    Map<String, Long> stepsBy(Collection<String> keys) {
        Map<String, Long> steps = new TreeMap<>();
        hub.query("""
                select h.instance, count(*) from hub.customer_order o join hub.order_history h on h.order_id = o.id
                 where h.status <> 'RECEIVED' and o.channel || ':' || o.external_id = any(?) group by h.instance""",
                rs -> {
                    steps.put(rs.getString(1), rs.getLong(2));
                }, (Object) keys.toArray(String[]::new));
        return steps;
    }

    /** Outbox events not published yet, by sequence. */
    List<Long> unpublished() {
        return hub.queryForList("select seq from hub.outbox where published_at is null", Long.class);
    }

    /** The instances that published these outbox events (null: not yet), with how many each. */
    Map<String, Long> publishers(List<Long> events) {
        Map<String, Long> publishers = new TreeMap<>();
        hub.query("select coalesce(published_by, 'not yet'), count(*) from hub.outbox where seq = any(?) group by 1", rs -> {
            publishers.put(rs.getString(1), rs.getLong(2));
        }, (Object) events.toArray(Long[]::new));
        return publishers;
    }

    /** The instances that published the events of these orders' final status changes, with how many each. */
    Map<String, Long> finalEventPublishers(Collection<String> keys) {
        Map<String, Long> publishers = new TreeMap<>();
        hub.query("""
                select coalesce(x.published_by, 'not yet'), count(*) from hub.outbox x
                  join hub.customer_order o on o.id::text = x.event_key
                 where x.payload ->> 'status' = any(?) and o.channel || ':' || o.external_id = any(?) group by 1""",
                rs -> {
                    publishers.put(rs.getString(1), rs.getLong(2));
                }, FINAL.toArray(String[]::new), keys.toArray(String[]::new));
        return publishers;
    }

    private Map<String, String> byKey(String sql, Collection<String> keys) {
        return byKey(sql, (Object) keys.toArray(String[]::new));
    }

    private Map<String, String> byKey(String sql, Object... arguments) {
        Map<String, String> found = new HashMap<>();
        hub.query(sql, rs -> {
            found.put(rs.getString(1), rs.getString(2));
        }, arguments);
        return found;
    }
}
