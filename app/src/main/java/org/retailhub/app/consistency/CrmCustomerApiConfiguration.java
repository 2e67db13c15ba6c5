package org.retailhub.app.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.connectors.customer.CrmCustomerProperties;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.consistency.Island;
import org.retailhub.legacy.crm.CrmCustomerClient;
import org.retailhub.legacy.crm.CrmCustomers;
import org.retailhub.legacy.crm.CrmUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's way into the CRM: its customer API over HTTP, through the party-neutral client with the CRM customer API's
 * own settings ({@code hub.crm.customers.*}), signed in as the hub's writer. The embedded default serves that API
 * in-process ({@code org.retailhub.app.simulator.InProcessSimulators}).
 */
@Configuration(proxyBeanMethods = false)
class CrmCustomerApiConfiguration {

    @Bean
    CrmCustomers crmCustomers(CrmCustomerProperties customers, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        PartyClient calls = PartyClient.standard(CrmCustomerProperties.PARTY, customers, inProcess.orderedStream().toList(), json,
                CrmUnavailableException::new).signedInAs(Island.HUB_WRITER, customers.password());
        return new CrmCustomerClient(calls::call, json, customers.pageSize());
    }
}
