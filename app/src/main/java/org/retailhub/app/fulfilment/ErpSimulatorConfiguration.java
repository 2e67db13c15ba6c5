package org.retailhub.app.fulfilment;

import org.retailhub.connectors.fulfilment.ErpLocation;
import org.retailhub.connectors.fulfilment.ErpProperties;
import org.retailhub.legacy.erp.ErpDeliverySimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded default runs the ERP's delivery intake in-process; the delivery client then talks to it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.erp.simulator", havingValue = "true", matchIfMissing = true)
class ErpSimulatorConfiguration {

    @Bean(destroyMethod = "close")
    ErpDeliverySimulator erpDeliverySimulator(ErpProperties properties) {
        return ErpDeliverySimulator.start(properties.simulatorPort());
    }

    @Bean
    ErpLocation erpLocation(ErpDeliverySimulator simulator) {
        return simulator::baseUrl;
    }
}
