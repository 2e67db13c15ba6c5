package org.retailhub.processes.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.stockcount.InventoryDifference;
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
    public static final String SHRINK_ARTICLES = "shrinkArticles";
    /** Few enough for one variable (Camunda keeps texts up to 4000 characters); the count's API lists every article. */
    static final int SHRINK_ARTICLES_SHOWN = 15;

    private final StockCounts counts;
    private final CountProperties properties;
    private final ObjectMapper json = new ObjectMapper();

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

    /**
     * Closes the count and keeps its figures; the articles missing the most value (up to {@value #SHRINK_ARTICLES_SHOWN})
     * travel as one small JSON text ({@value #SHRINK_ARTICLES}) for the investigation form.
     */
    public void compare(DelegateExecution execution) throws JsonProcessingException {
        StockCount count = counts.close(countId(execution));
        execution.setVariable(DIFFERENCES, count.differences().size());
        execution.setVariable(SHRINK_VALUE, count.shrinkValue().toPlainString());
        execution.setVariable(SHRINK_ARTICLES, json.writeValueAsString(count.differences().stream().filter(d -> d.missing() > 0)
                .sorted(Comparator.comparing(InventoryDifference::missingValue).reversed()).limit(SHRINK_ARTICLES_SHOWN)
                .map(d -> Map.of("sku", d.sku(), "ledger", d.ledger(), "counted", d.counted(), "missingValue", d.missingValue().toPlainString()))
                .toList()));
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
