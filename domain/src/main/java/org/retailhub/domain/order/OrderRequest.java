package org.retailhub.domain.order;

import org.retailhub.domain.shared.Channel;
import org.retailhub.domain.shared.LoyaltyTier;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.retailhub.domain.order.PaymentMethod;

/**
 * An order as any channel submits it, after the channel's format has been mapped to the canonical model.
 * (channel, externalId) identifies it: submitting the same pair twice yields the same order. A coupon code is optional;
 * it is kept in upper case, so customers may type it as they like. The customer is optional too: the hub's golden id
 * ({@code CU100007}) or the CRM's number ({@code C0000007}); the order keeps the golden id only, and only for customer
 * insight (a customer the hub does not know leaves the order unlinked, never refused).
 */
public record OrderRequest(
        @NotNull Channel channel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1-64 characters A-Z, a-z, 0-9, '.', '_', ':' or '-'") String externalId,
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,20}", message = "must be 1-20 characters A-Z, 0-9 or '-'") String storeId,
        LoyaltyTier loyaltyTier,
        boolean allowPartial,
        PaymentMethod paymentMethod,
        @Pattern(regexp = "[0-9]{16,19}", message = "must be 16-19 digits") String giftCardNumber,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull OrderLineRequest> lines,
        @Pattern(regexp = "[A-Za-z0-9-]{3,20}", message = "must be 3-20 characters A-Z, a-z, 0-9 or '-'") String couponCode,
        @Pattern(regexp = "[A-Z0-9]{2,20}", message = "must be 2-20 characters A-Z or 0-9") String customer) {

    public OrderRequest {
        couponCode = couponCode == null || couponCode.isBlank() ? null : couponCode.strip().toUpperCase(Locale.ROOT);
        loyaltyTier = loyaltyTier == null ? LoyaltyTier.NONE : loyaltyTier;
        paymentMethod = paymentMethod == null ? PaymentMethod.CARD : paymentMethod;
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** An order without a coupon code, as most channels send it. */
    public OrderRequest(Channel channel, String externalId, String storeId, LoyaltyTier loyaltyTier, boolean allowPartial,
                        PaymentMethod paymentMethod, String giftCardNumber, List<OrderLineRequest> lines) {
        this(channel, externalId, storeId, loyaltyTier, allowPartial, paymentMethod, giftCardNumber, lines, null);
    }

    /** An order that names no customer. */
    public OrderRequest(Channel channel, String externalId, String storeId, LoyaltyTier loyaltyTier, boolean allowPartial,
                        PaymentMethod paymentMethod, String giftCardNumber, List<OrderLineRequest> lines, String couponCode) {
        this(channel, externalId, storeId, loyaltyTier, allowPartial, paymentMethod, giftCardNumber, lines, couponCode, null);
    }

    /** A gift card number exactly when the method uses one. */
    @JsonIgnore
    @AssertTrue(message = "giftCardNumber is required for GIFT_CARD and SPLIT payments, and only for them")
    public boolean isGiftCardConsistent() {
        return paymentMethod.usesGiftCard() == (giftCardNumber != null && !giftCardNumber.isBlank());
    }

    /** Never print the gift card number. */
    @Override
    public String toString() {
        return "OrderRequest[" + channel + " " + externalId + ", store " + storeId + ", " + lines.size() + " lines, " + paymentMethod + "]";
    }
}
