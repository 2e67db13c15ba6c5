package org.retailhub.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.rollout.StorePath;
import org.retailhub.domain.rollout.StoreRoutes;
import org.retailhub.domain.rollout.UnknownStoreException;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legacy path against a real PostgreSQL: an order of a store on it is stored as FORWARDED_TO_LEGACY with its
 * hand-over in the same transaction, gets no process, and is booked at the legacy system exactly once, also when the
 * hub that accepted it is gone before the hand-over or lost the legacy system's answer.
 */
class LegacyHandoverIT {

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private final LegacyErp erp = new LegacyErp();
    private final List<UUID> started = new CopyOnWriteArrayList<>();
    private StoreRoutes routes;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void reset() {
        jdbc.update("delete from hub.legacy_handover");
        jdbc.update("delete from hub.outbox");
        jdbc.update("delete from hub.order_history");
        jdbc.update("delete from hub.order_line");
        jdbc.update("delete from hub.customer_order");
        jdbc.update("delete from hub.store_route");
        routes = new StoreRoutes(jdbc, tx, new AuditTrail(jdbc), StorePath.HUB);
    }

    @Test
    void anOrderOfALegacyStoreWaitsDurablyAndIsBookedOnceByWhicheverHubComesNext() {
        routes.change("STORE-001", StorePath.LEGACY, "admin", "pilot paused");
        AcceptedOrder accepted = acceptance(handover()).accept(order("L-1"));

        assertThat(accepted.path()).isEqualTo(StorePath.LEGACY);
        assertThat(new OrderRepository(jdbc).get(accepted.orderId()).status()).isEqualTo(OrderStatus.FORWARDED_TO_LEGACY);
        assertThat(started).as("no fulfilment in the hub").isEmpty();
        assertThat(jdbc.queryForList("select event_type from hub.outbox", String.class)).containsExactly("OrderForwardedToLegacy");

        // the hub that accepted it is gone: a new one (new objects, same database) finds the hand-over and books it
        LegacyHandover next = handover();
        assertThat(next.due()).isEqualTo(1);
        assertThat(next.forwardDue(10)).isEqualTo(1);
        assertThat(next.forwardDue(10)).as("nothing twice").isZero();
        assertThat(erp.booked).containsOnlyKeys("WEB:L-1");
        assertThat(new OrderRepository(jdbc).get(accepted.orderId()).statusReason()).contains(erp.booked.get("WEB:L-1"));
        assertThat(next.due()).isZero();
    }

    @Test
    void aHandoverWhoseAnswerWasLostIsRepeatedWithItsKeyAndBookedOnce() {
        routes.change("STORE-001", StorePath.LEGACY, "admin", "pilot paused");
        LegacyHandover handover = handover();
        acceptance(handover).accept(order("L-2"));
        acceptance(handover).accept(order("L-3"));
        erp.loseNextAnswer.set(true);

        assertThat(handover.forwardDue(10)).as("the round ends at the first failure").isZero();
        assertThat(handover.due()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select last_error from hub.legacy_handover where idempotency_key = 'WEB:L-2'", String.class))
                .contains("answer lost");

        assertThat(handover.forwardDue(10)).isEqualTo(2);
        assertThat(erp.requests).containsExactly("WEB:L-2", "WEB:L-2", "WEB:L-3");
        assertThat(erp.booked).containsOnlyKeys("WEB:L-2", "WEB:L-3");
        assertThat(jdbc.queryForObject("select attempts from hub.legacy_handover where idempotency_key = 'WEB:L-2'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aRepeatKeepsThePathTheOrderFirstTookAfterTheStoreSwitched() {
        LegacyHandover handover = handover();
        AcceptedOrder onHub = acceptance(handover).accept(order("L-4"));
        routes.change("STORE-001", StorePath.LEGACY, "admin", "pilot paused");
        AcceptedOrder repeat = acceptance(handover).accept(order("L-4"));
        AcceptedOrder onLegacy = acceptance(handover).accept(order("L-5"));
        routes.change("STORE-001", StorePath.HUB, "admin", "pilot resumed");

        assertThat(repeat).isEqualTo(new AcceptedOrder(onHub.orderId(), false, StorePath.HUB));
        assertThat(acceptance(handover).accept(order("L-5"))).isEqualTo(new AcceptedOrder(onLegacy.orderId(), false, StorePath.LEGACY));
        assertThat(started).containsExactly(onHub.orderId());
        assertThat(handover.due()).isEqualTo(1);
        assertThat(jdbc.queryForList("select detail from hub.audit_event where action = 'store-route-changed' and subject_id = 'STORE-001' "
                + "order by id", String.class)).containsExactly("HUB -> LEGACY: pilot paused", "LEGACY -> HUB: pilot resumed");
    }

    @Test
    void aStoreTakesTheDefaultUntilRoutedAndOnlyKnownStoresAreRouted() {
        assertThat(new StoreRoutes(jdbc, tx, new AuditTrail(jdbc), StorePath.LEGACY).route("STORE-002").path()).isEqualTo(StorePath.LEGACY);
        assertThat(routes.route("STORE-002").explicit()).isFalse();
        assertThatThrownBy(() -> routes.change("NO-SUCH", StorePath.LEGACY, "admin", "typo")).isInstanceOf(UnknownStoreException.class);
        int audited = jdbc.queryForObject("select count(*) from hub.audit_event", Integer.class);
        assertThat(routes.change("STORE-002", StorePath.HUB, "admin", "already there").explicit()).as("no change, no row").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from hub.audit_event", Integer.class)).isEqualTo(audited);
    }

    private LegacyHandover handover() {
        return new LegacyHandover(jdbc, tx, new OrderRepository(jdbc), erp);
    }

    private OrderAcceptance acceptance(LegacyHandover handover) {
        OrderRepository orders = new OrderRepository(jdbc);
        OrderJournal journal = new OrderJournal(orders, new Outbox(jdbc, new ObjectMapper().findAndRegisterModules()),
                Clock.systemUTC(), "orders.events");
        OrderProcesses processes = new OrderProcesses() {
            @Override
            public void start(UUID orderId) {
                started.add(orderId);
            }

            @Override
            public boolean cancel(UUID orderId, String reason) {
                return false;
            }
        };
        return new OrderAcceptance(orders, new Catalogue(jdbc), journal, processes, tx, "EUR", PaymentMethodPolicy.acceptEverything(),
                number -> null, routes, handover);
    }

    private static OrderRequest order(String externalId) {
        return new OrderRequest(Channel.WEB, externalId, "STORE-001", null, false, null, null, List.of(new OrderLineRequest("SKU-0001", 1)));
    }

    /** The legacy ERP's sales-order intake: one sales order per key; it can lose its answer after booking, once. */
    private static final class LegacyErp implements LegacyOrders {

        final Map<String, String> booked = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicBoolean loseNextAnswer = new AtomicBoolean();

        @Override
        public String book(Order order, GiftCardToken giftCard, String idempotencyKey) {
            requests.add(idempotencyKey);
            String number = booked.computeIfAbsent(idempotencyKey, k -> String.format("%010d", booked.size() + 1));
            if (loseNextAnswer.getAndSet(false)) {
                throw new IllegalStateException("answer lost after booking " + idempotencyKey);
            }
            return number;
        }
    }
}
