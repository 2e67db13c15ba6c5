package org.retailhub.security.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * How the hub reads Keycloak's tokens: signature against the realm's keys, issuer, audience and expiry checked;
 * realm roles (nested in {@code realm_access.roles}) become {@link HubRole} authorities; the caller's name is
 * {@code preferred_username} (a user, or {@code service-account-<client>} for a connector).
 */
final class KeycloakTokens {

    private static final String ROLES_CLAIM = "realm_access";

    private KeycloakTokens() {
    }

    /** Keys are fetched from the realm on the first token, so the hub starts even while Keycloak is still starting. */
    static JwtDecoder decoder(SecurityProperties.Keycloak realm) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(realm.endpoint("certs")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(realm.clockSkew()),
                new JwtIssuerValidator(realm.issuerUri()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(realm.audience()))));
        return decoder;
    }

    static JwtAuthenticationConverter authentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.copyOf(rolesOf(jwt.getClaims())));
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }

    /** For the webapps' browser login: the ID token carries the realm roles too (a mapper in the realm export puts them there). */
    static GrantedAuthoritiesMapper webappRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(rolesOf(oidc.getIdToken().getClaims()));
                }
            }
            return mapped;
        };
    }

    private static Collection<GrantedAuthority> rolesOf(Map<String, Object> claims) {
        return claims.get(ROLES_CLAIM) instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles
                ? HubRole.authoritiesOf(roles) : List.of();
    }
}
