package org.retailhub.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.app.crash.ChannelTraffic.ChannelOrder;
import org.retailhub.app.embedded.EmbeddedKafkaServer;
import org.retailhub.app.embedded.EmbeddedPostgresServer;
import org.retailhub.domain.shared.Channel;
import org.retailhub.simulator.crm.CrmGiftCardSimulator;
import org.retailhub.simulator.erp.ErpDeliverySimulator;
import org.retailhub.simulator.psp.PspSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hub instances for real: two JVMs of the hub's jar (processes of their own) on one PostgreSQL and one Kafka
 * broker, which this test starts (the shape of docs/architecture.md, "Scale-out"); the PSP, the ERP's and the CRM's
 * HTTP services run here. Which instance did what is read from the hub's tables: every status change and every
 * published event carries the session name of the instance that made it ({@code hub.order_history.instance},
 * {@code hub.outbox.published_by}), every job lock its executor ({@code act_ru_job.lock_owner_}).
 * <ol>
 * <li>Shared: orders over both instances' REST APIs and on the channel topics are each received by one instance (the
 * one called; the one whose consumer holds the partition) and their steps run on both.</li>
 * <li>Under a burst, with an ERP clerk's price changes streaming through CDC, the instance that captures every island
 * is killed with SIGKILL. Within seconds the survivor has its job locks, its partitions and the islands' leader locks:
 * every order that was open moves on, changes in the ERP after the kill reach the hub, the survivor publishes the
 * events. In the end every accepted order ended once, its events reached a de-duplicating consumer once, the
 * provider captured once per paid order and the stock ledger balances.</li>
 * </ol>
 * Logs one {@code TWO-INSTANCES-SUMMARY} line with what it counted.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class TwoInstancesIT {

    private static final String SECRET = "two-instances-webhook-secret";
    private static final String CONTESTED = "SKU-0007";
    private static final List<String> ISLANDS = List.of("pos", "erp", "crm");
    private static final String INTAKE_GROUP = "retail-hub-intake";
    private static final Duration MOVE_ON = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final int SHARED = 120;
    private static final int BURST = 300;

    @TempDir
    Path folder;

    private final List<HubProcess> hubs = new ArrayList<>();
    private io.moquette.broker.Server readers;

    @Test
    void twoInstancesShareTheOrdersAndTheSurvivorOfAKillFinishesThemWithNothingLostOrRepeated() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(folder.resolve("postgres"), 0);
             EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(folder.resolve("kafka"), 0);
             PspSimulator psp = PspSimulator.start(0, SECRET);
             ErpDeliverySimulator erpDeliveries = ErpDeliverySimulator.start(0);
             CrmGiftCardSimulator giftCards = CrmGiftCardSimulator.start(0)) {
            postgres.createLegacyDatabases(ISLANDS);
            InstanceAudit cluster = new InstanceAudit(postgres, kafka.bootstrapServers(), psp);
            List<String> settings = settings(postgres, kafka.bootstrapServers(), psp, erpDeliveries, giftCards);
            int readersPort = HubProcess.freePort();
            readers = mqttBroker(readersPort);
            settings.add("--hub.rfid.intake.broker-url=tcp://127.0.0.1:" + readersPort);

            // A starts first and so takes every island's leader lock; B joins as a standby of the capture
            HubProcess a = start("hub-a", settings);
            await().atMost(PATIENCE).until(() -> cluster.capturing(a) == 3);
            await().atMost(PATIENCE).until(() -> cluster.hub.queryForObject(
                    "select count(*) from hub.golden_source where kind = 'PRICE'", Integer.class) == 50);
            int onHandBefore = cluster.guarantees.onHand(CONTESTED);
            HubProcess b = start("hub-b", settings);
            // B announces itself under the wallets' webhook address: the provider calls the instance that stays
            psp.sendWebhooksTo(b.baseUrl().resolve("/api/payments/webhooks/simpsp"));
            cluster.awaitIntakeSharedBy(2);
            assertThat(cluster.capturing(b)).as("islands B captures while A leads").isZero();
            await().atMost(PATIENCE).until(() -> a.meter("hub.rfid.intake.leading") == 1);
            assertThat(b.meter("hub.rfid.intake.leading")).as("B subscribes to the store readers while A leads").isZero();

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("test", "TwoInstancesIT");
            figures.put("secondsToStartA", a.startup().toSeconds());
            figures.put("secondsToStartB", b.startup().toSeconds());
            figures.putAll(shared(cluster, a, b));
            figures.putAll(killUnderLoad(cluster, a, b, onHandBefore));
            System.out.println("TWO-INSTANCES-SUMMARY " + new ObjectMapper().writeValueAsString(figures));
        } finally {
            hubs.forEach(HubProcess::close);
            if (readers != null) {
                readers.stopServer();
            }
        }
    }

    /** Part 1: orders over both APIs and the topics, shared; each received by the instance called or holding its partition. */
    private Map<String, Object> shared(InstanceAudit cluster, HubProcess a, HubProcess b) {
        ChannelTraffic toA = cluster.traffic(a);
        ChannelTraffic toB = cluster.traffic(b);
        List<ChannelOrder> orders = ChannelTraffic.mixedOrders("S", SHARED, CONTESTED);
        List<ChannelOrder> rest = orders.stream().filter(o -> o.channel() == Channel.WEB).toList();
        toA.sendToTopics(orders.stream().filter(o -> o.channel() != Channel.WEB).toList());
        toA.postUntilAccepted(rest.subList(0, rest.size() / 2), 4, PATIENCE);
        toB.postUntilAccepted(rest.subList(rest.size() / 2, rest.size()), 4, PATIENCE);
        Set<String> accepted = union(toA.accepted(), toB.accepted());
        assertThat(accepted).hasSize(orders.size());
        Map<String, Long> ends = cluster.guarantees.awaitFinal(accepted, PATIENCE);

        Map<String, String> receivedBy = cluster.receivedBy(accepted);
        String nameA = cluster.instanceName(a);
        String nameB = cluster.instanceName(b);
        assertThat(toA.accepted().stream().filter(k -> k.startsWith("WEB:")).map(receivedBy::get))
                .as("REST orders posted to A, received by").containsOnly(nameA);
        assertThat(toB.accepted().stream().filter(k -> k.startsWith("WEB:")).map(receivedBy::get))
                .as("REST orders posted to B, received by").containsOnly(nameB);
        Map<String, Set<String>> partitionReceivers = new TreeMap<>();
        toA.partitions().forEach((key, partition) -> partitionReceivers.computeIfAbsent(partition, p -> new HashSet<>()).add(receivedBy.get(key)));
        assertThat(partitionReceivers.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .as("instances whose consumers took channel topic partitions").containsExactlyInAnyOrder(nameA, nameB);
        Map<String, Long> stepsBy = cluster.stepsBy(accepted);
        assertThat(stepsBy).as("status changes after RECEIVED (process steps), by instance").containsOnlyKeys(nameA, nameB);
        cluster.guarantees.assertEachAcceptedOnce(accepted);
        cluster.guarantees.assertFinalOnce(accepted);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sharedOrders", accepted.size());
        figures.put("sharedFinal", ends);
        // without a rebalance (a consumer silent for the session timeout on a very busy machine) one instance per partition
        figures.put("sharedPartitionsReceivedBy", partitionReceivers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(name -> label(name, nameA)).sorted().toList(), (x, y) -> x, TreeMap::new)));
        figures.put("sharedStepsByInstance", Map.of("A", stepsBy.get(nameA), "B", stepsBy.get(nameB)));
        return figures;
    }

    /** Part 2: SIGKILL of A (it leads every island's capture) in the middle of a burst and of a clerk's price changes. */
    private Map<String, Object> killUnderLoad(InstanceAudit cluster, HubProcess a, HubProcess b, int onHandBefore) {
        ChannelTraffic toA = cluster.traffic(a);
        ChannelTraffic toB = cluster.traffic(b);
        String nameA = cluster.instanceName(a);
        String nameB = cluster.instanceName(b);
        String ownerA = cluster.lockOwner(a);
        ErpClerk clerk = new ErpClerk(cluster.erp);
        clerk.type(1, 300);
        List<ChannelOrder> burst = ChannelTraffic.mixedOrders("K", BURST, CONTESTED);
        List<ChannelOrder> rest = burst.stream().filter(o -> o.channel() == Channel.WEB).toList();
        List<ChannelOrder> onTopics = burst.stream().filter(o -> o.channel() != Channel.WEB).toList();
        toA.sendToTopics(onTopics.subList(0, onTopics.size() / 2));
        ChannelTraffic.RestBurst restToA = toA.post(rest.subList(0, rest.size() / 2), 8);
        ChannelTraffic.RestBurst restToB = toB.post(rest.subList(rest.size() / 2, rest.size()), 8);
        // under load: A holds jobs and has received orders of this burst
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> toA.restAccepted() >= 30
                && cluster.guarantees.jobLocks().getOrDefault(ownerA, 0) > 0);
        toA.sendToTopics(onTopics.subList(onTopics.size() / 2, onTopics.size()));

        Map<String, Integer> locksAtKill = cluster.guarantees.jobLocks();
        int exit = a.kill();
        long killed = System.nanoTime();
        assertThat(exit).as("exit code of the instance killed by SIGKILL").isEqualTo(HubProcess.KILLED_BY_SIGKILL);
        int priceChangesAtKill = clerk.committed();
        List<ChannelOrder> unansweredByA = restToA.unanswered();
        Set<String> acceptedAtKill = union(toA.accepted(), toB.accepted());
        Map<String, Guarantees.Standing> atKill = cluster.guarantees.standing(acceptedAtKill);
        Set<String> openAtKill = acceptedAtKill.stream().filter(k -> !atKill.containsKey(k) || !atKill.get(k).isFinal())
                .collect(Collectors.toSet());
        Map<String, String> progressAtKill = cluster.guarantees.progress(openAtKill);
        List<Long> unpublishedAtKill = cluster.unpublished();
        assertThat(locksAtKill).as("job locks at the kill").containsKey(ownerA);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("burstOrders", burst.size());
        figures.put("acceptedAtKill", acceptedAtKill.size());
        figures.put("openAtKill", openAtKill.size());
        figures.put("jobsLockedByKilledA", locksAtKill.get(ownerA));
        figures.put("restToAUnansweredAtKill", unansweredByA.size());
        figures.put("priceChangesAtKill", priceChangesAtKill);
        figures.put("secondsUntilLocksOfAReleased", cluster.guarantees.awaitLocksReleased(Set.of(ownerA), killed, MOVE_ON));
        figures.put("secondsUntilBCapturesEveryIsland", awaitSeconds(() -> cluster.capturing(b) == 3, killed));
        figures.put("secondsUntilBSubscribesToTheReaders", awaitSeconds(() -> b.meter("hub.rfid.intake.leading") == 1, killed));
        figures.put("secondsUntilAllOpenMovedOn", cluster.guarantees.awaitEachMovesOn(progressAtKill, killed,
                MOVE_ON.minusNanos(System.nanoTime() - killed)));
        // the channels whose calls got no answer (A's: it died; B's: none expected, but a busy machine may time one out)
        // send them again, to the instance that is left
        List<ChannelOrder> unanswered = new ArrayList<>(unansweredByA);
        unanswered.addAll(restToB.unanswered());
        toB.postUntilAccepted(unanswered, 4, PATIENCE);
        Set<String> accepted = union(toA.accepted(), toB.accepted());
        assertThat(accepted).as("orders accepted in both parts").hasSize(SHARED + BURST);
        figures.put("final", cluster.guarantees.awaitFinal(accepted, PATIENCE));
        figures.put("secondsUntilAllFinal", Duration.ofNanos(System.nanoTime() - killed).toSeconds());

        // what was open at the kill was finished by B, and B published the events that were still waiting
        Map<String, String> endedBy = cluster.endedBy(openAtKill);
        assertThat(endedBy.values()).as("instance that made the final status change of the orders open at the kill").containsOnly(nameB);
        assertThat(cluster.finalEventPublishers(openAtKill)).as("instances that published the final events of the orders open at the kill")
                .containsOnlyKeys(nameB);
        assertThat(cluster.publishers(unpublishedAtKill)).as("who published the events waiting in the outbox at the kill")
                .allSatisfy((publisher, events) -> assertThat(publisher).isEqualTo(nameB));
        figures.put("outboxWaitingAtKill", unpublishedAtKill.size());
        clerk.awaitDone();
        assertThat(clerk.committed() - priceChangesAtKill).as("price changes the clerk committed after the kill").isPositive();
        ErpClerk.awaitPricesConverge(cluster.hub, cluster.erp, cluster.pos);
        Map<String, Long> outcomes = ErpClerk.outcomesAt(b);
        assertThat(outcomes.get("APPLIED") + outcomes.get("SUPERSEDED")).as("ERP changes B captured and applied").isPositive();
        figures.put("cdcOutcomesOnB", outcomes);
        figures.putAll(cluster.guarantees.assertAll(accepted, CONTESTED, onHandBefore));
        figures.put("receivedBy", cluster.receivedBy(accepted).values().stream()
                .collect(Collectors.groupingBy(name -> label(name, nameA), TreeMap::new, Collectors.counting())));
        return figures;
    }

    /** The store readers' MQTT broker both instances connect to, as a store's would be (Moquette, as the embedded default's). */
    private static io.moquette.broker.Server mqttBroker(int port) throws IOException {
        io.moquette.broker.Server broker = new io.moquette.broker.Server();
        java.util.Properties config = new java.util.Properties();
        config.setProperty(io.moquette.BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        config.setProperty(io.moquette.BrokerConstants.PORT_PROPERTY_NAME, String.valueOf(port));
        config.setProperty(io.moquette.BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, io.moquette.BrokerConstants.DISABLED_PORT_BIND);
        config.setProperty(io.moquette.BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        config.setProperty(io.moquette.BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        config.setProperty(io.moquette.BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        broker.startServer(config);
        return broker;
    }

    private HubProcess start(String name, List<String> settings) throws IOException {
        HubProcess hub = HubProcess.start(Files.createDirectories(folder.resolve(name)), "two-instances-" + name, HubProcess.freePort(), settings);
        hubs.add(hub);
        return hub;
    }

    /**
     * Both instances on the one PostgreSQL and Kafka of this test, the outside parties here. Failover in seconds: an
     * instance silent for 6 s is dead (its job locks released), a consumer silent for 6 s loses its partitions, a
     * standby tries the islands' leader locks every 2 s (docs/architecture.md, "Scale-out", for the trade-offs).
     */
    private static List<String> settings(EmbeddedPostgresServer postgres, String kafka, PspSimulator psp,
                                         ErpDeliverySimulator erp, CrmGiftCardSimulator crm) {
        List<String> settings = new ArrayList<>(List.of("--hub.embedded.enabled=false",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=" + EmbeddedPostgresServer.ROLE,
                "--spring.datasource.password=" + EmbeddedPostgresServer.DEV_ONLY_PASSWORD, "--spring.kafka.bootstrap-servers=" + kafka,
                "--hub.cdc.username=" + EmbeddedPostgresServer.CDC_ROLE, "--hub.cdc.password=" + EmbeddedPostgresServer.DEV_ONLY_PASSWORD,
                "--hub.islands.simulator-pause=0s", "--hub.migration.history.simulator=false",
                // the store readers' broker is this test's (the embedded one comes with the embedded default); one
                // instance subscribes at a time, a standby tries the lead every second; no simulated readers
                "--hub.rfid.simulator.enabled=false", "--hub.rfid.intake.leadership.check=PT1S",
                "--hub.orders.payment-timeout=PT1M",
                "--hub.payment.psp.simulator=false", "--hub.payment.psp.base-url=" + psp.baseUrl(), "--hub.payment.psp.webhook-secret=" + SECRET,
                "--hub.payment.psp.read-timeout=PT10S",
                "--hub.erp.simulator=false", "--hub.erp.base-url=" + erp.baseUrl(),
                "--hub.crm.simulator=false", "--hub.crm.base-url=" + crm.baseUrl(),
                "--hub.instances.heartbeat-interval=PT1S", "--hub.instances.stale-after=PT6S",
                "--hub.cdc.leader-retry=PT2S",
                "--camel.component.kafka.session-timeout-ms=6000", "--camel.component.kafka.heartbeat-interval-ms=1000",
                // one consumer per topic and instance: with three partitions each instance holds some of every topic
                "--hub.intake.consumers-per-topic=1"));
        for (String island : ISLANDS) {
            settings.add("--hub.islands." + island + ".url=" + postgres.jdbcUrl(EmbeddedPostgresServer.legacyDatabase(island)));
            settings.add("--hub.islands." + island + ".username=" + island + "_owner");
            settings.add("--hub.islands." + island + ".password=" + EmbeddedPostgresServer.DEV_ONLY_PASSWORD);
        }
        return settings;
    }

    private static long awaitSeconds(java.util.concurrent.Callable<Boolean> condition, long since) {
        await().atMost(MOVE_ON).pollInterval(Duration.ofMillis(500)).until(condition);
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> all = new HashSet<>(one);
        all.addAll(other);
        return all;
    }

    private static String label(String instance, String nameA) {
        return instance.equals(nameA) ? "A" : "B";
    }
}
