package org.retailhub.app.simulator;

import org.retailhub.app.consistency.IslandDatabases;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.replenishment.ErpPurchasingProperties;
import org.retailhub.simulator.erp.ErpPurchasingSimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's ERP purchasing: its IDoc inbound and warehouse, simulated in this JVM on the ERP island's own
 * database ({@code hub.erp.purchasing.simulator}, default true), registered as the party's address like the other
 * in-process simulators ({@link InProcessSimulators}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.erp.purchasing.simulator", havingValue = "true", matchIfMissing = true)
class ErpPurchasingSimulation {

    @Bean(destroyMethod = "close")
    ErpPurchasingSimulator erpPurchasingSimulator(ErpPurchasingProperties purchasing, IslandDatabases islands) {
        return InProcessSimulators.announced(ErpPurchasingProperties.PARTY, ErpPurchasingSimulator.start(purchasing.simulatorPort(),
                islands.erp(), purchasing.simulatorDeliveryAfter()));
    }

    @Bean
    PartyAddress erpPurchasingAddress(ErpPurchasingSimulator simulator) {
        return new PartyAddress(ErpPurchasingProperties.PARTY, simulator::baseUrl);
    }
}
