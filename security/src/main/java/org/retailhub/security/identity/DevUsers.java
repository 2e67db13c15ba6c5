package org.retailhub.security.identity;

import java.util.Arrays;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * DEV-ONLY: one HTTP Basic user per role for the embedded default ({@code hub.security.mode=dev}), named like the
 * Keycloak realm's demo users: {@code analyst}, {@code operator}, {@code integration}, {@code admin}, each with the
 * password {@code <name>-dev-only}. Never use this mode with real data: the passwords are in the README.
 */
public final class DevUsers {

    private DevUsers() {
    }

    /**
     * The users, as a plain {@link UserDetailsService}. Not the {@link InMemoryUserDetailsManager} itself: Spring Security
     * "upgrades" the password of a user whose service can store passwords to bcrypt at the first login, after which
     * every request paid a bcrypt check (a third of the hub's CPU in the order benchmark, ops/bench/RESULTS.md).
     */
    static UserDetailsService all() {
        return manager()::loadUserByUsername;
    }

    /** DEV-ONLY: the public password of the role's demo user, for the Basic login and Camunda's webapp login alike. */
    public static String password(HubRole role) {
        return role.realmRole() + "-dev-only";
    }

    private static InMemoryUserDetailsManager manager() {
        return new InMemoryUserDetailsManager(Arrays.stream(HubRole.values())
                .map(role -> User.withUsername(role.realmRole())
                        // {noop}: these passwords are public anyway, and hashing would slow every request of the tests
                        .password("{noop}" + password(role))
                        .authorities(role.authority()).build())
                .toList());
    }
}
