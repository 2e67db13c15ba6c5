package org.retailhub.processes.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The jar's models are seeds (docs/decisions/0006-models-are-seeds.md): when the engine starts, a model of the jar is
 * deployed if the engine has none of its key, or if the newest version is still the one a release deployed and the jar
 * brings a different one. A model whose newest version analysts changed (through {@code POST /api/models}, Modeler or
 * Cockpit) is left alone, so the next release never puts the old promotion table back; the log names each one kept.
 * It replaces Camunda's auto-deployment ({@code camunda.bpm.auto-deployment-enabled: false}), which deploys whatever
 * the jar holds as the newest version.
 */
public class ModelSeeds extends AbstractProcessEnginePlugin {

    /** The deployment source of the jar's models. */
    public static final String SEED_SOURCE = "retail-hub jar";
    /** The name of Camunda's auto-deployment, which deployed the jar's models before this class did. */
    static final String EARLIER_SEED_NAME = "SpringAutoDeployment";

    private static final Logger LOG = LoggerFactory.getLogger(ModelSeeds.class);
    private static final String[] PATTERNS = {"classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn"};

    private final java.util.function.Supplier<Map<String, byte[]>> release;

    /** Seeds the models of this jar. */
    public ModelSeeds() {
        this(ModelSeeds::jarModels);
    }

    /** Seeds the given models (path → content), as a release with them would. */
    ModelSeeds(java.util.function.Supplier<Map<String, byte[]>> release) {
        this.release = release;
    }

    /** True if a release deployed it: this class, or Camunda's auto-deployment before it. */
    static boolean isSeed(Deployment deployment) {
        return SEED_SOURCE.equals(deployment.getSource()) || EARLIER_SEED_NAME.equals(deployment.getName());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        Map<String, byte[]> toDeploy = new LinkedHashMap<>();
        List<String> keptByAnalysts = new ArrayList<>();
        for (Map.Entry<String, byte[]> seed : release.get().entrySet()) {
            List<String> states = keys(seed.getKey(), seed.getValue()).stream().map(k -> state(repository, k, seed.getValue())).toList();
            if (states.contains("analysts")) {
                keptByAnalysts.add(seed.getKey());
            } else if (states.contains("deploy")) {
                toDeploy.put(seed.getKey(), seed.getValue());
            }
        }
        keptByAnalysts.forEach(name -> LOG.warn("Model {} of this release is not deployed: analysts deployed a newer version of it, which stays "
                + "the one in use (GET /api/models; deploy the release's file through POST /api/models to adopt it)", name));
        if (toDeploy.isEmpty()) {
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment().source(SEED_SOURCE).name("retail-hub release models")
                .enableDuplicateFiltering(false);
        Map<String, Set<String>> calls = new HashMap<>();
        toDeploy.forEach((name, content) -> {
            deployment.addInputStream(name, new ByteArrayInputStream(content));
            if (name.endsWith(".bpmn")) {
                BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
                bpmn.getModelElementsByType(Process.class).forEach(p -> calls.put(p.getId(), CallGroup.boundCalls(bpmn)));
            }
        });
        CallGroup.partnersOf(repository, calls.keySet(), calls).values().stream()
                .filter(p -> !deployment.getResourceNames().contains(p.getResourceName()))
                .forEach(p -> deployment.addDeploymentResourceByName(p.getDeploymentId(), p.getResourceName()));
        LOG.info("Deploying the release's models {}", toDeploy.keySet());
        deployment.deploy();
    }

    /** {@code deploy}, {@code current} (the newest version is the jar's) or {@code analysts} (theirs is newer). */
    private static String state(RepositoryService repository, String key, byte[] jar) {
        List<? extends ResourceDefinition> versions = definitions(repository, key);
        if (versions.isEmpty()) {
            return "deploy";
        }
        ResourceDefinition newest = versions.get(0);
        byte[] inUse = content(repository, newest);
        ResourceDefinition lastSeed = versions.stream().filter(d -> isSeed(deployment(repository, d))).findFirst().orElse(null);
        if (lastSeed == null || !Arrays.equals(inUse, content(repository, lastSeed))) {
            return "analysts";
        }
        return Arrays.equals(inUse, jar) ? "current" : "deploy";
    }

    private static List<? extends ResourceDefinition> definitions(RepositoryService repository, String key) {
        List<? extends ResourceDefinition> processes = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
        return processes.isEmpty() ? repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion().desc().list() : processes;
    }

    private static Deployment deployment(RepositoryService repository, ResourceDefinition definition) {
        return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    }

    private static byte[] content(RepositoryService repository, ResourceDefinition definition) {
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<String> keys(String name, byte[] content) {
        if (name.endsWith(".bpmn")) {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class).stream()
                    .filter(Process::isExecutable).map(Process::getId).toList();
        }
        return Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class).stream()
                .map(Decision::getId).toList();
    }

    /** The jar's models by their path below the class path root, e.g. {@code bpmn/order/order-pricing.dmn}. */
    static Map<String, byte[]> jarModels() {
        Map<String, byte[]> models = new java.util.TreeMap<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource model : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                    String url = model.getURL().toString();
                    try (InputStream in = model.getInputStream()) {
                        models.put(url.substring(url.lastIndexOf("/bpmn/") + 1), in.readAllBytes());
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return models;
    }
}
