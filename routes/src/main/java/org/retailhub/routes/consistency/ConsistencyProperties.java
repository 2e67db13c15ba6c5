package org.retailhub.routes.consistency;

import java.time.Duration;
import java.util.Map;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.FieldOwnership;
import org.retailhub.domain.consistency.Island;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Field ownership ({@code hub.consistency.owners.<kind>=<island>}): which island is master of articles, prices,
 * stock and customers. Kinds not listed keep the default (ERP: articles, prices, stock; CRM: customers).
 * {@code hub.consistency.inbox}: where the islands drop their files ({@code pos/eod-*.txt}, {@code erp/*.xml}).
 * {@code hub.consistency.stock-posting-interval} / {@code -batch}: how often, and how many at a time, stock movements
 * of the order flow are posted to the stock's owner.
 */
@ConfigurationProperties("hub.consistency")
public record ConsistencyProperties(@DefaultValue Map<EntityKind, Island> owners,
                                    @DefaultValue(".hub-data/islands") String inbox,
                                    @DefaultValue("PT1S") Duration stockPostingInterval,
                                    @DefaultValue("100") int stockPostingBatch) {

    public FieldOwnership ownership() {
        return new FieldOwnership(owners == null ? Map.of() : owners);
    }
}
