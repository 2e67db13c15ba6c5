package org.retailhub.processes.inventory;

import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.stockcount.StockCount;
import org.retailhub.domain.stockcount.StockCounts;
import org.springframework.stereotype.Component;

/**
 * The steps of the cycle count model, called by name ({@code ${cycleCount.compare(execution)}}). Amounts travel as
 * plain text so no Java object is serialised into the engine.
 */
@Component("cycleCount")
public class CycleCountSteps {

    public static final String COUNT_ID = "countId";
    public static final String STORE_ID = "storeId";
    public static final String SCAN_TIME = "scanTime";
    public static final String SHRINK_THRESHOLD = "shrinkThreshold";
    public static final String SHRINK_VALUE = "shrinkValue";
    public static final String DIFFERENCES = "differences";
    public static final String POSTED = "posted";

    private final StockCounts counts;
    private final CountProperties properties;

    public CycleCountSteps(StockCounts counts, CountProperties properties) {
        this.counts = counts;
        this.properties = properties;
    }

    /** Opens the count (refused when the store has one open or stocks no tagged article: the start fails with it). */
    public void open(DelegateExecution execution) {
        counts.open(countId(execution), (String) execution.getVariable(STORE_ID));
        execution.setVariable(SCAN_TIME, properties.scanTime().toString());
        execution.setVariable(SHRINK_THRESHOLD, properties.shrinkThreshold().toPlainString());
    }

    public void compare(DelegateExecution execution) {
        StockCount count = counts.close(countId(execution));
        execution.setVariable(DIFFERENCES, count.differences().size());
        execution.setVariable(SHRINK_VALUE, count.shrinkValue().toPlainString());
    }

    public void post(DelegateExecution execution) {
        execution.setVariable(POSTED, counts.post(countId(execution)));
    }

    public boolean shrinkAboveThreshold(DelegateExecution execution) {
        return new BigDecimal((String) execution.getVariable(SHRINK_VALUE))
                .compareTo(new BigDecimal((String) execution.getVariable(SHRINK_THRESHOLD))) > 0;
    }

    private static UUID countId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(COUNT_ID));
    }
}
