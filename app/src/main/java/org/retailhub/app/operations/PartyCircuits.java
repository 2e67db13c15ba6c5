package org.retailhub.app.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.retailhub.connectors.party.PartyClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The circuit of every outside party the hub calls (PSP, CRM gift cards and customers, ERP deliveries): a gauge
 * {@code hub.party.circuit.open} (1 while calls are refused) and the health indicator {@code parties}, which shows each
 * circuit's state and names the open ones. It stays UP and is in no probe group: a party's outage is no reason to
 * restart the hub or to take it out of the load balancer (orders wait in their processes and become incidents);
 * operators hear of it by the alert HubPartyCircuitOpen.
 */
@Component("parties")
class PartyCircuits implements HealthIndicator {

    private final List<PartyClient> parties;

    PartyCircuits(List<PartyClient> parties, MeterRegistry meters) {
        this.parties = parties;
        parties.forEach(party -> Gauge.builder("hub.party.circuit.open", party, p -> p.circuitState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while the party's circuit refuses calls after too many failures").tag("party", party.party()).register(meters));
    }

    @Override
    public Health health() {
        List<String> open = parties.stream().filter(p -> p.circuitState() == CircuitBreaker.State.OPEN).map(PartyClient::party).toList();
        Health.Builder health = Health.up().withDetail("open", open);
        parties.forEach(p -> health.withDetail(p.party(), p.circuitState().name()));
        return health.build();
    }
}
