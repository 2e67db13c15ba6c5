package org.retailhub.domain.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.retailhub.domain.payment.PaymentMethod;

/**
 * An order as any channel submits it, after the channel's format has been mapped to the canonical model.
 * (channel, externalId) identifies it: submitting the same pair twice yields the same order.
 */
public record OrderRequest(
        @NotNull Channel channel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1-64 characters A-Z, a-z, 0-9, '.', '_', ':' or '-'") String externalId,
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,20}", message = "must be 1-20 characters A-Z, 0-9 or '-'") String storeId,
        LoyaltyTier loyaltyTier,
        boolean allowPartial,
        PaymentMethod paymentMethod,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull OrderLineRequest> lines) {

    public OrderRequest {
        loyaltyTier = loyaltyTier == null ? LoyaltyTier.NONE : loyaltyTier;
        paymentMethod = paymentMethod == null ? PaymentMethod.CARD : paymentMethod;
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
