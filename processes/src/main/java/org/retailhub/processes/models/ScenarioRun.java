package org.retailhub.processes.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.retailhub.processes.models.ProcessScenarios.Event;
import org.retailhub.processes.models.ProcessScenarios.Expectation;
import org.retailhub.processes.models.ProcessScenarios.Scenario;

/**
 * Drives one process scenario on the scenario engine to where it stops and compares it with what the scenario
 * expects: starts the process with the scenario's input, runs every job that is due (asynchronous continuations,
 * timers due now) until none is left, then lets each event of {@code then} happen in turn and runs the jobs again.
 * The process stops when it ends or waits for something the scenario does not send.
 */
final class ScenarioRun {

    /** More jobs than this in one scenario: the process loops. */
    private static final int MAX_JOBS = 500;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final Scenario scenario;
    private final String where;
    private final ScenarioTrail trail;
    private String root;

    ScenarioRun(ProcessEngine engine, String source, Scenario scenario) {
        this.runtime = engine.getRuntimeService();
        this.management = engine.getManagementService();
        this.tasks = engine.getTaskService();
        this.scenario = scenario;
        this.where = source + " scenario '" + scenario.name() + "'";
        this.trail = new ScenarioTrail(scenario.steps());
    }

    /** Runs the scenario against the process definition {@code definitionId}; one line per failure, empty when it passes. */
    List<String> failuresOf(String definitionId) {
        String broke = trail.during(() -> drive(definitionId));
        if (broke != null) {
            return List.of(where + ": " + broke);
        }
        return expectationFailures().stream().map(f -> where + ": " + f).toList();
    }

    private String drive(String definitionId) {
        try {
            ProcessInstantiationBuilder start = runtime.createProcessInstanceById(definitionId).businessKey("scenario");
            // a timer or message start event is entered directly: the scratch engine schedules no start timers
            root = (scenario.start() == null ? start : start.startBeforeActivity(scenario.start()))
                    .setVariables(Variables.fromMap(scenario.given())).execute().getId();
        } catch (RuntimeException failed) {
            return "the process failed " + after() + ": " + DecisionScenarios.firstLine(failed.getMessage());
        }
        String broke = runDueJobs();
        for (Event event : scenario.then()) {
            if (broke != null) {
                return broke;
            }
            try {
                broke = happen(event);
            } catch (RuntimeException failed) {
                return "the process failed on " + event.describe() + " " + after() + ": " + DecisionScenarios.firstLine(failed.getMessage());
            }
            broke = broke == null ? runDueJobs() : broke;
        }
        return broke;
    }

    private String runDueJobs() {
        for (int run = 0; run < MAX_JOBS; run++) {
            List<Job> due = management.createJobQuery().processInstanceIds(trail.instances()).executable().listPage(0, 1);
            if (due.isEmpty()) {
                return null;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException failed) {
                return "the process failed " + after() + ": " + DecisionScenarios.firstLine(failed.getMessage());
            }
        }
        return "the process ran more than " + MAX_JOBS + " jobs without stopping (a loop?); it passed " + trail.path();
    }

    /** Lets the event happen; a message nobody waits for, or a timer or task that is not there, is the scenario's failure. */
    private String happen(Event event) {
        Map<String, Object> variables = event.variables();
        switch (event.kind()) {
            case "message" -> {
                String waiting = trail.instances().stream().filter(id -> runtime.createExecutionQuery().processInstanceId(id)
                        .messageEventSubscriptionName(event.target()).count() > 0).findFirst().orElse(null);
                if (waiting == null) {
                    return "no process waits for the message " + event.target() + "; it " + state();
                }
                runtime.createMessageCorrelation(event.target()).processInstanceId(waiting).setVariables(variables).correlateWithResult();
            }
            case "timer" -> {
                // one query per instance: Camunda 7.24 writes invalid SQL for activityId with processInstanceIds
                List<Job> timers = trail.instances().stream()
                        .flatMap(id -> management.createJobQuery().processInstanceId(id).timers().activityId(event.target()).list().stream()).toList();
                if (timers.isEmpty()) {
                    return "no timer " + event.target() + " is waiting; the process " + state();
                }
                management.executeJob(timers.get(0).getId());
            }
            default -> {
                var open = tasks.createTaskQuery().processInstanceIdIn(trail.instances().toArray(String[]::new))
                        .taskDefinitionKey(event.target()).list();
                if (open.isEmpty()) {
                    return "no user task " + event.target() + " is open; the process " + state();
                }
                tasks.complete(open.get(0).getId(), variables);
            }
        }
        return null;
    }

    private List<String> expectationFailures() {
        Expectation expect = scenario.expect();
        List<String> failures = new ArrayList<>();
        boolean ended = runtime.createProcessInstanceQuery().processInstanceId(root).count() == 0;
        if (expect.end() != null && !(ended && expect.end().equals(trail.end()))) {
            failures.add("expected the process to end at " + expect.end() + " but it " + state());
        }
        if (expect.waitingAt() != null && (ended || !waitingAt().contains(expect.waitingAt()))) {
            failures.add("expected the process to wait at " + expect.waitingAt() + " but it " + state());
        }
        String missing = firstMissing(expect.path(), trail.path());
        if (missing != null) {
            failures.add("expected the path to pass " + missing + " but it passed " + trail.path());
        }
        expect.notPassed().stream().filter(trail.path()::contains)
                .forEach(id -> failures.add("expected the path not to pass " + id + " but it passed " + trail.path()));
        Map<String, Object> variables = ended ? trail.finalVariables() : runtime.getVariables(root);
        expect.variables().forEach((name, value) -> {
            Object actual = variables == null ? null : variables.get(name);
            if (!DecisionScenarios.sameValue(value, actual)) {
                failures.add("expected the variable " + name + " to be " + value + " but it is " + actual);
            }
        });
        return failures;
    }

    /** The first expected id not passed in order ("X after Y" when it was passed, but before Y), or null. */
    private static String firstMissing(List<String> expected, List<String> passed) {
        int from = 0;
        String previous = null;
        for (String id : expected) {
            int at = passed.subList(from, passed.size()).indexOf(id);
            if (at < 0) {
                return previous == null || !passed.contains(id) ? id : id + " after " + previous;
            }
            from += at + 1;
            previous = id;
        }
        return null;
    }

    private List<String> waitingAt() {
        List<String> waiting = new ArrayList<>();
        for (String id : trail.instances()) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                waiting.addAll(runtime.getActiveActivityIds(id));
            }
        }
        return waiting;
    }

    private String state() {
        if (root != null && runtime.createProcessInstanceQuery().processInstanceId(root).count() == 0) {
            return "ended at " + Objects.requireNonNullElse(trail.end(), "no end event");
        }
        return "waits at " + waitingAt();
    }

    private String after() {
        List<String> path = trail.path();
        return path.isEmpty() ? "at its start" : "after " + path.get(path.size() - 1);
    }
}
