package org.retailhub.app.security;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With Keycloak, Camunda does not get the DEV-ONLY {@code demo}/{@code demo} administrator of
 * {@code camunda.bpm.admin-user}: Keycloak's admins are Camunda's ({@code camunda-admin} through their role), and a
 * password user beside single sign-on would be a way around it. Removes the starter's bean that would create it, also
 * when {@code camunda.bpm.admin-user.id} is set empty (the production checklist's way to drop the demo login).
 */
@Component
class NoDemoLoginWithKeycloak implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, Ordered {

    /** The Camunda starter's bean (CamundaBpmConfiguration#createAdminUserConfiguration). */
    static final String ADMIN_USER_BEAN = "createAdminUserConfiguration";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        boolean noAdminUser = "keycloak".equalsIgnoreCase(environment.getProperty("hub.security.mode"))
                || environment.getProperty("camunda.bpm.admin-user.id", "").isBlank();
        if (noAdminUser && registry.containsBeanDefinition(ADMIN_USER_BEAN)) {
            registry.removeBeanDefinition(ADMIN_USER_BEAN);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
