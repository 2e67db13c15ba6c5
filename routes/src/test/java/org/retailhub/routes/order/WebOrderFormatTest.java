package org.retailhub.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.shared.LoyaltyTier;
import org.retailhub.domain.order.OrderLineRequest;
import org.retailhub.domain.order.OrderRequest;
import org.retailhub.domain.order.PaymentMethod;

class WebOrderFormatTest {

    private final WebOrderFormat format = new WebOrderFormat(new ObjectMapper());

    @Test
    void webShopJsonBecomesCanonicalOrderWithoutPersonalData() {
        OrderRequest order = format.parse(bytes("""
                {"orderRef":"W-1001","store":"WEB-DC","customer":{"loyaltyTier":"GOLD","email":"jane@example.org","name":"Jane"},
                 "allowPartialDelivery":true,"payment":{"method":"WALLET"},"items":[{"sku":"SKU-0001","qty":2},{"sku":"SKU-0002","qty":1}]}"""), Channel.APP);

        assertThat(order).isEqualTo(new OrderRequest(Channel.APP, "W-1001", "WEB-DC", LoyaltyTier.GOLD, true, PaymentMethod.WALLET, null,
                java.util.List.of(new OrderLineRequest("SKU-0001", 2), new OrderLineRequest("SKU-0002", 1))));
        assertThat(order.toString()).doesNotContain("jane").doesNotContain("Jane");
    }

    @Test
    void theCustomersIdIsKeptForInsightAndNothingElseOfThem() {
        OrderRequest order = format.parse(bytes("""
                {"orderRef":"W-3","store":"WEB-DC","customer":{"id":"C0000007","email":"jane@example.org"},"items":[{"sku":"SKU-0001","qty":1}]}"""),
                Channel.WEB);

        assertThat(order.customer()).isEqualTo("C0000007");
        assertThat(order.toString()).doesNotContain("jane");
    }

    @Test
    void missingCustomerMeansNoLoyaltyTier() {
        OrderRequest order = format.parse(bytes("{\"orderRef\":\"W-2\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":1}]}"), Channel.WEB);

        assertThat(order.loyaltyTier()).isEqualTo(LoyaltyTier.NONE);
        assertThat(order.allowPartial()).isFalse();
    }

    @Test
    void unreadableMessagesAreInvalidOrdersWithAReason() {
        assertThatThrownBy(() -> format.parse(bytes("{\"orderRef\":"), Channel.WEB))
                .isInstanceOf(InvalidOrderException.class).hasMessageStartingWith("WEB order message is not valid order JSON");
        assertThatThrownBy(() -> format.parse(bytes("{\"items\":\"none\"}"), Channel.MARKETPLACE))
                .isInstanceOf(InvalidOrderException.class).hasMessageStartingWith("MARKETPLACE order message is not valid order JSON");
        assertThatThrownBy(() -> format.parse(bytes("null"), Channel.WEB)).hasMessageContaining("JSON null");
        assertThatThrownBy(() -> format.parse(new byte[0], Channel.WEB)).hasMessageContaining("empty");
        assertThatThrownBy(() -> format.parse(new byte[300 * 1024], Channel.WEB)).hasMessageContaining("larger than");
    }

    /** The reason is read by operators and integrators: it names the field and the JSON expected, not the hub's Java types. */
    @Test
    void aReasonSpeaksJsonNotJava() {
        assertThatThrownBy(() -> format.parse(bytes("{\"items\":\"none\"}"), Channel.WEB))
                .hasMessage("WEB order message is not valid order JSON at items: expected a list");
        assertThatThrownBy(() -> format.parse(bytes("{\"items\":[{\"sku\":\"SKU-0001\",\"qty\":\"2\"}]}"), Channel.WEB))
                .hasMessage("WEB order message is not valid order JSON at items[0].qty: expected a whole number");
        assertThatThrownBy(() -> format.parse(bytes("{\"customer\":{\"loyaltyTier\":\"DIAMOND\"},\"items\":[]}"), Channel.APP))
                .hasMessageStartingWith("APP order message is not valid order JSON at customer.loyaltyTier: expected one of ")
                .hasMessageContaining("GOLD");
        assertThatThrownBy(() -> format.parse(bytes("{\"payment\":[1],\"items\":[]}"), Channel.WEB))
                .hasMessage("WEB order message is not valid order JSON at payment: expected an object");
        assertThatThrownBy(() -> format.parse(bytes("{\"orderRef\":\"W-1\",\"orderRef\":\"W-2\"}"), Channel.WEB))
                .hasMessageStartingWith("WEB order message is not valid order JSON").hasMessageNotContaining("org.retailhub")
                .hasMessageNotContaining("java.");
    }

    /** Found by trying it: valid JSON of an odd shape used to escape as a NullPointerException, retried forever. */
    @Test
    void aNullItemIsRefusedNotThrownAsAnUnexpectedFailure() {
        assertThatThrownBy(() -> format.parse(bytes("{\"orderRef\":\"W-3\",\"store\":\"WEB-DC\",\"items\":[null]}"), Channel.WEB))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("items[0]");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
