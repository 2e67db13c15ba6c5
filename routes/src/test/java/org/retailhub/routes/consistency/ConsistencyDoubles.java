package org.retailhub.routes.consistency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The consistency side of the domain as in-memory doubles, for the route families that apply island changes. */
@Configuration(proxyBeanMethods = false)
class ConsistencyDoubles {

    @Bean
    IslandLedger propagation() {
        return new IslandLedger();
    }

    @Bean
    DeadLetterTable deadLetters() {
        return new DeadLetterTable();
    }
}
