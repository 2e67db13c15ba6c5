package org.retailhub.connectors.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;

class PartyClientTest {

    /** A party on port 9 (discard), closed on loopback: every connection is refused at once. */
    private record Unreachable(String party) implements PartyConnection {
        public URI baseUrl() {
            return URI.create("http://127.0.0.1:9");
        }

        public Duration connectTimeout() {
            return Duration.ofMillis(200);
        }

        public Duration readTimeout() {
            return Duration.ofMillis(200);
        }

        public int maxAttempts() {
            return 2;
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
        PartyClient crm = PartyClient.standard("crm", new Unreachable("crm"), List.of(), new ObjectMapper(), PaymentProviderUnavailableException::new);

        assertThatThrownBy(() -> crm.call("GET", "/crm/giftcards/6036000000000002", null, null))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageStartingWith("crm unavailable for GET /crm/giftcards/****0002")
                .hasMessageNotContaining("6036000000000002");
    }

    @Test
    void eachPartyHasItsOwnErrorAndItsOwnCircuit() {
        PartyClient erp = PartyClient.standard("erp", new Unreachable("erp"), List.of(), new ObjectMapper(), ErpUnavailableException::new);

        assertThatThrownBy(() -> erp.call("POST", "/erp/deliveries", java.util.Map.of(), "k1"))
                .isInstanceOf(ErpUnavailableException.class).hasMessageStartingWith("erp unavailable for POST /erp/deliveries");
    }

    @Test
    void aSimulatorInThisJvmIsCalledInsteadOfTheConfiguredAddress() {
        Unreachable configured = new Unreachable("psp");
        URI inProcess = URI.create("http://127.0.0.1:12345");

        assertThat(PartyClient.at("psp", configured, List.of(new PartyAddress("erp", () -> URI.create("http://other")),
                new PartyAddress("psp", () -> inProcess))).get()).isEqualTo(inProcess);
        assertThat(PartyClient.at("crm", configured, List.of(new PartyAddress("psp", () -> inProcess))).get()).isEqualTo(configured.baseUrl());
    }
}
