package org.retailhub.routes.consistency;

import org.apache.camel.ProducerTemplate;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.IslandChanges;
import org.springframework.stereotype.Component;

/** Where the capture engines hand their changes: into the CDC route, synchronously, so commit order is kept. */
@Component
public class CapturedChangeGate implements IslandChanges {

    private final ProducerTemplate producer;

    public CapturedChangeGate(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void accept(IslandChange change) {
        producer.sendBody(CdcRoutes.ENDPOINT, change);
    }
}
