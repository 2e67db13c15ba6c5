package org.retailhub.connectors.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.retailhub.domain.order.OrderTrace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;

class PartyClientTest {

    /** A party at {@code baseUrl} with one time-out for connecting and reading. */
    private record At(URI baseUrl, Duration timeout, int maxAttempts) implements PartyConnection {

        /** A party on port 9 (discard), closed on loopback: every connection is refused at once. */
        static At unreachable() {
            return new At(URI.create("http://127.0.0.1:9"), Duration.ofMillis(200), 2);
        }

        public Duration connectTimeout() {
            return timeout;
        }

        public Duration readTimeout() {
            return timeout;
        }

        public Duration retryWait() {
            return Duration.ofMillis(10);
        }

        public boolean simulator() {
            return false;
        }

        public int simulatorPort() {
            return 0;
        }
    }

    @Test
    void cardNumbersInPathsAndAnswersAreMaskedToTheLastFourDigits() {
        assertThat(PartyClient.redact("/crm/giftcards/6036000000000002/redemptions")).isEqualTo("/crm/giftcards/****0002/redemptions");
        assertThat(PartyClient.redact("order 1234 for store 42")).isEqualTo("order 1234 for store 42");
    }

    @Test
    void unreachablePartyIsReportedWithItsOwnErrorAndWithoutTheCardNumber() {
        PartyClient crm = PartyClient.standard("crm", At.unreachable(), List.of(), new ObjectMapper(), PaymentProviderUnavailableException::new);

        assertThatThrownBy(() -> crm.call("GET", "/crm/giftcards/6036000000000002", null, null))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageStartingWith("crm unavailable for GET /crm/giftcards/****0002")
                .hasMessageNotContaining("6036000000000002");
    }

    @Test
    void eachPartyHasItsOwnErrorAndItsOwnCircuit() {
        PartyClient erp = PartyClient.standard("erp", At.unreachable(), List.of(), new ObjectMapper(), ErpUnavailableException::new);

        assertThatThrownBy(() -> erp.call("POST", "/erp/deliveries", java.util.Map.of(), "k1"))
                .isInstanceOf(ErpUnavailableException.class).hasMessageStartingWith("erp unavailable for POST /erp/deliveries");
    }

    @Test
    void aCallMadeForAnOrderCarriesItsTraceToTheParty() throws Exception {
        List<String> traceparents = new CopyOnWriteArrayList<>();
        HttpServer psp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        psp.createContext("/", exchange -> {
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"status\":\"AUTHORIZED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        psp.start();
        try {
            URI address = URI.create("http://127.0.0.1:" + psp.getAddress().getPort());
            PartyClient client = PartyClient.standard("psp", new At(address, Duration.ofSeconds(30), 1), List.of(), new ObjectMapper(),
                    PaymentProviderUnavailableException::new);
            UUID order = UUID.randomUUID();

            client.call("POST", "/psp/payments", java.util.Map.of("amount", 1), "k1");
            try (OrderTrace.Scope ignored = OrderTrace.of(order)) {
                assertThat(client.call("POST", "/psp/payments", java.util.Map.of("amount", 1), "k2").get("status").asText())
                        .isEqualTo("AUTHORIZED");
            }

            assertThat(traceparents).hasSize(2);
            assertThat(traceparents.get(0)).as("no order, no trace").isEqualTo("null");
            assertThat(traceparents.get(1)).matches("00-" + OrderTrace.traceId(order) + "-[0-9a-f]{16}-01");
        } finally {
            psp.stop(0);
        }
    }

    @Test
    void aSimulatorInThisJvmIsCalledInsteadOfTheConfiguredAddress() {
        At configured = At.unreachable();
        URI inProcess = URI.create("http://127.0.0.1:12345");

        assertThat(PartyClient.at("psp", configured, List.of(new PartyAddress("erp", () -> URI.create("http://other")),
                new PartyAddress("psp", () -> inProcess))).get()).isEqualTo(inProcess);
        assertThat(PartyClient.at("crm", configured, List.of(new PartyAddress("psp", () -> inProcess))).get()).isEqualTo(configured.baseUrl());
    }
}
