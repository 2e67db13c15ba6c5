package org.retailhub.domain.order;

import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.pricing.AppliedPromotion;
import org.retailhub.domain.shared.Money;

/** A stored order with its lines, prices, promotions and history: what the order API shows. */
public record Order(UUID id, Channel channel, String externalId, String storeId, LoyaltyTier loyaltyTier,
                    boolean allowPartial, PaymentMethod paymentMethod, OrderStatus status, String orderNumber, String statusReason,
                    Money total, List<OrderLine> lines, List<AppliedPromotion> promotions,
                    List<StatusChange> history, Instant receivedAt) {
}
