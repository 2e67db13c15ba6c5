package org.retailhub.connectors.insight;

import java.util.List;
import java.util.Optional;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.ItemNeighbours;
import org.retailhub.domain.insight.ItemPopularity;

/** The insight queries of an instance that runs no topology ({@code hub.insight.enabled=false}): never ready. */
final class SwitchedOffInsight implements CustomerInsight {

    @Override
    public Optional<CustomerProfile> profile(String customerId) {
        throw off();
    }

    @Override
    public Optional<ItemNeighbours> neighbours(String sku) {
        throw off();
    }

    @Override
    public List<ItemPopularity> popularity() {
        throw off();
    }

    private static InsightUnavailableException off() {
        return new InsightUnavailableException("customer insight is switched off on this instance (hub.insight.enabled=false)", null);
    }
}
