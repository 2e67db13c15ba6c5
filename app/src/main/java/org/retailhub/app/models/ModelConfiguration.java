package org.retailhub.app.models;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.processes.models.HubSteps;
import org.retailhub.processes.models.ModelDeployments;
import org.retailhub.processes.models.ModelMigrations;
import org.retailhub.processes.models.ModelSeeds;
import org.retailhub.processes.models.ScenarioEngine;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Models at runtime: the jar's models as seeds (Camunda's auto-deployment is off, {@code camunda.bpm.auto-deployment-enabled}),
 * analysts' reviewed deployments and rollbacks, and migrations of running instances (docs/models.md).
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    /**
     * The schema of the hub's database that holds the scenario engine's tables: made by Flyway (V162), so the hub needs
     * no CREATE on the database; the scratch engine creates its own tables in it.
     */
    static final String SCENARIO_SCHEMA = "model_review";

    /** A process engine plugin: deploys the jar's models the engine lacks once it is built, before any job runs. */
    @Bean
    static ModelSeeds modelSeeds() {
        return new ModelSeeds();
    }

    /**
     * The scratch engine process scenarios run on before a deployment: the hub's PostgreSQL, schema
     * {@value #SCENARIO_SCHEMA}, through a pool of its own (two connections) opened at the first review, so it can never
     * see or touch the hub's own process instances.
     */
    @Bean(destroyMethod = "close")
    ScenarioEngine scenarioEngine(DataSourceProperties hubLogin) {
        return new ScenarioEngine(() -> {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("model-review");
            pool.setJdbcUrl(hubLogin.determineUrl());
            pool.setUsername(hubLogin.determineUsername());
            pool.setPassword(hubLogin.determinePassword());
            pool.setSchema(SCENARIO_SCHEMA);
            pool.setMaximumPoolSize(2);
            pool.setMinimumIdle(0);
            return pool;
        }, SCENARIO_SCHEMA);
    }

    @Bean
    ModelDeployments modelDeployments(RepositoryService repository, AuditTrail audit, Clock clock, ScenarioEngine scenarioEngine,
                                      ListableBeanFactory beans) {
        return new ModelDeployments(repository, audit, clock, scenarioEngine, () -> {
            Map<String, Class<?>> types = new LinkedHashMap<>();
            Arrays.stream(beans.getBeanDefinitionNames()).forEach(name -> types.put(name, beans.getType(name, false)));
            return HubSteps.of(types);
        });
    }

    @Bean
    ModelMigrations modelMigrations(RepositoryService repository, RuntimeService runtime, AuditTrail audit) {
        return new ModelMigrations(repository, runtime, audit);
    }
}
