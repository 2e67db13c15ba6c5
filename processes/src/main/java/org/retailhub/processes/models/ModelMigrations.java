package org.retailhub.processes.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.retailhub.domain.audit.AuditTrail;

/**
 * Moving running instances of a process from one version to another with Camunda's migration API: an analyst previews
 * the plan (which step maps to which, how many instances wait where, what cannot move), an operator executes it. The
 * plan maps the steps the two versions share by id; an instance waiting at a step the new version lacks blocks the
 * migration, and then nothing moves (Camunda migrates all or none).
 */
public class ModelMigrations {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    public ModelMigrations(RepositoryService repository, RuntimeService runtime, AuditTrail audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.audit = audit;
    }

    /**
     * What a migration from {@code fromVersion} to {@code toVersion} would do.
     *
     * @param mappedSteps   source step → target step, for every step the versions share
     * @param waitingAt     how many running instances wait at each step of the source version
     * @param problems      why the plan or some waiting instances cannot move (empty: every instance can move)
     */
    public record Plan(String key, int fromVersion, int toVersion, int instances, Map<String, String> mappedSteps,
                       Map<String, Integer> waitingAt, List<String> problems) {
    }

    /** The plan from {@code fromVersion} to {@code toVersion} (default: the newest version), for {@code analyst} to read. */
    public Plan preview(String analyst, String key, int fromVersion, Integer toVersion) {
        Plan plan = plan(key, fromVersion, toVersion);
        audit.record(analyst, "migration-previewed", "process", key, plan.instances() + " instance(s) v" + fromVersion + " -> v"
                + plan.toVersion() + (plan.problems().isEmpty() ? "" : ", blocked: " + String.join("; ", plan.problems())));
        return plan;
    }

    private Plan plan(String key, int fromVersion, Integer toVersion) {
        ProcessDefinition source = definition(key, fromVersion);
        ProcessDefinition target = toVersion == null ? newest(key) : definition(key, toVersion);
        List<String> problems = new ArrayList<>();
        Map<String, String> mapped = new TreeMap<>();
        MigrationPlan plan = null;
        try {
            plan = build(source, target);
            plan.getInstructions().forEach(i -> mapped.put(i.getSourceActivityId(), i.getTargetActivityId()));
        } catch (MigrationPlanValidationException invalid) {
            invalid.getValidationReport().getInstructionReports().forEach(r -> problems.addAll(r.getFailures()));
        }
        Map<String, Integer> waiting = new TreeMap<>();
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
        for (ProcessInstance instance : instances) {
            runtime.getActiveActivityIds(instance.getId()).forEach(step -> waiting.merge(step, 1, Integer::sum));
        }
        Set<String> stranded = new TreeSet<>(waiting.keySet());
        stranded.removeAll(mapped.keySet());
        stranded.forEach(step -> problems.add(waiting.get(step) + " instance(s) wait at " + step + ", which version "
                + target.getVersion() + " does not have: they cannot move"));
        if (source.getId().equals(target.getId())) {
            problems.add("source and target are the same version");
        }
        return new Plan(key, source.getVersion(), target.getVersion(), instances.size(), mapped, waiting, problems);
    }

    /** Executes the previewed plan for every running instance of {@code fromVersion}; the number moved. */
    public int execute(String operator, String key, int fromVersion, Integer toVersion) {
        Plan preview = plan(key, fromVersion, toVersion);
        if (!preview.problems().isEmpty()) {
            throw new IllegalStateException("the migration cannot run: " + String.join("; ", preview.problems()));
        }
        ProcessDefinition source = definition(key, fromVersion);
        ProcessDefinition target = definition(key, preview.toVersion());
        try {
            runtime.newMigration(build(source, target)).processInstanceQuery(runtime.createProcessInstanceQuery()
                    .processDefinitionId(source.getId())).execute();
        } catch (MigratingProcessInstanceValidationException refused) {
            throw new IllegalStateException("the engine refused the migration, nothing moved: " + refused.getMessage(), refused);
        }
        audit.record(operator, "process-migrated", "process", key, preview.instances() + " instance(s) v" + fromVersion + " -> v" + preview.toVersion());
        return preview.instances();
    }

    private MigrationPlan build(ProcessDefinition source, ProcessDefinition target) {
        return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers().build();
    }

    private ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                .singleResult();
        if (definition == null) {
            throw new NoSuchElementException("process '" + key + "' has no version " + version);
        }
        return definition;
    }

    private ProcessDefinition newest(String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        if (definition == null) {
            throw new NoSuchElementException("no process '" + key + "' is deployed");
        }
        return definition;
    }
}
