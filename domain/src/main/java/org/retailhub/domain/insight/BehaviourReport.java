package org.retailhub.domain.insight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A behaviour event as the web shop and the app send it (REST beacon or Kafka topic {@code behaviour.events}).
 * The article's category and price come from the hub's catalogue, never from the sender.
 *
 * @param customer   the hub's golden customer id ({@code CU100007}) or the CRM's customer number ({@code C0000007})
 * @param storeId    the store the customer shops at, if the channel knows it
 * @param quantity   how many (purchases and cart changes); 1 if absent
 * @param occurredAt when it happened; now if absent
 */
public record BehaviourReport(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}", message = "must be 2-20 characters A-Z or 0-9") String customer,
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,32}", message = "must be 1-32 characters A-Z, 0-9 or '-'") String sku,
        @NotNull InteractionKind kind,
        @Pattern(regexp = "[A-Z0-9-]{1,20}", message = "must be 1-20 characters A-Z, 0-9 or '-'") String storeId,
        @Min(1) @Max(999) Integer quantity,
        Instant occurredAt) {

    public BehaviourReport {
        quantity = quantity == null ? 1 : quantity;
    }
}
