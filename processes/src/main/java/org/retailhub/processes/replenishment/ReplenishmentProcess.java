package org.retailhub.processes.replenishment;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.replenishment.PurchaseOrderUpdates;
import org.retailhub.domain.replenishment.ReplenishmentProcesses;
import org.springframework.stereotype.Component;

/**
 * The {@code replenishment} and {@code purchase-order} models behind the domain's ports: a store's run starts at the
 * model's message start event; an ERP report on a purchase order wakes the {@code purchase-order} instance of that
 * order (its business key) if it waits for one.
 */
@Component
public class ReplenishmentProcess implements ReplenishmentProcesses, PurchaseOrderUpdates {

    public static final String PROCESS_KEY = "replenishment";
    public static final String PURCHASE_ORDER_KEY = "purchase-order";
    public static final String REQUESTED = "ReplenishmentRequested";
    public static final String ORDER_UPDATED = "PurchaseOrderUpdated";

    private final RuntimeService runtime;

    public ReplenishmentProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String startNow(String storeId) {
        return runtime.startProcessInstanceByMessage(REQUESTED, storeId, Map.of(ReplenishmentSteps.STORE, storeId)).getId();
    }

    @Override
    public void updated(String poId) {
        runtime.createMessageCorrelation(ORDER_UPDATED).processInstanceBusinessKey(poId).correlateAll();
    }
}
