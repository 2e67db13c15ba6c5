package org.retailhub.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;

/**
 * Hands the Keycloak login Spring Security holds to Cockpit, Tasklist and Admin (Camunda instantiates it by name).
 * The webapps only accept users their identity service knows, so a Keycloak user is entered there at first login, by
 * id only (no name, e-mail or password: Keycloak keeps those), and at every login its memberships in the role groups
 * ({@link RoleAuthorizations}) are set to the token's realm roles: a role taken away in Keycloak is gone in Camunda at
 * the next login. Camunda checks the groups of the token itself, the memberships show them in Camunda Admin.
 */
public class SingleSignOnUser extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CamundaUser.current().map(user -> {
            knownTo(engine.getIdentityService(), user.id());
            membershipsFollowRoles(engine.getIdentityService(), user);
            AuthenticationResult result = AuthenticationResult.successful(user.id());
            result.setGroups(user.groups());
            return result;
        }).orElseGet(AuthenticationResult::unsuccessful);
    }

    private static void membershipsFollowRoles(IdentityService identity, CamundaUser user) {
        Set<String> current = identity.createGroupQuery().groupMember(user.id()).list().stream().map(Group::getId).collect(Collectors.toSet());
        for (String group : user.groups()) {
            if (!current.contains(group) && identity.createGroupQuery().groupId(group).count() > 0) {
                identity.createMembership(user.id(), group);
            }
        }
        for (String group : current) {
            if (!user.groups().contains(group) && CamundaUser.followsRoles(group)) {
                identity.deleteMembership(user.id(), group);
            }
        }
    }

    private static void knownTo(IdentityService identity, String userId) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        try {
            User user = identity.newUser(userId);
            identity.saveUser(user);
        } catch (ProcessEngineException e) {
            // two first requests of the same user at once: the other one entered it
            if (identity.createUserQuery().userId(userId).count() == 0) {
                throw e;
            }
        }
    }
}
