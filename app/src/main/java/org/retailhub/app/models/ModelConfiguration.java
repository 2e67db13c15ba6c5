package org.retailhub.app.models;

import java.time.Clock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.processes.models.ModelDeployments;
import org.retailhub.processes.models.ModelMigrations;
import org.retailhub.processes.models.ModelSeeds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Models at runtime: the jar's models as seeds (Camunda's auto-deployment is off, {@code camunda.bpm.auto-deployment-enabled}),
 * analysts' reviewed deployments and rollbacks, and migrations of running instances (docs/models.md).
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    /** A process engine plugin: deploys the jar's models the engine lacks once it is built, before any job runs. */
    @Bean
    static ModelSeeds modelSeeds() {
        return new ModelSeeds();
    }

    @Bean
    ModelDeployments modelDeployments(RepositoryService repository, AuditTrail audit, Clock clock) {
        return new ModelDeployments(repository, audit, clock);
    }

    @Bean
    ModelMigrations modelMigrations(RepositoryService repository, RuntimeService runtime, AuditTrail audit) {
        return new ModelMigrations(repository, runtime, audit);
    }
}
