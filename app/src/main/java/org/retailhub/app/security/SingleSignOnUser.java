package org.retailhub.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Hands the Keycloak login Spring Security holds to Cockpit, Tasklist and Admin (Camunda instantiates it by name).
 * The webapps only accept users their identity service knows, so a Keycloak user is entered there at first login with
 * the first and last name and e-mail of its ID token (no password: Keycloak keeps it; names changed in Keycloak follow at
 * the next login), and at every login its memberships in the role groups ({@link RoleAuthorizations}) are set to the
 * token's realm roles: a role taken away in Keycloak is gone in Camunda at the next login. Camunda checks the groups of
 * the token itself, the memberships show them in Camunda Admin.
 */
public class SingleSignOnUser extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CamundaUser.current().map(user -> {
            knownTo(engine.getIdentityService(), user.id(), Person.signedIn());
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

    private static void knownTo(IdentityService identity, String userId, Person person) {
        User known = identity.createUserQuery().userId(userId).singleResult();
        if (known != null && person.isShownBy(known)) {
            return;
        }
        try {
            User user = known != null ? known : identity.newUser(userId);
            person.showIn(user);
            identity.saveUser(user);
        } catch (ProcessEngineException e) {
            // two first requests of the same user at once: the other one entered it
            if (identity.createUserQuery().userId(userId).count() == 0) {
                throw e;
            }
        }
    }

    /**
     * What Cockpit and Tasklist show of a person: the names and e-mail of the ID token (Keycloak's {@code profile} and
     * {@code email} scopes); a token without names shows the user name instead of "null null".
     */
    record Person(String firstName, String lastName, String email) {

        static Person signedIn() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof OidcUser oidc) {
                return oidc.getGivenName() == null && oidc.getFamilyName() == null ? new Person(auth.getName(), "", oidc.getEmail())
                        : new Person(Objects.toString(oidc.getGivenName(), ""), Objects.toString(oidc.getFamilyName(), ""), oidc.getEmail());
            }
            return new Person(auth == null ? null : auth.getName(), "", null);
        }

        boolean isShownBy(User user) {
            return Objects.equals(firstName, user.getFirstName()) && Objects.equals(lastName, user.getLastName())
                    && Objects.equals(email, user.getEmail());
        }

        void showIn(User user) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
        }
    }
}
