package org.retailhub.processes.consistency;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.consistency.ConsistencyReport;
import org.retailhub.domain.consistency.ConsistencyReport.DuplicateCustomers;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.Reconciliation;
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

    private final Reconciliation reconciliation;
    private final ConsistencyReports reports;

    public ReconciliationSteps(Reconciliation reconciliation, ConsistencyReports reports) {
        this.reconciliation = reconciliation;
        this.reports = reports;
    }

    /** Compares, stores what was found, and names the duplicate groups an operator must decide on. */
    public void compare(DelegateExecution execution) {
        ConsistencyReport report = reconciliation.compare();
        reports.save(report, "FOUND", 0);
        execution.setVariable(FOUND_PERCENT, report.percent().toPlainString());
        execution.setVariable(DUPLICATE_GROUPS, report.decisions().stream()
                .map(d -> String.join(",", d.customerKeys())).collect(Collectors.joining(";")));
    }

    public void repairByOwnership(DelegateExecution execution) {
        execution.setVariable(REPAIRED, reconciliation.repair(reconciliation.compare()));
    }

    public List<String> duplicateGroups(DelegateExecution execution) {
        String groups = (String) execution.getVariable(DUPLICATE_GROUPS);
        return groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(";"));
    }

    public void mergeDuplicates(DelegateExecution execution) {
        List<String> keys = Arrays.asList(((String) execution.getVariable(DUPLICATE_GROUP)).split(","));
        reconciliation.keepSurvivor(new DuplicateCustomers(null, keys), ((String) execution.getVariable(SURVIVOR)).strip());
    }

    public void recordReport(DelegateExecution execution) {
        ConsistencyReport report = reconciliation.compare();
        Object repaired = execution.getVariable(REPAIRED);
        reports.save(report, "AFTER_REPAIR", repaired instanceof Integer n ? n : 0);
        execution.setVariable(PERCENT, report.percent().toPlainString());
    }
}
