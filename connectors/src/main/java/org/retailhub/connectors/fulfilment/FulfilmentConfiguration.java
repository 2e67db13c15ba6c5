package org.retailhub.connectors.fulfilment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import org.retailhub.connectors.payment.ResilientJsonCalls;
import org.retailhub.domain.fulfilment.FulfilmentRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ERP delivery client with its own retry and circuit breaker. */
@Configuration(proxyBeanMethods = false)
class FulfilmentConfiguration {

    @Bean
    FulfilmentRequests fulfilmentRequests(ErpProperties erp, ObjectProvider<ErpLocation> location, ObjectMapper json) {
        return new ErpDeliveryClient(() -> Optional.ofNullable(location.getIfAvailable()).map(ErpLocation::baseUrl).orElse(erp.baseUrl()),
                ResilientJsonCalls.standard("erp", Duration.ofSeconds(1), erp.readTimeout(), 3, Duration.ofMillis(200), json));
    }
}
