package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The Camunda Modeler element templates (src/main/element-templates/retail-hub.json) name steps that exist: each
 * service task template calls a public method of a step bean, and the variables it says the step reads and sets are
 * the ones the step's code reads and sets; each call activity template calls a model in the repo, passes it what its
 * steps and expressions read (or a variable its description marks "For operators:", kept for searching in Cockpit) and
 * receives what its steps set. Every step a model can call has a template.
 * The schema of the file is checked by the build (src/lint/element-templates.js).
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/element-templates/retail-hub.json");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern STEP = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(execution((?:, '[^']*')*)\\)}");
    /** {@code execution.getVariable(NAME}, {@code execution.setVariable(NAME} or {@code TransientVariables.set(execution, NAME}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "(?:\\.(get|set)Variable(?:Local)?\\(|TransientVariables\\.(set)\\(execution,)\\s*([\\w.\"]+)(\\s*\\+)?");

    private static List<JsonNode> templates;
    private static Map<String, Class<?>> steps;
    private static Map<String, BpmnModelInstance> models;

    @BeforeAll
    static void read() throws Exception {
        templates = StreamSupport.stream(new ObjectMapper().readTree(TEMPLATES.toFile()).spliterator(), false).toList();
        steps = new HashMap<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (var candidate : scanner.findCandidateComponents("org.retailhub.processes")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String name = type.getAnnotation(Component.class).value();
            if (!name.isEmpty()) {
                steps.put(name, type);
            }
        }
        models = new HashMap<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
            try (InputStream in = model.getInputStream()) {
                BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
                bpmn.getModelElementsByType(Process.class).forEach(p -> models.put(p.getId(), bpmn));
            }
        }
    }

    @Test
    void templatesHaveUniqueIdsAndNames() {
        assertThat(templates).extracting(t -> t.path("id").asText()).doesNotHaveDuplicates().allMatch(id -> id.startsWith("org.retailhub."));
        assertThat(templates).extracting(t -> t.path("name").asText()).doesNotHaveDuplicates().noneMatch(String::isBlank);
    }

    @Test
    void eachServiceTaskTemplateCallsAStepThatReadsAndSetsWhatTheTemplateSays() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode template : ofType("bpmn:ServiceTask")) {
            String id = template.path("id").asText();
            Matcher step = STEP.matcher(value(template, "property", "camunda:expression"));
            if (!step.matches()) {
                problems.add(id + " does not call a step as ${bean.method(execution)}");
                continue;
            }
            Class<?> bean = steps.get(step.group(1));
            int arguments = 1 + (int) step.group(3).chars().filter(c -> c == ',').count();
            if (bean == null || method(bean, step.group(2), arguments) == null) {
                problems.add(id + " calls " + step.group(1) + "." + step.group(2) + " with " + arguments + " argument(s): no such step");
                continue;
            }
            Access access = access(bean, step.group(2));
            check(problems, id + " reads", value(template, "camunda:property", "reads"), access.reads());
            check(problems, id + " writes", value(template, "camunda:property", "writes"), access.writes());
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStepOfEveryStepBeanHasATemplate() {
        Set<String> offered = new TreeSet<>();
        for (JsonNode template : ofType("bpmn:ServiceTask")) {
            Matcher step = STEP.matcher(value(template, "property", "camunda:expression"));
            if (step.matches()) {
                offered.add(step.group(1) + "." + step.group(2));
            }
        }
        Set<String> existing = new TreeSet<>();
        steps.forEach((name, type) -> {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == void.class && m.getParameterCount() > 0
                        && m.getParameterTypes()[0] == DelegateExecution.class) {
                    existing.add(name + "." + m.getName());
                }
            }
        });
        assertThat(offered).isEqualTo(existing);
        for (BpmnModelInstance bpmn : models.values()) {
            for (ServiceTask task : bpmn.getModelElementsByType(ServiceTask.class)) {
                assertThat(templates).as(task.getId() + " can be drawn from a template")
                        .anySatisfy(t -> assertThat(value(t, "property", "camunda:expression")).isEqualTo(task.getCamundaExpression()));
            }
        }
    }

    @Test
    void eachCallActivityTemplateCallsARepoModelWithWhatItReadsAndGetsWhatItSets() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode template : ofType("bpmn:CallActivity")) {
            String called = value(template, "property", "calledElement");
            BpmnModelInstance model = models.get(called);
            if (model == null) {
                problems.add(template.path("id").asText() + " calls " + called + ", which no model in the repo defines");
                continue;
            }
            assertThat(value(template, "property", "camunda:calledElementBinding")).isEqualTo("deployment");
            Access access = access(model);
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                boolean forOperators = property.path("description").asText().startsWith("For operators:");
                if (binding.path("type").asText().equals("camunda:in") && !access.reads().contains(binding.path("target").asText())
                        && !forOperators) {
                    problems.add(called + " never reads " + binding.path("target").asText() + " that the template passes");
                }
                if (binding.path("type").asText().equals("camunda:out") && !access.writes().contains(binding.path("source").asText())) {
                    problems.add(called + " never sets " + binding.path("source").asText() + " that the template receives");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<JsonNode> ofType(String type) {
        return templates.stream().filter(t -> t.path("appliesTo").toString().contains(type)).toList();
    }

    private static String value(JsonNode template, String bindingType, String name) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (binding.path("type").asText().equals(bindingType) && binding.path("name").asText().equals(name)) {
                return property.path("value").asText();
            }
        }
        return "";
    }

    private static void check(List<String> problems, String what, String declared, Set<String> actual) {
        Set<String> listed = new TreeSet<>(declared.isEmpty() ? List.of() : List.of(declared.split(",")));
        if (!listed.equals(actual)) {
            problems.add(what + " " + listed + " but the step's code " + actual);
        }
    }

    private static Method method(Class<?> bean, String name, int arguments) {
        for (Method m : bean.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arguments && m.getParameterTypes()[0] == DelegateExecution.class) {
                return m;
            }
        }
        return null;
    }

    /** The variables a model's steps read and set, plus the names its expressions (conditions, timers) read. */
    private static Access access(BpmnModelInstance model) throws IOException {
        Set<String> reads = new TreeSet<>(), writes = new TreeSet<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            Matcher step = STEP.matcher(task.getCamundaExpression());
            if (step.matches()) {
                Access access = access(steps.get(step.group(1)), step.group(2));
                reads.addAll(access.reads());
                writes.addAll(access.writes());
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if (models.containsKey(call.getCalledElement()) && models.get(call.getCalledElement()) != model) {
                writes.addAll(access(models.get(call.getCalledElement())).writes());
            }
        }
        Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(Bpmn.convertToString(model));
        while (expression.find()) {
            Matcher name = Pattern.compile("(?<![.'\\w])([a-z]\\w*)(?![\\w(])").matcher(expression.group(1));
            while (name.find()) {
                reads.add(name.group(1));
            }
        }
        return new Access(reads, writes);
    }

    /**
     * What a step method reads and sets through {@code execution.get/setVariable}, following the private helpers of its
     * class it hands the execution to. A name built at run time ({@code LINE + n}) shows as its prefix and {@code *}.
     */
    private static Access access(Class<?> bean, String methodName) throws IOException {
        String source = Files.readString(SOURCES.resolve(bean.getName().replace('.', '/') + ".java"));
        Set<String> reads = new TreeSet<>(), writes = new TreeSet<>(), seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(methodName));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!seen.add(name)) {
                continue;
            }
            for (String body : bodies(source, name)) {
                Matcher call = Pattern.compile("\\b(\\w+)\\(execution\\b").matcher(body);
                while (call.find()) {
                    todo.add(call.group(1));
                }
                Matcher variable = VARIABLE.matcher(body);
                while (variable.find()) {
                    String value = constant(bean, source, variable.group(3)) + (variable.group(4) != null ? "*" : "");
                    ("get".equals(variable.group(1)) ? reads : writes).add(value);
                }
            }
        }
        return new Access(reads, writes);
    }

    /** The bodies of every method of that name in the source, braces matched. */
    private static List<String> bodies(String source, String name) {
        List<String> bodies = new ArrayList<>();
        Matcher header = Pattern.compile("\\n    (?:public |private |protected )?(?:static )?[\\w<>\\[\\], .]+? " + name + "\\([^)]*\\)[^{;]*\\{").matcher(source);
        while (header.find()) {
            int depth = 0, end = header.end() - 1;
            do {
                char c = source.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            bodies.add(source.substring(header.end() - 1, end));
        }
        return bodies;
    }

    /** The text of a string literal, or the value of a String constant of the step's class or a class of its package. */
    private static String constant(Class<?> bean, String source, String expression) {
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        try {
            int dot = expression.lastIndexOf('.');
            Class<?> owner = dot < 0 ? bean : Class.forName(bean.getPackageName() + "." + expression.substring(0, dot));
            var field = owner.getDeclaredField(expression.substring(dot + 1));
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot resolve the variable name " + expression + " in " + bean.getSimpleName(), e);
        }
    }

    private record Access(Set<String> reads, Set<String> writes) {
    }
}
