package org.retailhub.processes.models;

import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The scenario engine's expressions: {@code ${payment.authorise(execution)}} calls a stand-in for the step instead of
 * the hub's bean, and the stand-in answers what the current scenario scripted ({@link ScenarioTrail#call}). Only the
 * names service tasks and listeners call as beans are stand-ins ({@link #standInFor}); every other name is a process
 * variable as usual, so a gateway reading a variable no step set fails as it would in the hub.
 */
final class ScriptedSteps extends JuelExpressionManager {

    private final Set<String> beans = ConcurrentHashMap.newKeySet();

    /** Makes {@code bean} (as in {@code ${bean.step(execution)}}) a stand-in in the expressions evaluated from now on. */
    void standInFor(Set<String> beanNames) {
        beans.addAll(beanNames);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new StandIns());
        resolver.add(super.createElResolver());
        return resolver;
    }

    /** A bean of the hub as a scenario sees it: its name. */
    private record StandIn(String bean) {
    }

    private final class StandIns extends ELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && beans.contains(name)) {
                context.setPropertyResolved(true);
                return new StandIn(name);
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            if (!(base instanceof StandIn standIn)) {
                return null;
            }
            context.setPropertyResolved(true);
            DelegateExecution execution = params == null ? null : Arrays.stream(params)
                    .filter(DelegateExecution.class::isInstance).map(DelegateExecution.class::cast).findFirst().orElse(null);
            ScenarioTrail trail = ScenarioTrail.current();
            return trail == null ? null : trail.call(standIn.bean() + "." + method, execution);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // stand-ins have no properties to set
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
