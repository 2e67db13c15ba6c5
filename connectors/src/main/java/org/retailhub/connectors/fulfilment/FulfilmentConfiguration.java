package org.retailhub.connectors.fulfilment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.fulfilment.ErpUnavailableException;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ERP delivery client with its own settings ({@code hub.erp.*}), retry and circuit breaker. */
@Configuration(proxyBeanMethods = false)
class FulfilmentConfiguration {

    @Bean
    FulfilmentRequests fulfilmentRequests(ErpProperties erp, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return new ErpDeliveryClient(PartyClient.standard(ErpProperties.PARTY, erp, inProcess.orderedStream().toList(), json,
                ErpUnavailableException::new));
    }
}
