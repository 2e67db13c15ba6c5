package org.retailhub.connectors.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;

class ResilientJsonCallsTest {

    @Test
    void cardNumbersInPathsAndAnswersAreMaskedToTheLastFourDigits() {
        assertThat(ResilientJsonCalls.redact("/crm/giftcards/6036000000000002/redemptions")).isEqualTo("/crm/giftcards/****0002/redemptions");
        assertThat(ResilientJsonCalls.redact("order 1234 for store 42")).isEqualTo("order 1234 for store 42");
    }

    @Test
    void unreachablePartyIsReportedWithoutTheCardNumber() {
        ResilientJsonCalls calls = ResilientJsonCalls.standard("crm", Duration.ofMillis(200), Duration.ofMillis(200), 2, Duration.ofMillis(10),
                new ObjectMapper());

        // port 9 (discard) is closed on loopback: the connection is refused at once
        assertThatThrownBy(() -> calls.call("GET", URI.create("http://127.0.0.1:9/crm/giftcards/6036000000000002"), null, null))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageContaining("/crm/giftcards/****0002")
                .hasMessageNotContaining("6036000000000002");
    }
}
