package org.retailhub.processes.models;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Process variables that live until the next wait state: a decision its gateway reads, a reason the next step or the
 * caller's out-mapping reads in the same transaction. Camunda keeps them in memory only (no row, no history), which is
 * most of what an order used to write to {@code act_ru_variable} (issue 18).
 */
public final class TransientVariables {

    private TransientVariables() {
    }

    /**
     * Sets {@code name} transient. An instance started before these variables were transient (or the caller its
     * answer is mapped out to) may already store one of that name, and the engine refuses to turn a stored variable
     * transient: such an instance keeps storing it until it ends.
     */
    public static void set(DelegateExecution execution, String name, Object value) {
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        boolean stored = stores(execution, name) || caller != null && stores(caller, name);
        execution.setVariable(name, stored ? value : transientValue(value));
    }

    private static boolean stores(VariableScope scope, String name) {
        TypedValue existing = scope.getVariableTyped(name);
        return existing != null && !existing.isTransient();
    }

    private static TypedValue transientValue(Object value) {
        if (value == null) {
            return Variables.untypedNullValue(true);
        }
        if (value instanceof String text) {
            return Variables.stringValue(text, true);
        }
        if (value instanceof Boolean flag) {
            return Variables.booleanValue(flag, true);
        }
        return Variables.untypedValue(value, true);
    }
}
