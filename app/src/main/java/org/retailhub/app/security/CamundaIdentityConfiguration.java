package org.retailhub.app.security;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the Camunda engine who is calling, after Spring Security checked it: on {@code /engine-rest} in every mode, and
 * for the webapps with Keycloak single sign-on. Both run right after Spring Security's filter chain.
 */
@Configuration(proxyBeanMethods = false)
class CamundaIdentityConfiguration {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<Filter> engineRestIdentity(IdentityService identity) {
        Filter filter = (request, response, chain) -> {
            CamundaUser.current().ifPresent(user -> identity.setAuthentication(user.id(), user.groups()));
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "hub.security.mode", havingValue = "keycloak")
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SingleSignOnUser.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
