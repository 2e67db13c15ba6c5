package org.retailhub.processes.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.processes.models.ModelReview.ModelFile;
import org.retailhub.processes.models.ModelReview.Verdict;

/**
 * Analysts' deployments of processes and decisions while the hub runs: reviewed ({@link ModelReview}: parses, house
 * rules, scenario tests) before anything reaches the engine, then deployed as a new version with a version tag, together
 * with the processes bound to it by calls ({@link CallGroup}) and the scenario files it passed (resources under
 * {@code scenarios/}); a rollback reviews an earlier version again (rules, steps, the scenarios deployed with it) and
 * deploys it as the newest. Every deployment, refusal and rollback is written to the audit trail with the analyst's name.
 */
public class ModelDeployments {

    /** The deployment source of what analysts deploy through the hub; {@link ModelSeeds} leaves those models alone. */
    public static final String ANALYST_SOURCE = "retail-hub api";

    /** Where a deployment keeps the scenario files its models passed, so a rollback runs them again. */
    private static final String SCENARIOS = "scenarios/";
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(bpmn|dmn)");
    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(yaml|yml|json)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RepositoryService repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScenarioEngine scenarioEngine;
    private final Supplier<Set<String>> steps;

    /**
     * @param scenarioEngine where process scenarios run before a deployment
     * @param steps          the steps the hub offers ({@link HubSteps}), asked for at each review
     */
    public ModelDeployments(RepositoryService repository, AuditTrail audit, Clock clock, ScenarioEngine scenarioEngine,
                            Supplier<Set<String>> steps) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.scenarioEngine = scenarioEngine;
        this.steps = steps;
    }

    /** Refused: every problem found, nothing deployed. */
    public static class ModelRefused extends RuntimeException {

        private final List<String> problems;

        public ModelRefused(List<String> problems) {
            super(problems.size() + " problem(s): " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reviews the models with their scenarios and deploys them as new versions tagged {@code versionTag} (or a
     * generated tag); {@link ModelRefused} with every problem when the review fails.
     */
    public List<ModelVersion> deploy(String analyst, List<ModelFile> models, List<ModelFile> scenarios, String versionTag) {
        List<String> problems = new ArrayList<>();
        String tag = versionTag == null || versionTag.isBlank() ? "analyst-" + STAMP.format(clock.instant()) : versionTag.strip();
        if (!TAG.matcher(tag).matches()) {
            problems.add("versionTag must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        models.stream().filter(m -> !FILE_NAME.matcher(m.name()).matches())
                .forEach(m -> problems.add("file name '" + m.name() + "': use letters, digits, '.', '_', '-' and end in .bpmn or .dmn"));
        scenarios.stream().filter(f -> !SCENARIO_NAME.matcher(f.name()).matches())
                .forEach(f -> problems.add("scenario file name '" + f.name() + "': use letters, digits, '.', '_', '-' and end in .yaml, .yml or .json"));
        Verdict verdict = ModelReview.review(models, scenarios, rehearsal());
        problems.addAll(verdict.problems());
        if (!problems.isEmpty()) {
            audit.record(analyst, "model-refused", "model", names(models), String.join("; ", problems));
            throw new ModelRefused(problems);
        }
        DeploymentBuilder deployment = repository.createDeployment().source(ANALYST_SOURCE).name("models " + tag);
        Map<String, Set<String>> calls = new HashMap<>();
        for (ModelFile model : models) {
            deployment.addString(model.name(), tagged(model, tag, calls));
        }
        scenarios.forEach(file -> deployment.addInputStream(SCENARIOS + file.name(), new ByteArrayInputStream(file.content())));
        addPartners(deployment, calls);
        List<ModelVersion> deployed = versionsOf(deployment.deployWithResult(), verdict.keysByFile().values().stream().flatMap(List::stream).toList());
        audit.record(analyst, "model-deployed", "model", names(models), describe(deployed) + " (tag " + tag + ")");
        return deployed;
    }

    /** Every deployed model at its newest version, by key. */
    public List<ModelVersion> newest() {
        List<ModelVersion> all = new ArrayList<>();
        repository.createProcessDefinitionQuery().latestVersion().list().forEach(d -> all.add(version(d, "process")));
        repository.createDecisionDefinitionQuery().latestVersion().list().forEach(d -> all.add(version(d, "decision")));
        all.sort(Comparator.comparing(ModelVersion::key));
        return all;
    }

    /** Every version of one model, newest first; {@link NoSuchElementException} for a key nobody deployed. */
    public List<ModelVersion> versions(String key) {
        List<ModelVersion> all = new ArrayList<>();
        repository.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion().desc().list()
                .forEach(d -> all.add(version(d, "process")));
        repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).orderByDecisionDefinitionVersion().desc().list()
                .forEach(d -> all.add(version(d, "decision")));
        if (all.isEmpty()) {
            throw new NoSuchElementException("no process or decision '" + key + "' is deployed");
        }
        return all;
    }

    /**
     * Deploys version {@code toVersion} of the model again (by default the one before the newest), so it becomes the
     * newest; its version tag comes with it. {@link IllegalArgumentException} when there is no such earlier version.
     */
    public ModelVersion rollback(String analyst, String key, Integer toVersion) {
        List<ModelVersion> versions = versions(key);
        ModelVersion newest = versions.get(0);
        int target = toVersion == null ? newest.version() - 1 : toVersion;
        ModelVersion earlier = versions.stream().filter(v -> v.version() == target && target < newest.version()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' has no version " + target + " before its newest ("
                        + newest.version() + ") to roll back to"));
        List<ModelFile> scenarios = storedScenarios(earlier.deploymentId());
        List<String> problems = ModelReview.review(List.of(stored(earlier.deploymentId(), earlier.resource())), scenarios, rehearsal()).problems();
        if (!problems.isEmpty()) {
            audit.record(analyst, "model-refused", "model", key, "rollback to v" + target + ": " + String.join("; ", problems));
            throw new ModelRefused(problems);
        }
        DeploymentBuilder deployment = repository.createDeployment().source(ANALYST_SOURCE).name("rollback " + key + " to v" + target)
                .addDeploymentResourceByName(earlier.deploymentId(), earlier.resource());
        scenarios.forEach(file -> deployment.addDeploymentResourceByName(earlier.deploymentId(), SCENARIOS + file.name()));
        if (earlier.kind().equals("process")) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definitionId(key, target));
            addPartners(deployment, Map.of(key, CallGroup.boundCalls(model)));
        }
        ModelVersion rolledBack = versionsOf(deployment.deployWithResult(), List.of(key)).get(0);
        audit.record(analyst, "model-rolled-back", "model", key, "v" + newest.version() + " -> v" + rolledBack.version()
                + " (content of v" + target + ", tag " + rolledBack.versionTag() + ")");
        return rolledBack;
    }

    private ModelReview.Rehearsal rehearsal() {
        return new ModelReview.Rehearsal(scenarioEngine, this::newestProcess, steps.get());
    }

    /** The newest deployed model of a process, as a file, or null when none is deployed. */
    private ModelFile newestProcess(String key) {
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return newest == null ? null : stored(newest.getDeploymentId(), newest.getResourceName());
    }

    /** A resource of a deployment as a file named like its last path segment ({@code bpmn/order/x.dmn}: {@code x.dmn}). */
    private ModelFile stored(String deploymentId, String resource) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return new ModelFile(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The scenario files deployed with a version (none for the jar's seeds: the repo's scenarios cover them). */
    private List<ModelFile> storedScenarios(String deploymentId) {
        return repository.getDeploymentResourceNames(deploymentId).stream().filter(r -> r.startsWith(SCENARIOS))
                .map(r -> stored(deploymentId, r)).toList();
    }

    private String definitionId(String key, int version) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version).singleResult().getId();
    }

    /** The model with {@code tag} as the version tag of each process and decision in it; notes the calls of its processes. */
    private static String tagged(ModelFile model, String tag, Map<String, Set<String>> calls) {
        if (model.name().endsWith(".bpmn")) {
            BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
            for (Process process : bpmn.getModelElementsByType(Process.class)) {
                process.setCamundaVersionTag(tag);
                calls.put(process.getId(), CallGroup.boundCalls(bpmn));
            }
            return Bpmn.convertToString(bpmn);
        }
        DmnModelInstance dmn = Dmn.readModelFromStream(new ByteArrayInputStream(model.content()));
        dmn.getModelElementsByType(Decision.class).forEach(d -> d.setVersionTag(tag));
        return Dmn.convertToString(dmn);
    }

    /** Adds the newest version of every process bound by calls to the changed ones, unchanged (see {@link CallGroup}). */
    private void addPartners(DeploymentBuilder deployment, Map<String, Set<String>> callsOfChanged) {
        if (callsOfChanged.isEmpty()) {
            return;
        }
        CallGroup.partnersOf(repository, callsOfChanged.keySet(), callsOfChanged).values().stream()
                .filter(p -> !deployment.getResourceNames().contains(p.getResourceName()))
                .forEach(p -> deployment.addDeploymentResourceByName(p.getDeploymentId(), p.getResourceName()));
    }

    private List<ModelVersion> versionsOf(DeploymentWithDefinitions deployed, List<String> keys) {
        List<ModelVersion> versions = new ArrayList<>();
        // the engine answers null, not an empty list, for a kind the deployment has none of
        List<ProcessDefinition> processes = deployed.getDeployedProcessDefinitions();
        List<DecisionDefinition> decisions = deployed.getDeployedDecisionDefinitions();
        (processes == null ? List.<ProcessDefinition>of() : processes).stream().filter(d -> keys.contains(d.getKey()))
                .forEach(d -> versions.add(version(d, "process")));
        (decisions == null ? List.<DecisionDefinition>of() : decisions).stream().filter(d -> keys.contains(d.getKey()))
                .forEach(d -> versions.add(version(d, "decision")));
        return versions;
    }

    private ModelVersion version(ResourceDefinition definition, String kind) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        String tag = definition instanceof ProcessDefinition p ? p.getVersionTag() : ((DecisionDefinition) definition).getVersionTag();
        return new ModelVersion(definition.getKey(), kind, definition.getVersion(), tag, definition.getDeploymentId(),
                deployment.getDeploymentTime().toInstant(), origin(deployment), definition.getResourceName());
    }

    static String origin(Deployment deployment) {
        if (ANALYST_SOURCE.equals(deployment.getSource())) {
            return "analyst";
        }
        return ModelSeeds.isSeed(deployment) ? "release" : "other";
    }

    private static String describe(List<ModelVersion> versions) {
        return String.join(", ", versions.stream().map(v -> v.key() + " v" + v.version()).toList());
    }

    private static String names(List<ModelFile> models) {
        return String.join(",", models.stream().map(ModelFile::name).toList());
    }
}
