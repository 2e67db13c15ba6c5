package org.retailhub.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI 3 description says about the hub as a whole: its name, licence, the two ways a caller
 * signs in, and a relative server, so the spec is the same on every host and port (docs/openapi.json is its reviewed
 * copy; {@code ApiDescriptionIT} compares the two).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String TOKEN = "keycloak";
    static final String DEV_BASIC = "dev-basic";

    @Bean
    OpenAPI hubApi() {
        return new OpenAPI()
                .info(new Info().title("Retail Integration Hub").version("1")
                        .description("Orders, payments, consistency of the legacy islands, RFID and replenishment. Errors are RFC 9457 "
                                + "problem details (application/problem+json). Who may call what: docs/security.md.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("this hub")))
                .components(new Components()
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("a Keycloak access token (hub.security.mode=keycloak); roles from the realm"))
                        .addSecuritySchemes(DEV_BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("DEV-ONLY users of a development run (hub.security.mode=dev)")))
                .security(List.of(new SecurityRequirement().addList(TOKEN), new SecurityRequirement().addList(DEV_BASIC)));
    }
}
