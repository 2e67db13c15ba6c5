package org.retailhub.routes.consistency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.FieldOwnership;
import org.retailhub.domain.consistency.Island;
import org.retailhub.routes.redelivery.Redelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Field ownership ({@code hub.consistency.owners.<kind>=<island>}): which island is master of articles, prices,
 * stock and customers. Kinds not listed keep the default (ERP: articles, prices, stock; CRM: customers).
 *
 * @param inbox                where the islands drop their files ({@code pos/eod-*.txt}, {@code erp/*.xml})
 * @param fileSettleTime       a file is read once it has not changed for this long
 * @param fileRetry            how a line or document that failed for a reason other than itself (database or island down)
 *                             is tried again in place; after that the file stays in the inbox for the next poll
 * @param stockPostingInterval how often stock movements of the order flow are posted to the stock's owner
 * @param stockPostingBatch    how many at a time
 */
@Validated
@ConfigurationProperties("hub.consistency")
public record ConsistencyProperties(@DefaultValue Map<EntityKind, Island> owners,
                                    @NotBlank @DefaultValue(".hub-data/islands") String inbox,
                                    @NotNull @DefaultValue("200ms") Duration fileSettleTime,
                                    @Valid @NotNull @DefaultValue Redelivery fileRetry,
                                    @NotNull @DefaultValue("PT1S") Duration stockPostingInterval,
                                    @DefaultValue("100") int stockPostingBatch) {

    public FieldOwnership ownership() {
        return new FieldOwnership(owners == null ? Map.of() : owners);
    }
}
