package org.retailhub.processes.models;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;

/**
 * The processes that call each other with {@code calledElementBinding="deployment"} (order-fulfilment calls payment
 * and payment-reversal): such a call finds its model in the caller's own deployment, so an order in flight
 * keeps the payment model it started with. A new version of one of them is therefore deployed together with the
 * newest versions of the others, so that new orders call it while running orders keep theirs.
 */
final class CallGroup {

    private CallGroup() {
    }

    /**
     * The newest definition of every deployed process connected to {@code changed} by calls (either way, transitively),
     * without those in {@code changed}; by process key.
     */
    static Map<String, ProcessDefinition> partnersOf(RepositoryService repository, Collection<String> changed,
                                                     Map<String, Set<String>> callsOfChanged) {
        Map<String, ProcessDefinition> latest = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            latest.put(definition.getKey(), definition);
            calls.put(definition.getKey(), boundCalls(repository.getBpmnModelInstance(definition.getId())));
        }
        calls.putAll(callsOfChanged);
        Set<String> group = new HashSet<>(changed);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> caller : calls.entrySet()) {
                boolean callerIn = group.contains(caller.getKey());
                boolean callsIn = caller.getValue().stream().anyMatch(group::contains);
                if (callerIn) {
                    grew |= group.addAll(caller.getValue());
                }
                if (callsIn) {
                    grew |= group.add(caller.getKey());
                }
            }
        }
        Map<String, ProcessDefinition> partners = new LinkedHashMap<>();
        group.stream().filter(key -> !changed.contains(key) && latest.containsKey(key)).sorted()
                .forEach(key -> partners.put(key, latest.get(key)));
        return partners;
    }

    /** The processes a model calls with a deployment binding. */
    static Set<String> boundCalls(BpmnModelInstance model) {
        Set<String> called = new HashSet<>();
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if ("deployment".equals(call.getCamundaCalledElementBinding()) && call.getCalledElement() != null) {
                called.add(call.getCalledElement());
            }
        }
        return called;
    }
}
