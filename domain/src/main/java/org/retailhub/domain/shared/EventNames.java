package org.retailhub.domain.shared;

import java.util.Locale;

/** How the hub names its canonical events: what changed and the state it reached, e.g. {@code OrderPaid}, {@code PaymentCaptured}. */
public final class EventNames {

    private EventNames() {
    }

    /** {@code subject} followed by the state in camel case: {@code of("Order", AWAITING_PAYMENT)} is {@code OrderAwaitingPayment}. */
    public static String of(String subject, Enum<?> state) {
        StringBuilder out = new StringBuilder(subject);
        for (String part : state.name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
