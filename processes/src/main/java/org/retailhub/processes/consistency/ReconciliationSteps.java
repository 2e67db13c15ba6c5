package org.retailhub.processes.consistency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.ConsistencyReport;
import org.retailhub.domain.consistency.ConsistencyReport.DuplicateCustomers;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.Reconciliation;
import org.retailhub.domain.consistency.ReconciliationTurn;
import org.springframework.stereotype.Component;

/**
 * The steps of the reconciliation model, called by name ({@code ${reconciliation.compare(execution)}}).
 * Duplicate groups travel as plain text ({@code CU1,CU2;CU3,CU4}) so no Java object is serialised into the engine.
 */
@Component("reconciliation")
public class ReconciliationSteps {

    public static final String DUPLICATE_GROUPS = "duplicateGroups";
    public static final String DUPLICATE_GROUP = "duplicateGroup";
    public static final String SURVIVOR = "survivor";
    public static final String FOUND_PERCENT = "foundPercent";
    public static final String REPAIRED = "repaired";
    public static final String PERCENT = "percent";
    public static final String ACTIVE_RUN = "activeRun";
    /** Prefix of the variables holding what the survivor form shows of one customer (masked). */
    public static final String CUSTOMER = "customer_";

    private final Reconciliation reconciliation;
    private final ConsistencyReports reports;
    private final AuditTrail trail;
    private final ReconciliationTurn turn;
    private final ObjectMapper json = new ObjectMapper();

    public ReconciliationSteps(Reconciliation reconciliation, ConsistencyReports reports, AuditTrail trail, ReconciliationTurn turn) {
        this.reconciliation = reconciliation;
        this.reports = reports;
        this.trail = trail;
        this.turn = turn;
    }

    /**
     * One run at a time: in the transaction that starts this run (a request, or the hourly timer's job), waits for the
     * turn and looks for another run of this model on any instance; names it in {@value #ACTIVE_RUN} (empty: none, go on).
     */
    public void takeTheTurn(DelegateExecution execution) {
        turn.await();
        String other = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReconciliationProcess.PROCESS_KEY).list().stream()
                .map(ProcessInstance::getId).filter(id -> !id.equals(execution.getProcessInstanceId())).findFirst().orElse("");
        execution.setVariable(ACTIVE_RUN, other);
    }

    /**
     * Compares, stores what was found, and names the duplicate groups an operator must decide on, with what the
     * decision form shows of each of their customers ({@value #CUSTOMER}{@code <id>}, one small JSON text each).
     */
    public void compare(DelegateExecution execution) throws JsonProcessingException {
        ConsistencyReport report = reconciliation.compare();
        reports.save(report, "FOUND", 0);
        execution.setVariable(FOUND_PERCENT, report.percent().toPlainString());
        execution.setVariable(DUPLICATE_GROUPS, report.decisions().stream()
                .map(d -> String.join(",", d.customerKeys())).collect(Collectors.joining(";")));
        for (DuplicateCustomers group : report.decisions()) {
            for (Customer customer : reconciliation.customers(group.customerKeys())) {
                execution.setVariable(CUSTOMER + customer.customerId(), json.writeValueAsString(forForm(customer)));
            }
        }
    }

    /** Personal data masked: operators read the engine's variables in Cockpit and through the engine API too. */
    private static Map<String, Object> forForm(Customer customer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customerId", customer.customerId());
        fields.put("initials", customer.initials());
        fields.put("email", customer.maskedEmail());
        fields.put("loyaltyPoints", customer.loyaltyPoints());
        return fields;
    }

    public void repairByOwnership(DelegateExecution execution) {
        execution.setVariable(REPAIRED, reconciliation.repair(reconciliation.compare()));
    }

    public List<String> duplicateGroups(DelegateExecution execution) {
        String groups = (String) execution.getVariable(DUPLICATE_GROUPS);
        return groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(";"));
    }

    /** Carries out the operator's choice, and records it (who kept which customer, which were retired) in the audit trail. */
    public void mergeDuplicates(DelegateExecution execution) {
        List<String> keys = Arrays.asList(((String) execution.getVariable(DUPLICATE_GROUP)).split(","));
        String survivor = ((String) execution.getVariable(SURVIVOR)).strip();
        reconciliation.keepSurvivor(new DuplicateCustomers(null, keys), survivor);
        // this step follows the operator's task without a wait state, so it runs in the operator's own engine call
        Authentication operator = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        trail.record(operator == null ? "engine" : operator.getUserId(), "KeepSurvivor", "Customer", survivor,
                "duplicates retired: " + keys.stream().filter(k -> !k.equals(survivor)).collect(Collectors.joining(", ")));
    }

    public void recordReport(DelegateExecution execution) {
        ConsistencyReport report = reconciliation.compare();
        Object repaired = execution.getVariable(REPAIRED);
        reports.save(report, "AFTER_REPAIR", repaired instanceof Integer n ? n : 0);
        execution.setVariable(PERCENT, report.percent().toPlainString());
    }
}
