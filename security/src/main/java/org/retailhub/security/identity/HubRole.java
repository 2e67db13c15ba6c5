package org.retailhub.security.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The hub's four roles, as Keycloak's realm roles name them (lower case) and as Spring Security checks them. */
public enum HubRole {
    /** deploys and reads process models and decisions */
    ANALYST,
    /** Cockpit: incidents, retries, user tasks, approvals; reads and cancels orders */
    OPERATOR,
    /** service accounts of channels and legacy connectors: post orders, webhooks, CDC admin */
    INTEGRATION,
    /** everything, including the audit trail */
    ADMIN;

    /** The realm role name in Keycloak, e.g. {@code analyst}. */
    public String realmRole() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ANALYST}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Authorities for the hub roles among {@code realmRoles}; other realm roles (offline_access…) are ignored. */
    public static List<GrantedAuthority> authoritiesOf(Collection<?> realmRoles) {
        if (realmRoles == null) {
            return List.of();
        }
        return realmRoles.stream().map(Objects::toString)
                .flatMap(r -> ofRealmRole(r).stream())
                .<GrantedAuthority>map(h -> new SimpleGrantedAuthority(h.authority())).toList();
    }

    /** The hub role of a Keycloak realm role such as {@code operator}, if it is one. */
    public static Optional<HubRole> ofRealmRole(String realmRole) {
        return Arrays.stream(values()).filter(h -> h.realmRole().equals(realmRole)).findFirst();
    }

    /** The hub role behind an authority such as {@code ROLE_OPERATOR}, if it is one. */
    public static Optional<HubRole> ofAuthority(String authority) {
        return Arrays.stream(values()).filter(h -> h.authority().equals(authority)).findFirst();
    }
}
