package org.retailhub.processes.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Scenario files by what they test: {@code <model>.scenarios.yaml} beside a model holds either decision scenarios
 * (root key {@code decision}, {@link DecisionScenarios}) or process scenarios (root key {@code process},
 * {@link ProcessScenarios}). An uploaded file replaces the repo's for the decision or process it names.
 */
public record ScenarioFiles(Map<String, DecisionScenarios> decisions, Map<String, ProcessScenarios> processes) {

    private static final String REPO_SCENARIOS = "classpath*:bpmn/**/*.scenarios.yaml";

    /** The scenario files beside the repo's models. */
    public static ScenarioFiles repo() {
        ScenarioFiles files = new ScenarioFiles(new LinkedHashMap<>(), new LinkedHashMap<>());
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(REPO_SCENARIOS)) {
                try (InputStream in = file.getInputStream()) {
                    files.add(file.getFilename(), in.readAllBytes());
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return files;
    }

    /** Adds (or replaces by what it tests) one file; {@link IllegalArgumentException} saying what is wrong with it. */
    public void add(String name, byte[] content) {
        Map<?, ?> file = yaml(name, new ByteArrayInputStream(content));
        if (file.containsKey("process")) {
            ProcessScenarios read = ProcessScenarios.read(name, file);
            processes.put(read.process(), read);
        } else {
            DecisionScenarios read = DecisionScenarios.read(name, file);
            decisions.put(read.decision(), read);
        }
    }

    static Map<?, ?> yaml(String source, InputStream content) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException(source + " is not YAML or JSON: " + DecisionScenarios.firstLine(unreadable.getMessage()));
        }
        if (!(root instanceof Map<?, ?> file)) {
            throw new IllegalArgumentException(source + " needs 'decision: <decision id>' or 'process: <process id>' and a list 'scenarios'");
        }
        return file;
    }
}
