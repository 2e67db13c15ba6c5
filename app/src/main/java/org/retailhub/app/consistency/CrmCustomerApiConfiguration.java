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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's way into the CRM: its customer API over HTTP, through the party-neutral client with the CRM customer API's
 * own settings ({@code hub.crm.customers.*}), signed in as the hub's writer. The embedded default serves that API
 * in-process ({@code org.retailhub.app.simulator.InProcessSimulators}).
 */
@Configuration(proxyBeanMethods = false)
class CrmCustomerApiConfiguration {

    /** A bean of its own so that the circuit's state can be measured and reported (health, metrics). */
    @Bean
    PartyClient crmCustomerParty(CrmCustomerProperties customers, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return PartyClient.standard(CrmCustomerProperties.PARTY, customers, inProcess.orderedStream().toList(), json,
                CrmUnavailableException::new).signedInAs(Island.HUB_WRITER, customers.password());
    }

    @Bean
    CrmCustomers crmCustomers(@Qualifier("crmCustomerParty") PartyClient calls, CrmCustomerProperties customers, ObjectMapper json) {
        return new CrmCustomerClient(calls::call, json, customers.pageSize());
    }
}
