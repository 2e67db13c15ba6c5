package org.retailhub.processes.models;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Everything the hub checks before a model is deployed, in the order an analyst would fix it: the file parses
 * (Camunda's model APIs), it follows the house rules ({@link BpmnRules}, {@link DmnRules}), its service tasks call
 * steps the hub has, and its scenario tests pass against it: {@link DecisionScenarios} for a table,
 * {@link ProcessScenarios} for a process (run on the {@link ScenarioEngine}). Scenarios uploaded with a model replace
 * the repo's for that decision or process; without an upload the repo's scenarios run. A table or process that no
 * scenario file tests is refused: nothing goes live untested.
 */
public final class ModelReview {

    /** A file as uploaded: its name ({@code order-pricing.dmn}) and content. */
    public record ModelFile(String name, byte[] content) {
    }

    /** What the review found: every problem (empty: deployable) and the process/decision keys each model defines. */
    public record Verdict(List<String> problems, Map<String, List<String>> keysByFile) {

        public boolean deployable() {
            return problems.isEmpty();
        }
    }

    /**
     * Where the review runs process scenarios and what it checks steps against.
     *
     * @param engine   the scratch engine process scenarios run on
     * @param deployed the newest model of a process the candidate calls but does not upload, by process key (null: none)
     * @param steps    the steps the hub offers, as {@code bean.method}; a service task calling another is refused
     */
    public record Rehearsal(ScenarioEngine engine, Function<String, ModelFile> deployed, Set<String> steps) {
    }

    private ModelReview() {
    }

    /** Reviews the uploaded models with the uploaded scenario files (and the repo's, for models they do not cover). */
    public static Verdict review(List<ModelFile> models, List<ModelFile> scenarioFiles, Rehearsal rehearsal) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        ScenarioFiles scenarios = ScenarioFiles.repo();
        for (ModelFile file : scenarioFiles) {
            try {
                scenarios.add(file.name(), file.content());
            } catch (IllegalArgumentException unreadable) {
                problems.add(unreadable.getMessage());
            }
        }
        if (models.isEmpty()) {
            problems.add("no model: upload at least one .bpmn or .dmn file (part 'files')");
        }
        for (ModelFile model : models) {
            if (model.name().endsWith(".bpmn")) {
                List<String> processes = bpmn(model, rehearsal.steps(), problems);
                keys.put(model.name(), processes);
                for (String process : processes) {
                    ProcessScenarios tests = scenarios.processes().get(process);
                    if (tests == null) {
                        problems.add(untested(model, "process", process));
                    } else {
                        problems.addAll(rehearsal.engine().failures(tests, models, rehearsal.deployed()));
                    }
                }
            } else if (model.name().endsWith(".dmn")) {
                List<String> decisions = dmn(model, problems);
                keys.put(model.name(), decisions);
                for (String decision : decisions) {
                    DecisionScenarios tests = scenarios.decisions().get(decision);
                    if (tests == null) {
                        problems.add(untested(model, "decision", decision));
                    } else {
                        problems.addAll(tests.failuresAgainst(model.name(), model.content()));
                    }
                }
            } else {
                problems.add(model.name() + ": only .bpmn and .dmn files are models");
            }
        }
        return new Verdict(List.copyOf(problems), keys);
    }

    /** The refusal of a model whose process or decision no scenario file tests. */
    static String untested(ModelFile model, String kind, String key) {
        return model.name() + ": " + kind + " " + key + " has no scenario tests; upload a scenario file for it (" + kind + ": " + key
                + ", docs/models.md#scenario-files)";
    }

    /** The scenario files beside the repo's models, by the decision they test. */
    public static Map<String, DecisionScenarios> repoScenarios() {
        return ScenarioFiles.repo().decisions();
    }

    private static List<String> bpmn(ModelFile model, Set<String> steps, List<String> problems) {
        BpmnModelInstance bpmn = parsed(model, "BPMN", in -> {
            BpmnModelInstance read = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(read);
            return read;
        }, problems);
        if (bpmn == null) {
            return List.of();
        }
        BpmnRules.problems(bpmn).forEach(p -> problems.add(model.name() + ": " + p));
        BpmnRules.unknownSteps(bpmn, steps).forEach(p -> problems.add(model.name() + ": " + p));
        BpmnRules.diagramProblems(bpmn).forEach(p -> problems.add(model.name() + " (diagram): " + p));
        return defined(model, "executable process", bpmn.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                .map(Process::getId).toList(), problems);
    }

    private static List<String> dmn(ModelFile model, List<String> problems) {
        DmnModelInstance dmn = parsed(model, "DMN", in -> {
            DmnModelInstance read = Dmn.readModelFromStream(in);
            Dmn.validateModel(read);
            return read;
        }, problems);
        if (dmn == null) {
            return List.of();
        }
        DmnRules.problems(dmn).forEach(p -> problems.add(model.name() + ": " + p));
        return defined(model, "decision", dmn.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList(), problems);
    }

    /** The model as Camunda's model API reads and validates it, or null (and a problem) when it cannot. */
    private static <M> M parsed(ModelFile model, String kind, Function<InputStream, M> reader, List<String> problems) {
        try {
            return reader.apply(new ByteArrayInputStream(model.content()));
        } catch (RuntimeException unparsable) {
            problems.add(model.name() + " is not a valid " + kind + " model: " + firstLine(unparsable));
            return null;
        }
    }

    private static List<String> defined(ModelFile model, String kind, List<String> keys, List<String> problems) {
        if (keys.isEmpty()) {
            problems.add(model.name() + " has no " + kind);
        }
        return keys;
    }

    private static String firstLine(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
