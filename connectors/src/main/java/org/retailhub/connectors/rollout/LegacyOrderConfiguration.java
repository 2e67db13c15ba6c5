package org.retailhub.connectors.rollout;

import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.order.LegacyOrders;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The legacy path's sales orders go to the ERP through the ERP's own client ({@code hub.erp.*}). */
@Configuration(proxyBeanMethods = false)
class LegacyOrderConfiguration {

    @Bean
    LegacyOrders legacyOrders(@Qualifier("erpDeliveryParty") PartyClient erp) {
        return new ErpSalesOrderClient(erp);
    }
}
