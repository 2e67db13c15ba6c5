package org.retailhub.app.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.net.URI;
import java.math.BigDecimal;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.simulator.crm.CrmGiftCardSimulator;
import org.retailhub.simulator.erp.ErpDeliverySimulator;
import org.retailhub.simulator.psp.PspSimulator;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.OrderAcceptance;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps its data in a folder: an order whose payment was authorised-pending when the hub
 * stopped completes after the restart when the provider's webhook arrives, and is not duplicated when the
 * channel sends it again. The PSP simulator runs outside the hub here, as a real provider would.
 */
class RestartIT {

    private static final String SECRET = "restart-test-webhook-secret";

    @TempDir
    Path folder;

    @Test
    void orderAcceptedBeforeAStopIsPaidAfterTheRestartAndNotDuplicated() throws Exception {
        Path data = Files.createDirectories(folder.resolve("postgres"));
        OrderRequest order = new OrderRequest(Channel.WEB, "IT-RESTART-1", "STORE-001", null, false, null, null,
                java.util.List.of(new OrderLineRequest("SKU-0033", 2)));
        UUID id;
        try (PspSimulator psp = PspSimulator.start(0, SECRET)) {
            psp.asyncCards(true);
            psp.withholdWebhooks(true);
            psp.webhookDelay(Duration.ofMillis(100));
        try (ConfigurableApplicationContext first = start(data, psp)) {
            id = first.getBean(OrderAcceptance.class).accept(order).orderId();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, id), "AWAITING_PAYMENT"::equals);
            await().atMost(Duration.ofSeconds(30)).until(() -> psp.payments().size(), n -> n == 1);
        }

        try (ConfigurableApplicationContext second = start(data, psp)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            psp.sendWebhooksTo(URI.create("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort()
                    + "/api/payments/webhooks/simpsp"));
            psp.releaseWebhooks();
            assertThat(second.getBean(OrderAcceptance.class).accept(order).orderId()).isEqualTo(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, id), "PAID"::equals);
            assertThat(jdbc.queryForObject("select count(*) from hub.customer_order", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-0033'", Integer.class))
                    .isEqualTo(198);
            assertThat(psp.payments()).hasSize(1);
            assertThat(psp.payments().get(0).captures()).isEqualTo(1);
        }
        }
    }

    /**
     * The embedded default's simulators keep their state beside the hub's data: after a restart of the hub the PSP
     * still knows its payments and captures and sends the webhook that was due, the CRM keeps the gift card's new
     * balance and the ERP its deliveries (before, a wallet order waiting for its webhook became an incident: "psp
     * refused GET /v1/payments/…: HTTP 404 no such payment").
     */
    @Test
    void theInProcessSimulatorsKeepTheirStateAcrossARestartOfTheHub() throws Exception {
        Path data = Files.createDirectories(folder.resolve("embedded").resolve("postgres"));
        OrderRequest card = order("IT-RESTART-SIM-CARD", PaymentMethod.CARD, null);
        OrderRequest gift = order("IT-RESTART-SIM-GIFT", PaymentMethod.GIFT_CARD, "6036000000000002");
        OrderRequest wallet = order("IT-RESTART-SIM-WALLET", PaymentMethod.WALLET, null);
        UUID cardId;
        UUID giftId;
        UUID walletId;
        try (ConfigurableApplicationContext first = startEmbedded(data)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            OrderAcceptance orders = first.getBean(OrderAcceptance.class);
            PspSimulator psp = first.getBean(PspSimulator.class);
            cardId = orders.accept(card).orderId();
            giftId = orders.accept(gift).orderId();
            await().atMost(Duration.ofSeconds(60)).until(() -> status(jdbc, cardId).equals("PAID") && status(jdbc, giftId).equals("PAID"));
            // the wallet's outcome is decided before the stop, its webhook held back: it is due when the hub stops
            psp.withholdWebhooks(true);
            walletId = orders.accept(wallet).orderId();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, walletId), "AWAITING_PAYMENT"::equals);
            await().atMost(Duration.ofSeconds(30)).until(() -> psp.byReference(paymentOf(jdbc, walletId)), p -> p != null && "AUTHORISED".equals(p.status()));
        }

        try (ConfigurableApplicationContext second = startEmbedded(data)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            PspSimulator psp = second.getBean(PspSimulator.class);
            assertThat(psp.byReference(paymentOf(jdbc, cardId)).captures()).isEqualTo(1);
            assertThat(second.getBean(ErpDeliverySimulator.class).deliveries())
                    .containsEntry(orderNumber(jdbc, cardId), jdbc.queryForObject("select delivery_id from hub.customer_order where id = ?", String.class, cardId));
            BigDecimal paidByGiftCard = jdbc.queryForObject("select amount from hub.payment where order_id = ?", BigDecimal.class, giftId);
            assertThat(second.getBean(CrmGiftCardSimulator.class).balance("6036000000000002"))
                    .isEqualByComparingTo(new BigDecimal("500.00").subtract(paidByGiftCard));

            await().atMost(Duration.ofSeconds(60)).until(() -> status(jdbc, walletId), "PAID"::equals);
            assertThat(psp.byReference(paymentOf(jdbc, walletId)).captures()).isEqualTo(1);
            assertThat(psp.payments()).hasSize(2);
        }
    }

    private static OrderRequest order(String externalId, PaymentMethod method, String giftCard) {
        return new OrderRequest(Channel.WEB, externalId, "STORE-002", null, false, method, giftCard, java.util.List.of(new OrderLineRequest("SKU-0034", 1)));
    }

    private static ConfigurableApplicationContext startEmbedded(Path data) {
        return start(data, "--hub.payment.psp.simulator-port=0", "--hub.payment.psp.simulator-webhook-delay=PT0.3S");
    }

    private static String paymentOf(JdbcTemplate jdbc, UUID orderId) {
        return jdbc.queryForObject("select id::text from hub.payment where order_id = ?", String.class, orderId);
    }

    private static String orderNumber(JdbcTemplate jdbc, UUID orderId) {
        return jdbc.queryForObject("select order_number from hub.customer_order where id = ?", String.class, orderId);
    }

    private static ConfigurableApplicationContext start(Path data, PspSimulator psp) {
        return start(data, "--hub.payment.psp.simulator=false", "--hub.payment.psp.base-url=" + psp.baseUrl(),
                "--hub.payment.psp.webhook-secret=" + SECRET);
    }

    /** Command-line arguments, because they outrank application.yaml (builder default properties do not). */
    private static ConfigurableApplicationContext start(Path data, String... psp) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0", "--hub.embedded.data-dir=" + data,
                "--hub.embedded.postgres-port=0", "--hub.cdc.enabled=false", "--hub.islands.simulator-pause=0s", "--hub.crm.simulator-port=0",
                "--hub.erp.simulator-port=0"));
        args.addAll(java.util.List.of(psp));
        return new SpringApplicationBuilder(RetailHubApplication.class).run(args.toArray(String[]::new));
    }

    private static String status(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForObject("select status from hub.customer_order where id = ?", String.class, id);
    }
}
