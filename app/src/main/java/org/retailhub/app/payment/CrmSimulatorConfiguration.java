package org.retailhub.app.payment;

import org.retailhub.connectors.payment.CrmLocation;
import org.retailhub.connectors.payment.CrmProperties;
import org.retailhub.legacy.crm.CrmGiftCardSimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded default runs the CRM's gift card service in-process; the gift card client then talks to it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.crm.simulator", havingValue = "true", matchIfMissing = true)
class CrmSimulatorConfiguration {

    @Bean(destroyMethod = "close")
    CrmGiftCardSimulator crmGiftCardSimulator(CrmProperties properties) {
        return CrmGiftCardSimulator.start(properties.simulatorPort());
    }

    @Bean
    CrmLocation crmLocation(CrmGiftCardSimulator simulator) {
        return simulator::baseUrl;
    }
}
