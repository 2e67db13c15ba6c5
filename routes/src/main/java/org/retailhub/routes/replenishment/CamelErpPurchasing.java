package org.retailhub.routes.replenishment;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.retailhub.domain.replenishment.ErpPurchasing;
import org.retailhub.domain.replenishment.PurchaseOrder;
import org.springframework.stereotype.Component;

/** The domain's {@link ErpPurchasing} port over the purchase order routes; a failure reaches the caller as it was thrown. */
@Component
public class CamelErpPurchasing implements ErpPurchasing {

    private final ProducerTemplate producer;

    public CamelErpPurchasing(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public ErpAnswer place(PurchaseOrder order) {
        return send(PurchaseOrderRoutes.PLACE, order);
    }

    @Override
    public ErpAnswer cancelOpen(PurchaseOrder order) {
        return send(PurchaseOrderRoutes.CANCEL, order);
    }

    private ErpAnswer send(String endpoint, PurchaseOrder order) {
        try {
            return producer.requestBody(endpoint, order, ErpAnswer.class);
        } catch (CamelExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
