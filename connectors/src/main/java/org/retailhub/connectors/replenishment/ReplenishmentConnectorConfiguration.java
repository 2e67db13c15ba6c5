package org.retailhub.connectors.replenishment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.replenishment.ErpIdocInbound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ERP's IDoc inbound with its own settings ({@code hub.erp.purchasing.*}), retry and circuit breaker. */
@Configuration(proxyBeanMethods = false)
class ReplenishmentConnectorConfiguration {

    @Bean
    ErpIdocInbound erpIdocInbound(ErpPurchasingProperties erp, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return new ErpIdocClient(PartyClient.standard(ErpPurchasingProperties.PARTY, erp, inProcess.orderedStream().toList(), json,
                ErpUnavailableException::new));
    }
}
