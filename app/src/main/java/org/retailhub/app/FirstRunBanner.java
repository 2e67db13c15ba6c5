package org.retailhub.app;

import org.retailhub.security.identity.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where to look once the hub is up, including the dev-only Cockpit login if it is still the demo one. */
@Component
class FirstRunBanner {

    private static final Logger log = LoggerFactory.getLogger(FirstRunBanner.class);

    private final String adminUser;
    private final String adminPassword;

    private final SecurityProperties security;

    FirstRunBanner(@Value("${camunda.bpm.admin-user.id:}") String adminUser,
                   @Value("${camunda.bpm.admin-user.password:}") String adminPassword, SecurityProperties security) {
        this.security = security;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info("retail-hub is up. Cockpit: {}/camunda/app/cockpit/  Order API: {}/api/orders  Metrics: {}/actuator/prometheus",
                base, base, base);
        if (security.mode() == SecurityProperties.Mode.KEYCLOAK) {
            log.info("Security: Keycloak realm {} (API bearer tokens, webapp single sign-on)", security.keycloak().issuerUri());
            return;
        }
        if ("demo".equals(adminUser) && "demo".equals(adminPassword)) {
            log.warn("DEV-ONLY demo login for Cockpit/Tasklist/Admin: user 'demo', password 'demo'. "
                    + "Set camunda.bpm.admin-user.* (or use Keycloak) before this hub sees real data.");
        }
        log.warn("DEV-ONLY security mode: API users analyst, operator, integration, admin with password <name>-dev-only (HTTP Basic). "
                + "Set hub.security.mode=keycloak before this hub sees real data.");
    }
}
