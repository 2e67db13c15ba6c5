package org.retailhub.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.pricing.AppliedPromotion;
import org.retailhub.domain.pricing.PricedLine;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.Money;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order reads and writes the process's steps make several times per order, against a real PostgreSQL: each does
 * in one statement what took two or four, and answers what the longer way answered.
 */
class OrderRepositoryIT {

    private static HubDatabase db;
    private static JdbcTemplate jdbc;

    private OrderRepository orders;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void reset() {
        jdbc.update("delete from hub.outbox");
        jdbc.update("delete from hub.order_promotion");
        jdbc.update("delete from hub.order_history");
        jdbc.update("delete from hub.order_line");
        jdbc.update("delete from hub.customer_order");
        orders = new OrderRepository(jdbc);
    }

    @Test
    void theOrderWithItsLinesOnlyIsTheFullOrderWithoutPromotionsAndHistory() {
        UUID id = stored("R-1", new OrderLineRequest("SKU-0001", 2), new OrderLineRequest("SKU-0002", 1),
                new OrderLineRequest("SKU-0003", 4));
        orders.recordReservedQuantity(id, 1, 2);
        orders.recordReservedQuantity(id, 2, 0);
        orders.recordReservedQuantity(id, 3, 3);
        Money euro = Money.of("10.00", "EUR");
        orders.savePricing(id, List.of(
                new PricedLine(1, euro, Money.of("20.00", "EUR"), Money.of("2.00", "EUR"), Money.of("18.00", "EUR"),
                        List.of(new AppliedPromotion(1, "TEN", 10, Money.of("2.00", "EUR")))),
                new PricedLine(3, euro, Money.of("30.00", "EUR"), Money.of("0.00", "EUR"), Money.of("30.00", "EUR"), List.of())),
                Money.of("48.00", "EUR"));

        Order full = orders.get(id);
        Order light = orders.withLinesOnly(id);

        assertThat(full.lines()).extracting(l -> l.lineTotal() == null ? null : l.lineTotal().amount().toPlainString())
                .containsExactly("18.00", null, "30.00");
        assertThat(full.promotions()).extracting(AppliedPromotion::lineNo, AppliedPromotion::code).containsExactly(tuple(1, "TEN"));
        assertThat(full.total()).isEqualTo(Money.of("48.00", "EUR"));
        assertThat(full.history()).hasSize(1);
        assertThat(light.promotions()).isEmpty();
        assertThat(light.history()).isEmpty();
        assertThat(light.lines()).extracting(OrderLine::lineNo).containsExactly(1, 2, 3);
        assertThat(light).usingRecursiveComparison().ignoringFields("promotions", "history").isEqualTo(full);
    }

    @Test
    void aRepricingReplacesThePromotionsAndAnOrderWithoutAnyStoresNone() {
        UUID id = stored("R-5", new OrderLineRequest("SKU-0001", 1));
        Money price = Money.of("5.00", "EUR");
        orders.savePricing(id, List.of(new PricedLine(1, price, price, Money.of("1.00", "EUR"), Money.of("4.00", "EUR"),
                List.of(new AppliedPromotion(1, "ONE", 20, Money.of("1.00", "EUR"))))), Money.of("4.00", "EUR"));
        orders.savePricing(id, List.of(new PricedLine(1, price, price, Money.of("0.00", "EUR"), price, List.of())), price);

        Order order = orders.get(id);

        assertThat(order.promotions()).isEmpty();
        assertThat(order.lines().get(0).lineTotal()).isEqualTo(price);
        assertThat(order.total()).isEqualTo(price);
    }

    @Test
    void anUnknownOrderIsNotFoundByEitherRead() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> orders.withLinesOnly(unknown)).isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> orders.get(unknown)).isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aStatusChangeAnswersTheOrderAsItNowIsAndARefusedOneChangesNothing() {
        UUID id = stored("R-2", new OrderLineRequest("SKU-0001", 1));
        String number = orders.assignOrderNumber(id);

        OrderHeader confirmed = orders.updateStatus(id, OrderStatus.CONFIRMED, "partially confirmed").orElseThrow();

        assertThat(confirmed).isEqualTo(orders.header(id));
        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.statusReason()).isEqualTo("partially confirmed");
        assertThat(confirmed.orderNumber()).isEqualTo(number);
        assertThat(orders.updateStatus(id, OrderStatus.REFUNDED, null)).as("only a paid order is refunded").isEmpty();
        assertThat(orders.get(id).history()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.RECEIVED, OrderStatus.CONFIRMED);
        assertThat(orders.header(id).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void anOrderKeepsItsNumberAndAskingAgainUsesUpNoNumber() {
        UUID first = stored("R-3", new OrderLineRequest("SKU-0001", 1));
        UUID second = stored("R-4", new OrderLineRequest("SKU-0001", 1));

        String number = orders.assignOrderNumber(first);
        String again = orders.assignOrderNumber(first);
        String next = orders.assignOrderNumber(second);

        assertThat(number).matches("RH-\\d{8}");
        assertThat(again).isEqualTo(number);
        assertThat(orders.header(first).orderNumber()).isEqualTo(number);
        assertThat(Long.parseLong(next.substring(3))).isEqualTo(Long.parseLong(number.substring(3)) + 1);
        assertThatThrownBy(() -> orders.assignOrderNumber(UUID.randomUUID())).isInstanceOf(OrderNotFoundException.class);
    }

    private UUID stored(String externalId, OrderLineRequest... lines) {
        UUID id = UUID.randomUUID();
        assertThat(orders.insertIfAbsent(id, new OrderRequest(Channel.WEB, externalId, "STORE-001", null, false, null, null,
                List.of(lines)), null, "EUR", OrderStatus.RECEIVED)).isTrue();
        return id;
    }
}
