package org.retailhub.processes.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.order.PaymentMethodPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of order fulfilment.
 *
 * @param paymentTimeout how long a pending payment waits for the provider's outcome before the hub asks, then gives up
 * @param currency       ISO 4217 code of the prices in the catalogue
 * @param payInStoreTimeout how long a pay-in-store (or cash on delivery) order waits for the till's confirmation
 * @param paymentMethods    payment methods accepted per channel, e.g. {@code hub.orders.payment-methods.pos=CARD,GIFT_CARD};
 *                          a channel not listed accepts every method
 */
@Validated
@ConfigurationProperties("hub.orders")
public record OrderProperties(@NotNull @DefaultValue("PT15M") Duration paymentTimeout,
                              @NotNull @Pattern(regexp = "[A-Z]{3}") @DefaultValue("EUR") String currency,
                              @NotNull @DefaultValue("P7D") Duration payInStoreTimeout,
                              Map<Channel, Set<PaymentMethod>> paymentMethods) {

    public OrderProperties {
        paymentMethods = paymentMethods == null ? Map.of() : Map.copyOf(paymentMethods);
    }

    public PaymentMethodPolicy paymentMethodPolicy() {
        return new PaymentMethodPolicy(paymentMethods);
    }
}
