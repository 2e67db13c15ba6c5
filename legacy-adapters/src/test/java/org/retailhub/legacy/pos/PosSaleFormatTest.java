package org.retailhub.legacy.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;

class PosSaleFormatTest {

    @Test
    void tillSaleBecomesCanonicalOrderIdentifiedByStoreTillAndReceipt() {
        OrderRequest order = PosSaleFormat.parse(bytes("""
                HDR;STORE-001;TILL-03;000123;20261125101500;GOLD
                ITM;1;SKU-0001;2
                ITM;2;SKU-0007;1
                TRL;2
                """));

        assertThat(order.channel()).isEqualTo(Channel.POS);
        assertThat(order.externalId()).isEqualTo("STORE-001-TILL-03-000123");
        assertThat(order.storeId()).isEqualTo("STORE-001");
        assertThat(order.loyaltyTier()).isEqualTo(LoyaltyTier.GOLD);
        assertThat(order.lines()).containsExactly(new OrderLineRequest("SKU-0001", 2), new OrderLineRequest("SKU-0007", 1));
    }

    @Test
    void formattedSaleParsesBackToTheSameOrder() {
        List<OrderLineRequest> lines = List.of(new OrderLineRequest("SKU-0042", 3));
        OrderRequest order = PosSaleFormat.parse(PosSaleFormat.format("STORE-002", "TILL-01", "9", "20261125120000", LoyaltyTier.NONE, lines));

        assertThat(order.lines()).isEqualTo(lines);
        assertThat(order.externalId()).isEqualTo("STORE-002-TILL-01-9");
    }

    @Test
    void trailerCountMismatchIsRejectedWithTheSaleId() {
        assertThatThrownBy(() -> PosSaleFormat.parse(bytes("HDR;STORE-001;TILL-03;7;20261125101500;\nITM;1;SKU-0001;2\nTRL;3\n")))
                .isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("declares 3 items but the record holds 1")
                .extracting(e -> ((InvalidOrderException) e).externalId()).isEqualTo("STORE-001-TILL-03-7");
    }

    @Test
    void malformedRecordsAreRejectedWithTheLineThatIsWrong() {
        assertThatThrownBy(() -> PosSaleFormat.parse(bytes("ITM;1;SKU-0001;2\nTRL;1")))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("expected HDR");
        assertThatThrownBy(() -> PosSaleFormat.parse(bytes("HDR;S;T;1;2;\nITM;1;SKU-0001;two\nTRL;1")))
                .hasMessageContaining("record 2: quantity 'two' is not a number");
        assertThatThrownBy(() -> PosSaleFormat.parse(bytes("HDR;S;T;1;2;DIAMOND\nTRL;0")))
                .hasMessageContaining("unknown loyalty tier 'DIAMOND'");
        assertThatThrownBy(() -> PosSaleFormat.parse(new byte[0])).hasMessageContaining("empty");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
