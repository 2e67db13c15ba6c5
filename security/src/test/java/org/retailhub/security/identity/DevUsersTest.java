package org.retailhub.security.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class DevUsersTest {

    private final UserDetailsService users = DevUsers.all();

    /** Wired as Spring Boot wires a single UserDetailsService bean, password upgrade included when the bean offers it. */
    private DaoAuthenticationProvider login() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        if (users instanceof UserDetailsPasswordService upgrades) {
            provider.setUserDetailsPasswordService(upgrades);
        }
        return provider;
    }

    @Test
    void aDevPasswordStaysCheapToCheckAfterLogins() {
        DaoAuthenticationProvider provider = login();

        provider.authenticate(new UsernamePasswordAuthenticationToken("integration", "integration-dev-only"));
        provider.authenticate(new UsernamePasswordAuthenticationToken("integration", "integration-dev-only"));

        assertThat(users.loadUserByUsername("integration").getPassword()).as("not upgraded to bcrypt").startsWith("{noop}");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> login().authenticate(new UsernamePasswordAuthenticationToken("integration", "guess")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
