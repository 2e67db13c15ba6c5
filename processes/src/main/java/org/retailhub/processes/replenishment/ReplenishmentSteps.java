package org.retailhub.processes.replenishment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.replenishment.ProposedLine;
import org.retailhub.domain.replenishment.ReplenishmentProcesses;
import org.retailhub.domain.replenishment.ReplenishmentRuns;
import org.springframework.stereotype.Component;

/**
 * The steps of the replenishment model, called by name ({@code ${replenishment.propose(execution)}}). The lines
 * waiting for the buyer travel as one small JSON text each ({@code line_<n>}), which the review form lists; the
 * buyer's quantities come back as {@code approved_<n>}.
 */
@Component("replenishment")
public class ReplenishmentSteps {

    public static final String STORE = "storeId";
    public static final String RUN = "runId";
    public static final String ARTICLES = "articlesPlanned";
    public static final String AUTO_APPROVED = "autoApprovedLines";
    public static final String BUYER_LINES = "buyerLines";
    public static final String ORDERS = "purchaseOrders";
    public static final String LINE = "line_";
    public static final String APPROVED = "approved_";

    private final ReplenishmentRuns runs;
    private final ReplenishmentProcesses processes;
    private final ReplenishmentProperties properties;
    private final AuditTrail trail;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public ReplenishmentSteps(ReplenishmentRuns runs, ReplenishmentProcesses processes, ReplenishmentProperties properties,
                              AuditTrail trail, Clock clock) {
        this.runs = runs;
        this.processes = processes;
        this.properties = properties;
        this.trail = trail;
        this.clock = clock;
    }

    /** The daily timer: one run per configured store, each an instance of its own (so each store's buyer decides alone). */
    public void startStoreRuns(DelegateExecution execution) {
        properties.stores().forEach(processes::startNow);
    }

    /** Plans the store, records the proposal, approves the small lines and hands the others to the buyer's form. */
    public void propose(DelegateExecution execution) throws JsonProcessingException {
        ReplenishmentRuns.Run run = runs.propose((String) execution.getVariable(STORE), today());
        execution.setVariable(RUN, run.runId());
        execution.setVariable(ARTICLES, run.articles());
        execution.setVariable(AUTO_APPROVED, run.autoApproved());
        execution.setVariable(BUYER_LINES, run.forBuyer().size());
        for (ProposedLine line : run.forBuyer()) {
            execution.setVariable(LINE + line.lineNo(), json.writeValueAsString(forForm(line)));
        }
    }

    private static Map<String, Object> forForm(ProposedLine line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("line", line.lineNo());
        fields.put("sku", line.sku());
        fields.put("name", line.name());
        fields.put("supplier", line.supplier());
        fields.put("proposed", line.proposed());
        fields.put("packSize", line.packSize());
        fields.put("minimum", line.minimum());
        fields.put("unitCost", line.unitCost().amount().toPlainString());
        fields.put("value", line.value().amount().toPlainString());
        fields.put("currency", line.unitCost().currency().getCurrencyCode());
        fields.put("rule", line.rule().name());
        fields.put("explanation", line.explanation().length() > 2000 ? line.explanation().substring(0, 2000) : line.explanation());
        return fields;
    }

    /**
     * The buyer's quantities ({@code approved_<n>}; a line without one keeps its proposal, 0 rejects it), recorded with
     * the buyer's name in the audit trail. Runs in the buyer's own completion of the task, so a quantity the hub
     * cannot take (negative, not a number) is refused to the buyer's face.
     */
    public void applyDecision(DelegateExecution execution) {
        String runId = (String) execution.getVariable(RUN);
        Map<Integer, Integer> quantities = new HashMap<>();
        for (ProposedLine line : runs.awaitingBuyer(runId)) {
            Object value = execution.getVariable(APPROVED + line.lineNo());
            if (value != null) {
                quantities.put(line.lineNo(), quantity(line, value));
            }
        }
        int decided = runs.decide(runId, quantities);
        Authentication buyer = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        trail.record(buyer == null ? "engine" : buyer.getUserId(), "DecideProposal", "ReplenishmentRun", runId,
                decided + " lines decided: " + quantities);
    }

    private static int quantity(ProposedLine line, Object value) {
        try {
            return value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("line " + line.lineNo() + " (" + line.sku() + "): '" + value
                    + "' is not a whole number of units");
        }
    }

    /** One purchase order per supplier from the approved lines. */
    public void placeOrders(DelegateExecution execution) {
        execution.setVariable(ORDERS, runs.placeOrders((String) execution.getVariable(RUN), today()).size());
    }

    /** The run's purchase orders, one instance of the purchase order model each. */
    public List<String> purchaseOrders(DelegateExecution execution) {
        return runs.ordersOf((String) execution.getVariable(RUN));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}
