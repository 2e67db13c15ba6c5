package org.retailhub.processes.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario tests of a process written as data (YAML, docs/models.md#process-scenarios), so an analyst states what a
 * process must do without writing Java: the process input ({@code given}, its start variables), what each named step
 * answers ({@code steps}: {@code payment.authorise} sets variables, raises a BPMN error or returns a value), what
 * happens while it waits ({@code then}: a message arrives, a timer fires, a user task is completed) and where it must
 * get ({@code expect}: the activities passed, the end event or the activity it waits at, its variables at the end).
 * {@link ScenarioEngine} runs them on a real Camunda engine with the hub's steps replaced by the scripted answers.
 *
 * @param process the key of the process the scenarios start, e.g. {@code payment}
 * @param source  where the scenarios came from (a file name), for the failure messages
 */
public record ProcessScenarios(String process, String source, List<Scenario> scenarios) {

    /**
     * One scenario: start with {@code given} (at the start event {@code start}, or the process's none start event when
     * null), let the steps answer and the events happen, expect this.
     */
    public record Scenario(String name, String start, Map<String, Object> given, Map<String, List<Answer>> steps, List<Event> then,
            Expectation expect) {
    }

    /**
     * What a step answers when the process calls it: variables it sets, a BPMN error it raises (the model's boundary
     * event catches it), a value it returns (for a step used in a condition). A step scripted with a list answers
     * call by call; its last answer repeats.
     */
    public record Answer(Map<String, Object> set, String error, String errorMessage, Object returns) {
    }

    /**
     * Something that happens while the process waits, in order: a {@code message} (by name, optionally carrying
     * variables), a {@code timer} that fires now (by the id of its timer event), a user {@code task} completed (by
     * activity id, optionally with variables).
     */
    public record Event(String kind, String target, Map<String, Object> variables) {

        public String describe() {
            return kind + " " + target;
        }
    }

    /** Where the scenario must get; every part is optional. */
    public record Expectation(List<String> path, List<String> notPassed, String end, String waitingAt, Map<String, Object> variables) {
    }

    private static final List<String> EVENT_KINDS = List.of("message", "timer", "task");

    /** Reads a parsed scenario file whose root names a {@code process}; {@link IllegalArgumentException} saying what is wrong. */
    static ProcessScenarios read(String source, Map<?, ?> file) {
        if (!(file.get("process") instanceof String process) || !(file.get("scenarios") instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException(source + " needs 'process: <process id>' and a non-empty list 'scenarios'");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Object item : items) {
            String where = source + ": scenario " + (scenarios.size() + 1);
            if (!(item instanceof Map<?, ?> s) || !(s.get("name") instanceof String name) || !(s.get("expect") instanceof Map<?, ?> expect)) {
                throw new IllegalArgumentException(where + " needs 'name', 'given' (the start variables), 'steps' and 'expect'");
            }
            where = source + ": scenario '" + name + "'";
            scenarios.add(new Scenario(name, text(s.get("start")), map(s.get("given"), where + ": 'given'"), steps(s.get("steps"), where),
                    events(s.get("then"), where), expectation(expect, where)));
        }
        return new ProcessScenarios(process, source, List.copyOf(scenarios));
    }

    private static Map<String, List<Answer>> steps(Object steps, String where) {
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> step : map(steps, where + ": 'steps'").entrySet()) {
            if (!step.getKey().matches("[a-z][A-Za-z]*\\.[a-z][A-Za-z]*")) {
                throw new IllegalArgumentException(where + ": step '" + step.getKey() + "' is not a bean and method like payment.authorise");
            }
            List<?> each = step.getValue() instanceof List<?> list ? list : List.of(step.getValue() == null ? Map.of() : step.getValue());
            List<Answer> read = new ArrayList<>();
            for (Object answer : each) {
                Map<String, Object> a = map(answer, where + ": the answer of " + step.getKey());
                read.add(new Answer(map(a.get("set"), where + ": 'set' of " + step.getKey()), text(a.get("error")), text(a.get("message")),
                        a.get("return")));
            }
            answers.put(step.getKey(), List.copyOf(read));
        }
        return answers;
    }

    private static List<Event> events(Object then, String where) {
        if (then == null) {
            return List.of();
        }
        if (!(then instanceof List<?> items)) {
            throw new IllegalArgumentException(where + ": 'then' is a list of events (message, timer or task)");
        }
        List<Event> events = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> event = map(item, where + ": an event of 'then'");
            String kind = EVENT_KINDS.stream().filter(event::containsKey).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    where + ": event " + (events.size() + 1) + " is none of 'message: <name>', 'timer: <timer event id>', 'task: <user task id>'"));
            events.add(new Event(kind, String.valueOf(event.get(kind)), map(event.get("set"), where + ": 'set' of " + kind)));
        }
        return List.copyOf(events);
    }

    private static Expectation expectation(Map<?, ?> expect, String where) {
        if (expect.get("end") != null && expect.get("waitingAt") != null) {
            throw new IllegalArgumentException(where + ": expect either 'end' or 'waitingAt', not both");
        }
        return new Expectation(ids(expect.get("path"), where + ": 'path'"), ids(expect.get("notPassed"), where + ": 'notPassed'"),
                text(expect.get("end")), text(expect.get("waitingAt")), map(expect.get("variables"), where + ": expected 'variables'"));
    }

    private static List<String> ids(Object ids, String where) {
        if (ids == null) {
            return List.of();
        }
        if (!(ids instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " is a list of activity ids");
        }
        return list.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " is a map of names to values");
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
