package org.retailhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** What the webapps call a person signed in through Keycloak: the token's names, never "null null". */
class SingleSignOnPersonTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theTokensNamesAndEmail() {
        signIn(Map.of("given_name", "Olga", "family_name", "Berger", "email", "olga@example.org"));
        assertThat(SingleSignOnUser.Person.signedIn()).isEqualTo(new SingleSignOnUser.Person("Olga", "Berger", "olga@example.org"));
    }

    @Test
    void aTokenWithoutNamesShowsTheUserName() {
        signIn(Map.of());
        assertThat(SingleSignOnUser.Person.signedIn()).isEqualTo(new SingleSignOnUser.Person("olga.b", "", null));
    }

    @Test
    void aTokenWithTheGivenNameOnlyShowsNoNull() {
        signIn(Map.of("given_name", "Olga"));
        assertThat(SingleSignOnUser.Person.signedIn()).isEqualTo(new SingleSignOnUser.Person("Olga", "", null));
    }

    private static void signIn(Map<String, Object> names) {
        Map<String, Object> claims = new HashMap<>(names);
        claims.put("sub", "7f0c");
        claims.put("preferred_username", "olga.b");
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")), token, "preferred_username");
        SecurityContextHolder.getContext().setAuthentication(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"));
    }
}
