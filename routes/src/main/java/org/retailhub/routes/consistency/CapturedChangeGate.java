package org.retailhub.routes.consistency;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.IslandChanges;
import org.retailhub.routes.replenishment.PurchasingChangeRoutes;
import org.springframework.stereotype.Component;

/**
 * Where the capture engines hand their changes: into the CDC routes, synchronously, so commit order is kept; the ERP's
 * purchasing changes (goods receipts, cancelled items) also go to replenishment's route once the batch is applied.
 */
@Component
public class CapturedChangeGate implements IslandChanges {

    private final ProducerTemplate producer;

    public CapturedChangeGate(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void accept(IslandChange change) {
        producer.sendBody(CdcRoutes.ENDPOINT, change);
        toReplenishment(List.of(change));
    }

    @Override
    public void acceptAll(List<IslandChange> changes) {
        if (!changes.isEmpty()) {
            producer.sendBody(CdcRoutes.BATCH_ENDPOINT, changes);
            toReplenishment(changes);
        }
    }

    private void toReplenishment(List<IslandChange> changes) {
        List<IslandChange> purchasing = PurchasingChangeRoutes.of(changes);
        if (!purchasing.isEmpty()) {
            producer.sendBody(PurchasingChangeRoutes.ENDPOINT, purchasing);
        }
    }
}
