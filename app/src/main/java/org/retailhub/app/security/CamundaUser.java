package org.retailhub.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.retailhub.security.identity.HubRole;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller Spring Security authenticated, as Camunda sees it: the user id, and the hub roles as Camunda groups
 * ({@code analyst}, {@code operator}, …; admins also in {@code camunda-admin}). Camunda's users and groups thus follow
 * Keycloak's (or the dev users'), and its user operation log (the audit trail's source) names the real person.
 */
record CamundaUser(String id, List<String> groups) {

    static Optional<CamundaUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>();
        for (GrantedAuthority authority : auth.getAuthorities()) {
            HubRole.ofAuthority(authority.getAuthority()).ifPresent(role -> groups.addAll(groupsOf(role)));
        }
        return Optional.of(new CamundaUser(auth.getName(), List.copyOf(groups)));
    }

    /** The Camunda groups of one hub role: the role's own, and for admins Camunda's administrators' group too. */
    static List<String> groupsOf(HubRole role) {
        return role == HubRole.ADMIN ? List.of(role.realmRole(), Groups.CAMUNDA_ADMIN) : List.of(role.realmRole());
    }

    /** Whether {@code groupId} is one of the groups that follow the hub roles (others, made in Camunda Admin, are left alone). */
    static boolean followsRoles(String groupId) {
        return Groups.CAMUNDA_ADMIN.equals(groupId) || HubRole.ofRealmRole(groupId).isPresent();
    }
}
