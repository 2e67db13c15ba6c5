package org.retailhub.app.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.retailhub.connectors.customer.CrmCustomerProperties;
import org.retailhub.connectors.payment.ResilientJsonCalls;
import org.retailhub.domain.consistency.Island;
import org.retailhub.legacy.crm.CrmCustomerApi;
import org.retailhub.legacy.crm.CrmCustomerClient;
import org.retailhub.legacy.crm.CrmCustomers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's way into the CRM: its customer API over HTTP. The embedded default serves that API in-process from the CRM
 * island's database (the API user is the hub's writer name, so the CRM records it on every change the hub makes).
 */
@Configuration(proxyBeanMethods = false)
class CrmCustomerApiConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CrmCustomerApiConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "hub.crm.customers.simulator", havingValue = "true", matchIfMissing = true)
    CrmCustomerApi crmCustomerApi(IslandDatabases databases, CrmCustomerProperties properties) {
        CrmCustomerApi api = CrmCustomerApi.start(databases.crm(), Map.of(Island.HUB_WRITER, properties.password()), properties.simulatorPort());
        log.info("CRM customer API (simulator) listening on {}/crm/api/customers", api.baseUrl());
        return api;
    }

    @Bean
    CrmCustomers crmCustomers(CrmCustomerProperties properties, ObjectProvider<CrmCustomerApi> simulator, ObjectMapper json) {
        Optional<CrmCustomerApi> inProcess = Optional.ofNullable(simulator.getIfAvailable());
        ResilientJsonCalls calls = ResilientJsonCalls.standard("crm-customers", properties.connectTimeout(), properties.readTimeout(),
                properties.maxAttempts(), properties.retryWait(), json).signedInAs(Island.HUB_WRITER, properties.password());
        return new CrmCustomerClient(() -> inProcess.map(CrmCustomerApi::baseUrl).orElse(properties.baseUrl()), calls::call, json,
                properties.pageSize());
    }
}
