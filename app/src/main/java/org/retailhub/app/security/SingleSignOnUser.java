package org.retailhub.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/** Hands the Keycloak login Spring Security holds to Cockpit, Tasklist and Admin (Camunda instantiates it by name). */
public class SingleSignOnUser extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CamundaUser.current().map(user -> {
            AuthenticationResult result = AuthenticationResult.successful(user.id());
            result.setGroups(user.groups());
            return result;
        }).orElseGet(AuthenticationResult::unsuccessful);
    }
}
