package org.retailhub.processes.migration;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.migration.MaskingKeyMissingException;
import org.retailhub.domain.migration.MigrationJobs;
import org.retailhub.domain.migration.MigrationProcesses;
import org.retailhub.domain.migration.MigrationRequest;
import org.springframework.stereotype.Component;

/** The {@code data-migration} BPMN behind the domain's {@link MigrationProcesses} port; Tasklist starts it with the same variables. */
@Component
public class DataMigrationProcess implements MigrationProcesses {

    public static final String PROCESS_KEY = "data-migration";

    private final RuntimeService runtime;
    private final MigrationJobs jobs;

    public DataMigrationProcess(RuntimeService runtime, MigrationJobs jobs) {
        this.runtime = runtime;
        this.jobs = jobs;
    }

    @Override
    public String start(MigrationRequest request) {
        if (request.target().masked() && !jobs.canMask()) {
            throw new MaskingKeyMissingException();
        }
        return runtime.startProcessInstanceByKey(PROCESS_KEY, Map.of(
                DataMigrationSteps.SOURCES, request.sourcesText(), DataMigrationSteps.ENTITIES, request.entitiesText(),
                DataMigrationSteps.TARGET, request.target().name(), DataMigrationSteps.CHUNK_SIZE, (long) request.chunkSize(),
                DataMigrationSteps.DRY_RUN, request.dryRun())).getId();
    }
}
