package org.retailhub.security.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.security.*}: who may call the hub.
 *
 * @param mode               {@code dev} (DEV-ONLY HTTP Basic users with the four roles, Camunda's own demo login) or
 *                           {@code keycloak} (bearer tokens for the APIs, single sign-on for the Camunda webapps)
 * @param keycloak           where the realm is and what its tokens must carry (mode {@code keycloak})
 * @param corsAllowedOrigins browser origins allowed to call {@code /api/**}; empty (the default) closes CORS
 */
@Validated
@ConfigurationProperties("hub.security")
public record SecurityProperties(@NotNull @DefaultValue("dev") Mode mode, @Valid @DefaultValue Keycloak keycloak,
                                 @DefaultValue List<String> corsAllowedOrigins) {

    public enum Mode { DEV, KEYCLOAK }

    /**
     * @param issuerUri      the realm, e.g. {@code http://keycloak:8080/realms/retail-hub}; tokens must name it as {@code iss}
     * @param audience       the {@code aud} every accepted access token must contain
     * @param clockSkew      tolerance on {@code exp}/{@code nbf}
     * @param webappsClientId the authorization-code client of Cockpit, Tasklist and Admin
     * @param webappsClientSecret its secret (the realm export's value is DEV-ONLY)
     */
    public record Keycloak(String issuerUri, @DefaultValue("retail-hub-api") String audience, @DefaultValue("PT30S") Duration clockSkew,
                           @DefaultValue("retail-hub-webapps") String webappsClientId, String webappsClientSecret) {

        public String endpoint(String path) {
            return issuerUri + "/protocol/openid-connect/" + path;
        }
    }
}
