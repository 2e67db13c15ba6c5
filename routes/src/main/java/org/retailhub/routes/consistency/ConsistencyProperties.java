package org.retailhub.routes.consistency;

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
 */
@ConfigurationProperties("hub.consistency")
public record ConsistencyProperties(@DefaultValue Map<EntityKind, Island> owners,
                                    @DefaultValue(".hub-data/islands") String inbox) {

    public FieldOwnership ownership() {
        return new FieldOwnership(owners == null ? Map.of() : owners);
    }
}
