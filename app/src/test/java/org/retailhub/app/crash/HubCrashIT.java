package org.retailhub.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.app.crash.ChannelTraffic.ChannelOrder;
import org.retailhub.app.crash.Guarantees.Standing;
import org.retailhub.app.embedded.EmbeddedPostgresServer;
import org.retailhub.simulator.psp.PspSimulator;
import org.retailhub.domain.shared.Channel;
import org.retailhub.simulator.crm.CrmGiftCardSimulator;
import org.retailhub.simulator.erp.ErpDeliverySimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guarantees against real crashes. The hub runs as a process of its own on its embedded default (its PostgreSQL
 * and Kafka keep their data in one folder); the payment provider, the ERP's and CRM's HTTP services and the channels
 * run here, outside it.
 * <ol>
 * <li>During a burst of 500 orders (half on channel topics, half over REST), with wallet payments waiting for the
 * provider's webhook (lost while the hub is down: the hub asks the provider after the payment timeout), card payments
 * being captured and an ERP clerk's price changes streaming through CDC, the hub is killed with SIGKILL and started
 * again on the same folder (its PostgreSQL left running as an orphan, its broker's log unflushed). Within 60 s of the
 * restart the killed hub's job locks are gone and every order that was open has moved on; every accepted order ends
 * once; the events, the provider's captures, the ledger and the prices agree.</li>
 * <li>Under more orders and price changes, its PostgreSQL is stopped with {@code pg_ctl stop -m immediate} and started
 * again: the hub recovers by itself and loses nothing.</li>
 * </ol>
 * Each part logs one {@code CRASH-SUMMARY} line with what it counted.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class HubCrashIT {

    private static final String SECRET = "crash-test-webhook-secret";
    /** Demand for this article exceeds the stock: some orders must be refused, none oversold. */
    private static final String CONTESTED = "SKU-0007";
    private static final Duration MOVE_ON = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path folder;

    private final int port = HubProcess.freePort();
    private final int postgresPort = HubProcess.freePort();
    private final String kafka = "localhost:" + HubProcess.freePort();
    private final List<HubProcess> hubs = new ArrayList<>();
    private final JdbcTemplate hubDb = database(EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.ROLE);
    private final JdbcTemplate erp = database(EmbeddedPostgresServer.legacyDatabase("erp"), "erp_owner");
    private final JdbcTemplate pos = database(EmbeddedPostgresServer.legacyDatabase("pos"), "pos_owner");
    private final ChannelTraffic traffic = new ChannelTraffic(URI.create("http://localhost:" + port), kafka);
    private List<String> settings;
    private Guarantees guarantees;
    private int onHandBefore;

    @Test
    void aKilledHubAndACrashedDatabaseLoseNoAcceptedOrderAndRepeatNothing() throws Exception {
        try (PspSimulator psp = PspSimulator.start(0, SECRET);
             ErpDeliverySimulator erpDeliveries = ErpDeliverySimulator.start(0);
             CrmGiftCardSimulator giftCards = CrmGiftCardSimulator.start(0)) {
            // wallets get their outcome 15 s after authorisation: many are still waiting when the hub is killed, and their
            // webhooks are lost while it is down; the hub asks the provider once the payment timeout has passed
            psp.latency(Duration.ofMillis(20));
            psp.webhookDelay(Duration.ofSeconds(15));
            psp.sendWebhooksTo(URI.create("http://localhost:" + port + "/api/payments/webhooks/simpsp"));
            settings = List.of("--hub.embedded.postgres-port=" + postgresPort, "--hub.embedded.kafka-port=" + kafka.split(":")[1],
                    "--hub.islands.simulator-pause=0s", "--hub.orders.payment-timeout=PT1M",
                    "--hub.payment.psp.simulator=false", "--hub.payment.psp.base-url=" + psp.baseUrl(),
                    "--hub.payment.psp.webhook-secret=" + SECRET,
                    // the provider shares this test's JVM and its load: give it time before the circuit breaker counts a failure
                    "--hub.payment.psp.read-timeout=PT10S",
                    "--hub.erp.simulator=false", "--hub.erp.base-url=" + erpDeliveries.baseUrl(),
                    "--hub.crm.simulator=false", "--hub.crm.base-url=" + giftCards.baseUrl());
            guarantees = new Guarantees(hubDb, kafka, psp);
            HubProcess restarted = killDuringABurstAndRestart();
            crashTheDatabaseUnderLoad(restarted);
        } finally {
            // the last one started holds the data folder: it goes first
            Collections.reverse(hubs);
            hubs.forEach(HubProcess::close);
        }
    }

    /** Part 1: SIGKILL in the middle of a burst, with payments and price changes under way; restart on the same folder. */
    private HubProcess killDuringABurstAndRestart() throws Exception {
        HubProcess first = start("crash-first");
        await().atMost(PATIENCE).until(() -> hubDb.queryForObject("select count(*) from hub.golden_source where kind = 'PRICE'", Integer.class) == 50);
        onHandBefore = guarantees.onHand(CONTESTED);
        ErpClerk clerk = new ErpClerk(erp);
        clerk.type(1, 600);
        List<ChannelOrder> burst = ChannelTraffic.mixedOrders("B", 500, CONTESTED);
        List<ChannelOrder> onTopics = burst.stream().filter(o -> o.channel() != Channel.WEB).toList();
        traffic.sendToTopics(onTopics.subList(0, onTopics.size() / 2));
        ChannelTraffic.RestBurst rest = traffic.post(burst.stream().filter(o -> o.channel() == Channel.WEB).toList(), 16);
        await().atMost(PATIENCE).until(() -> traffic.restAccepted() >= 125);
        // the second half lands on the topics just before the kill: acknowledged by the broker, not yet taken by the intake
        traffic.sendToTopics(onTopics.subList(onTopics.size() / 2, onTopics.size()));

        int exit = first.kill();
        assertThat(exit).as("exit code of the hub killed by SIGKILL").isEqualTo(HubProcess.KILLED_BY_SIGKILL);
        List<ChannelOrder> unanswered = rest.unanswered();
        Map<String, Standing> atKill = guarantees.standing(traffic.accepted());
        Set<String> openAtKill = traffic.accepted().stream().filter(key -> !atKill.containsKey(key) || !atKill.get(key).isFinal())
                .collect(Collectors.toSet());
        Map<String, String> progressAtKill = guarantees.progress(openAtKill);
        Map<String, Integer> locksAtKill = guarantees.jobLocks();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("test", "HubCrashIT.sigkill");
        figures.put("ordersSent", burst.size());
        figures.put("acceptedBeforeKill", traffic.accepted().size());
        figures.put("onTopicsNotYetTakenAtKill", traffic.accepted().size() - atKill.size());
        figures.put("kafkaAccepted", traffic.kafkaAccepted());
        figures.put("restAcceptedBeforeKill", traffic.restAccepted());
        figures.put("restUnansweredAtKill", unanswered.size());
        figures.put("inFlightAtKill", openAtKill.size());
        figures.put("jobsLockedByKilledHub", locksAtKill.values().stream().mapToInt(Integer::intValue).sum());
        figures.put("priceChangesBeforeKill", clerk.committed());
        figures.put("exitCode", exit);

        HubProcess second = start("crash-second");
        long restarted = System.nanoTime();
        figures.put("secondsToStart", first.startup().toSeconds());
        figures.put("secondsToRestart", second.startup().toSeconds());
        figures.put("secondsUntilLocksReleased", guarantees.awaitLocksReleased(locksAtKill.keySet(), restarted, MOVE_ON));
        figures.put("secondsUntilAllMovedOn", guarantees.awaitEachMovesOn(progressAtKill, restarted,
                MOVE_ON.minusNanos(System.nanoTime() - restarted)));
        traffic.postUntilAccepted(unanswered, 8, PATIENCE);
        figures.putAll(recovered(clerk, 600));
        figures.put("cdcOutcomesSinceRestart", ErpClerk.outcomesAt(second));
        summary(figures);
        return second;
    }

    /** Part 2: PostgreSQL stopped with immediate mode under orders and price changes, and started again. */
    private void crashTheDatabaseUnderLoad(HubProcess hub) throws Exception {
        int restBefore = traffic.restAccepted();
        ErpClerk clerk = new ErpClerk(erp);
        clerk.type(2, 100);
        List<ChannelOrder> more = ChannelTraffic.mixedOrders("D", 100, CONTESTED);
        traffic.sendToTopics(more.stream().filter(o -> o.channel() != Channel.WEB).toList());
        CompletableFuture<Void> posting = CompletableFuture.runAsync(
                () -> traffic.postUntilAccepted(more.stream().filter(o -> o.channel() == Channel.WEB).toList(), 8, PATIENCE));
        await().atMost(PATIENCE).until(() -> traffic.restAccepted() >= restBefore + 15);
        int refusalsBefore = traffic.refusals();
        DatabaseCrash database = DatabaseCrash.of(folder.resolve("postgres"));
        database.stopImmediately();
        // a channel sees the outage: its calls fail until the database is back
        await().atMost(Duration.ofMinutes(1)).until(() -> traffic.refusals() > refusalsBefore);
        database.start();
        posting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("test", "HubCrashIT.postgresImmediateStop");
        figures.put("ordersSent", more.size());
        figures.put("restRefusedDuringOutage", traffic.refusals() - refusalsBefore);
        figures.putAll(recovered(clerk, 100));
        figures.put("cdcOutcomesSinceRestart", ErpClerk.outcomesAt(hub));
        summary(figures);
    }

    private HubProcess start(String name) {
        HubProcess hub = HubProcess.start(folder, name, port, settings);
        hubs.add(hub);
        return hub;
    }

    /** After a recovery: every accepted order final, the guarantees, the clerk's prices everywhere; the figures. */
    private Map<String, Object> recovered(ErpClerk clerk, int changes) {
        Set<String> accepted = traffic.accepted();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("accepted", accepted.size());
        figures.put("final", guarantees.awaitFinal(accepted, PATIENCE));
        figures.putAll(guarantees.assertAll(accepted, CONTESTED, onHandBefore));
        clerk.awaitDone();
        assertThat(clerk.committed()).as("price changes the clerk committed").isEqualTo(changes);
        ErpClerk.awaitPricesConverge(hubDb, erp, pos);
        figures.put("priceChanges", clerk.committed());
        return figures;
    }

    private JdbcTemplate database(String database, String user) {
        return HubProcess.database(postgresPort, database, user);
    }

    /** One machine-readable line per scenario, for the figures the lead quotes. */
    private static void summary(Map<String, Object> figures) throws JsonProcessingException {
        System.out.println("CRASH-SUMMARY " + new ObjectMapper().writeValueAsString(figures));
    }
}
