package org.retailhub.connectors.fulfilment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ERP delivery client with its own settings ({@code hub.erp.*}), retry and circuit breaker. */
@Configuration(proxyBeanMethods = false)
class FulfilmentConfiguration {

    /** A bean of its own so that the circuit's state can be measured and reported (health, metrics). */
    @Bean
    PartyClient erpDeliveryParty(ErpProperties erp, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return PartyClient.standard(ErpProperties.PARTY, erp, inProcess.orderedStream().toList(), json, ErpUnavailableException::new);
    }

    @Bean
    FulfilmentRequests fulfilmentRequests(@Qualifier("erpDeliveryParty") PartyClient erp) {
        return new ErpDeliveryClient(erp);
    }
}
