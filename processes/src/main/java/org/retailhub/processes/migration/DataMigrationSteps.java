package org.retailhub.processes.migration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.retailhub.domain.migration.EntityOutcome;
import org.retailhub.domain.migration.MaskingKeyMissingException;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.MigrationJobs;
import org.retailhub.domain.migration.MigrationReport;
import org.retailhub.domain.migration.MigrationRequest;
import org.retailhub.domain.migration.MigrationRuns;
import org.springframework.stereotype.Component;

/**
 * The steps of the data migration model, called by name ({@code ${dataMigration.load(execution)}}). The run's id is the
 * process instance's id; the rows move in the batch jobs behind {@link MigrationJobs}, the model shows and decides the
 * stages. Variables hold texts and numbers only.
 */
@Component("dataMigration")
public class DataMigrationSteps {

    public static final String SOURCES = "sources";
    public static final String ENTITIES = "entities";
    public static final String TARGET = "target";
    public static final String CHUNK_SIZE = "chunkSize";
    public static final String DRY_RUN = "dryRun";
    public static final String ENTITY = "entity";
    public static final String PLAN = "plan";
    public static final String REPORT_LINK = "reportLink";
    public static final String REJECT_PERCENT = "rejectPercent";
    public static final String REJECTS = "rejects";
    public static final String TOO_MANY_REJECTS = "tooManyRejects";
    public static final String DECISION = "decision";

    private final MigrationJobs jobs;
    private final MigrationRuns runs;
    private final MigrationProperties settings;
    private final Clock clock;

    public DataMigrationSteps(MigrationJobs jobs, MigrationRuns runs, MigrationProperties settings, Clock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads the request, refuses a masked target without a key, counts each entity's rows and key range, opens the run. */
    public void plan(DelegateExecution execution) {
        MigrationRequest request = request(execution);
        if (request.target().masked() && !jobs.canMask()) {
            throw new MaskingKeyMissingException();
        }
        String plan = request.entities().stream().map(jobs::plan).map(p -> p.describe()).collect(Collectors.joining("; "));
        runs.open(execution.getProcessInstanceId(), request);
        execution.setVariable(PLAN, plan);
        execution.setVariable(REPORT_LINK, "/api/migrations/" + execution.getProcessInstanceId() + "/report");
    }

    public List<String> entities(DelegateExecution execution) {
        return request(execution).entities().stream().map(Enum::name).toList();
    }

    /** Runs (or, after a crash, resumes) the entity's batch job: extract, transform, mask, load. */
    public void load(DelegateExecution execution) {
        jobs.load(execution.getProcessInstanceId(), entity(execution), request(execution), 1);
    }

    /** Counts and checksums; sets whether the share of rejects calls for the operator. A count or checksum that disagrees stops here. */
    public void validate(DelegateExecution execution) {
        EntityOutcome outcome = jobs.validate(execution.getProcessInstanceId(), entity(execution), request(execution));
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException("validation of " + outcome.entity() + " failed: " + String.join("; ", outcome.problems()));
        }
        execution.setVariableLocal(REJECT_PERCENT, Math.round(outcome.rejectPercent() * 100) / 100.0);
        execution.setVariableLocal(REJECTS, outcome.rejectsByRule().toString());
        execution.setVariableLocal(TOO_MANY_REJECTS, outcome.rejectPercent() > settings.rejectThresholdPercent());
    }

    /** The operator fixed the source: the quarantined rows are read again (the next attempt); those that pass are loaded. */
    public void retryQuarantined(DelegateExecution execution) {
        MigrationEntity entity = entity(execution);
        String runId = execution.getProcessInstanceId();
        jobs.load(runId, entity, request(execution), runs.attempts(runId, entity) + 1);
    }

    /** Validates every entity again (what the target holds now) and stores the report, Markdown and JSON. */
    public void report(DelegateExecution execution, String outcome) {
        MigrationRequest request = request(execution);
        String runId = execution.getProcessInstanceId();
        List<EntityOutcome> outcomes = new ArrayList<>();
        for (MigrationEntity entity : request.entities()) {
            outcomes.add(jobs.validate(runId, entity, request));
        }
        runs.finish(new MigrationReport(runId, request, outcome.toUpperCase(Locale.ROOT), runs.startedAt(runId), clock.instant(), outcomes));
    }

    private static MigrationRequest request(DelegateExecution execution) {
        return MigrationRequest.parse((String) execution.getVariable(SOURCES), (String) execution.getVariable(ENTITIES),
                (String) execution.getVariable(TARGET), ((Number) execution.getVariable(CHUNK_SIZE)).intValue(),
                Boolean.TRUE.equals(execution.getVariable(DRY_RUN)));
    }

    private static MigrationEntity entity(DelegateExecution execution) {
        return MigrationEntity.valueOf((String) execution.getVariable(ENTITY));
    }
}
