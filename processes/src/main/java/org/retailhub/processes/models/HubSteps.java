package org.retailhub.processes.models;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The steps the hub offers to models, as {@code bean.method}: every public method of a bean that takes the
 * {@link DelegateExecution}, which is what {@code ${bean.step(execution)}} in a service task calls.
 */
public final class HubSteps {

    private HubSteps() {
    }

    /** The steps of these beans (bean name to bean type). */
    public static Set<String> of(Map<String, Class<?>> beans) {
        Set<String> steps = new TreeSet<>();
        beans.forEach((name, type) -> {
            if (type != null) {
                Arrays.stream(type.getMethods()).filter(HubSteps::isStep).forEach(m -> steps.add(name + "." + m.getName()));
            }
        });
        return steps;
    }

    private static boolean isStep(Method method) {
        return !Modifier.isStatic(method.getModifiers()) && Arrays.asList(method.getParameterTypes()).contains(DelegateExecution.class);
    }
}
