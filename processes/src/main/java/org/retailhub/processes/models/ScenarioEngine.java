package org.retailhub.processes.models;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.retailhub.processes.models.ModelReview.ModelFile;
import org.retailhub.processes.pricing.ParsedOnceFeelPlugin;

/**
 * A scratch Camunda engine that runs process scenarios ({@link ProcessScenarios}) against a candidate model, apart
 * from the hub's own engine: its own database or schema (the hub's PostgreSQL in schema {@code model_review}, H2 in
 * the processes module's tests), job executor off (the runner drives every job), no history, not registered with
 * {@link ProcessEngines} (so neither Cockpit nor the REST API sees it), and every step a scripted stand-in
 * ({@link ScriptedSteps}). Built on first use. Each review deploys the candidate with the processes it calls, runs
 * its scenarios one after the other and deletes that deployment with everything it started.
 */
public final class ScenarioEngine implements AutoCloseable {

    private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{\\s*([a-z][A-Za-z0-9]*)\\.[a-z][A-Za-z0-9]*\\(");
    /** What the engine itself puts into expressions ({@code ${execution.getVariable('x')}}): never a step bean. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution", "variableScope",
            "authenticatedUserId");
    /** Deployments older than this are what a review cut short (the hub stopped) left behind. */
    private static final Duration LEFT_BEHIND = Duration.ofHours(1);

    private final Supplier<DataSource> dataSource;
    private final String schema;
    private final ScriptedSteps steps = new ScriptedSteps();
    private DataSource pool;
    private ProcessEngine engine;

    /**
     * @param dataSource the scenario engine's own database, asked for on first use
     * @param schema     the schema in it that holds the engine's tables (the connections' current schema too), or null for
     *                   the connections' default
     */
    public ScenarioEngine(Supplier<DataSource> dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /**
     * Runs the scenarios against the process they name, deployed from {@code models} (the candidates) together with
     * the processes it calls: from {@code models} where they define them, else from {@code deployed} (the hub's or
     * the repo's, by process key; null when there is none). One line per failure, empty when every scenario passes.
     */
    public synchronized List<String> failures(ProcessScenarios scenarios, List<ModelFile> models, Function<String, ModelFile> deployed) {
        List<String> problems = new ArrayList<>();
        Map<String, ModelFile> deployment = withCalledModels(models, deployed, problems);
        if (!problems.isEmpty()) {
            return problems.stream().map(p -> scenarios.source() + ": " + p).toList();
        }
        if (!deployment.containsKey(scenarios.process())) {
            return List.of(scenarios.source() + ": no uploaded model defines the process '" + scenarios.process() + "'");
        }
        RepositoryService repository = engine().getRepositoryService();
        DeploymentBuilder builder = repository.createDeployment().name("review of " + scenarios.process());
        Set<String> beans = new HashSet<>();
        for (ModelFile model : deployment.values().stream().distinct().toList()) {
            builder.addInputStream(model.name(), new ByteArrayInputStream(model.content()));
            Matcher call = BEAN_CALL.matcher(new String(model.content(), StandardCharsets.UTF_8));
            while (call.find()) {
                if (!ENGINE_NAMES.contains(call.group(1))) {
                    beans.add(call.group(1));
                }
            }
        }
        scenarios.scenarios().forEach(s -> s.steps().keySet().forEach(step -> beans.add(step.substring(0, step.indexOf('.')))));
        steps.standInFor(beans);
        DeploymentWithDefinitions candidate;
        try {
            candidate = builder.deployWithResult();
        } catch (RuntimeException refused) {
            return List.of(scenarios.source() + ": the engine refuses the model: " + DecisionScenarios.firstLine(refused.getMessage()));
        }
        try {
            String definition = candidate.getDeployedProcessDefinitions().stream().filter(d -> d.getKey().equals(scenarios.process()))
                    .map(ProcessDefinition::getId).findFirst().orElseThrow();
            scenarios.scenarios().forEach(s -> problems.addAll(new ScenarioRun(engine, scenarios.source(), s).failuresOf(definition)));
        } finally {
            repository.deleteDeployment(candidate.getId(), true, true);
        }
        return problems;
    }

    /** The models by the process keys they define, with everything they call (transitively) from {@code deployed}. */
    private static Map<String, ModelFile> withCalledModels(List<ModelFile> models, Function<String, ModelFile> deployed, List<String> problems) {
        Map<String, ModelFile> byProcess = new LinkedHashMap<>();
        Deque<ModelFile> toRead = new ArrayDeque<>();
        for (ModelFile model : models.stream().filter(m -> m.name().endsWith(".bpmn")).toList()) {
            bpmn(model).getModelElementsByType(Process.class).forEach(p -> byProcess.putIfAbsent(p.getId(), model));
            toRead.add(model);
        }
        Set<String> asked = new HashSet<>();
        while (!toRead.isEmpty()) {
            for (CallActivity call : bpmn(toRead.pop()).getModelElementsByType(CallActivity.class)) {
                String key = call.getCalledElement();
                if (byProcess.containsKey(key) || !asked.add(key)) {
                    continue;
                }
                ModelFile partner = deployed.apply(key);
                if (partner == null) {
                    problems.add(call.getId() + " calls '" + key + "', which is neither uploaded nor deployed");
                } else {
                    bpmn(partner).getModelElementsByType(Process.class).forEach(p -> byProcess.putIfAbsent(p.getId(), partner));
                    toRead.add(partner);
                }
            }
        }
        return byProcess;
    }

    private static BpmnModelInstance bpmn(ModelFile model) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
    }

    private ProcessEngine engine() {
        if (engine == null) {
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("model-review");
            if (pool == null) {
                pool = dataSource.get();
            }
            configuration.setDataSource(pool);
            if (schema != null) {
                // Camunda qualifies its statements with the prefix; its DDL runs unqualified, in the connection's schema
                configuration.setDatabaseSchema(schema);
                configuration.setDatabaseTablePrefix(schema + ".");
            }
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
            configuration.setMetricsEnabled(false);
            configuration.setDbMetricsReporterActivate(false);
            configuration.setEnforceHistoryTimeToLive(false);
            configuration.setExpressionManager(steps);
            configuration.setProcessEnginePlugins(List.of(new ScenarioTrail.Plugin(), new ParsedOnceFeelPlugin()));
            engine = configuration.buildProcessEngine();
            ProcessEngines.unregister(engine);
            RepositoryService repository = engine.getRepositoryService();
            repository.createDeploymentQuery().deploymentBefore(Date.from(Instant.now().minus(LEFT_BEHIND))).list()
                    .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
        }
        return engine;
    }

    @Override
    public synchronized void close() throws Exception {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (pool instanceof AutoCloseable closeable) {
            closeable.close();
        }
        pool = null;
    }
}
