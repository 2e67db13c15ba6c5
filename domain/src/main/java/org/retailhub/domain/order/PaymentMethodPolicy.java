package org.retailhub.domain.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.retailhub.domain.shared.Channel;

/** Which payment methods the retailer accepts on which channel. A channel without an entry accepts every method. */
public final class PaymentMethodPolicy {

    private final Map<Channel, Set<PaymentMethod>> enabled;

    public PaymentMethodPolicy(Map<Channel, Set<PaymentMethod>> enabled) {
        this.enabled = new EnumMap<>(Channel.class);
        enabled.forEach((channel, methods) -> this.enabled.put(channel, methods.isEmpty() ? EnumSet.noneOf(PaymentMethod.class) : EnumSet.copyOf(methods)));
    }

    public static PaymentMethodPolicy acceptEverything() {
        return new PaymentMethodPolicy(Map.of());
    }

    public boolean accepts(Channel channel, PaymentMethod method) {
        Set<PaymentMethod> methods = enabled.get(channel);
        return methods == null || methods.contains(method);
    }
}
