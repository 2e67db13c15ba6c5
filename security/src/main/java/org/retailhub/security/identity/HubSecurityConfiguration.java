package org.retailhub.security.identity;

import java.util.List;
import java.util.Map;
import org.retailhub.security.edge.BodyLimit;
import org.retailhub.security.edge.EdgeLimits;
import org.retailhub.security.edge.FloodGuard;
import org.retailhub.security.edge.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Three filter chains. The webapps' ({@code /camunda/**} and the login round trip) keep a browser session; Swagger UI's
 * pages are open (a development run serves them); the APIs' (everything else) are stateless: a bearer token in mode {@code keycloak}, DEV-ONLY Basic users in mode {@code dev}.
 * Both apply {@link EndpointRules} and deny whatever no rule names; both limit body sizes and request rates.
 */
@Configuration(proxyBeanMethods = false)
public class HubSecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest";
    /** Cockpit, Tasklist and Admin reach the engine through this copy of the engine API. */
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/*";

    /**
     * No observation around each filter of the chains, each authentication and each authorisation: with an observation
     * registry present (the actuator's), Spring Security wraps every filter of every request in one, which cost a sixth
     * of a REST order's CPU at 20 orders/s (ops/bench/RESULTS.md, run 10). Requests are still timed as
     * {@code http.server.requests}, with their status, so refusals (401, 403, 429) still show there.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain webapps(HttpSecurity http, SecurityProperties security, EdgeLimits limits,
                                ObjectProvider<ClientRegistrationRepository> clients) throws Exception {
        http.securityMatcher(paths("/", "/camunda/**", "/oauth2/**", "/login/**", "/logout"))
                // Camunda's own CsrfPreventionFilter guards the webapps (XSRF-TOKEN cookie + X-XSRF-TOKEN header);
                // Spring's token would use the same names and collide with it
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()).referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new BodyLimit(limits), SecurityContextHolderFilter.class)
                .addFilterAfter(FloodGuard.perIp(limits.perIp()), SecurityContextHolderFilter.class);
        if (security.mode() == SecurityProperties.Mode.DEV) {
            // DEV-ONLY: the webapps use Camunda's own login (the demo user of camunda.bpm.admin-user)
            http.authorizeHttpRequests(rules -> rules.requestMatchers(paths("/", "/camunda/**")).permitAll().anyRequest().denyAll());
            return http.build();
        }
        http.authorizeHttpRequests(rules -> {
                    // single sign-on only: Camunda's own password login stays closed
                    rules.requestMatchers(paths("/camunda/api/admin/auth/user/*/login/**")).denyAll();
                    // nor may anyone create the "first" administrator: Keycloak's admins are Camunda's
                    rules.requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll();
                    declare(rules, EndpointRules.engine(WEBAPP_ENGINE), null);
                    rules.requestMatchers(paths("/")).permitAll().anyRequest().authenticated();
                })
                .oauth2Login(login -> login.clientRegistrationRepository(clients.getObject())
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(KeycloakTokens.webappRoles())))
                // signing out ends the Keycloak session too, or the next page would sign the same person in again
                .logout(logout -> logout.logoutSuccessHandler(signedOutEverywhere(clients.getObject())));
        return http.build();
    }

    /** Swagger UI's pages ({@link EndpointRules#API_EXPLORER}): open, with the scripts and styles of their own origin. */
    @Bean
    @Order(2)
    SecurityFilterChain apiExplorer(HttpSecurity http) throws Exception {
        http.securityMatcher(paths(EndpointRules.API_EXPLORER.toArray(String[]::new)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRule.matcher(HttpMethod.GET,
                        EndpointRules.API_EXPLORER)).permitAll().anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apis(HttpSecurity http, SecurityProperties security, EdgeLimits limits, ObjectProvider<JwtDecoder> tokens,
                             ChannelAccounts channels) throws Exception {
        RefusalProblems refusals = new RefusalProblems(security.mode() == SecurityProperties.Mode.DEV ? "Basic realm=\"retail-hub\"" : "Bearer");
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no cookies and no session: every request carries its credentials, so there is nothing to forge
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(cors(security.corsAllowedOrigins())))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .addFilterBefore(new BodyLimit(limits), SecurityContextHolderFilter.class)
                .addFilterAfter(FloodGuard.perIp(limits.perIp()), SecurityContextHolderFilter.class)
                .addFilterBefore(FloodGuard.perClient(limits.perClient()), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> {
                    declare(rules, EndpointRules.api(), channels);
                    declare(rules, EndpointRules.engine(ENGINE_REST), channels);
                    rules.anyRequest().denyAll();
                });
        if (security.mode() == SecurityProperties.Mode.DEV) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(refusals));
        } else {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(refusals).accessDeniedHandler(refusals)
                    .jwt(jwt -> jwt.decoder(tokens.getObject()).jwtAuthenticationConverter(KeycloakTokens.authentication())));
        }
        return http.build();
    }

    /** URLs the firewall refuses (encoded slashes, semicolons, …) get a problem detail too, not the container's error page. */
    @Bean
    RequestRejectedHandler rejectedUrls() {
        return (request, response, rejected) -> Problems.write(response, 400, "rejected-request", "Request rejected",
                "the request URL contains characters the hub does not accept");
    }

    /** DEV-ONLY Basic users, one per role (see {@link DevUsers}). */
    @Bean
    @ConditionalOnProperty(name = "hub.security.mode", havingValue = "dev", matchIfMissing = true)
    UserDetailsService devUsers() {
        return DevUsers.all();
    }

    @Bean
    @ConditionalOnProperty(name = "hub.security.mode", havingValue = "keycloak")
    JwtDecoder keycloakTokens(SecurityProperties security) {
        return KeycloakTokens.decoder(security.keycloak());
    }

    /** The webapps' authorization-code client; endpoints named explicitly, so starting needs no call to Keycloak. */
    @Bean
    @ConditionalOnProperty(name = "hub.security.mode", havingValue = "keycloak")
    ClientRegistrationRepository webappLogin(SecurityProperties security) {
        SecurityProperties.Keycloak realm = security.keycloak();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("keycloak")
                .clientId(realm.webappsClientId()).clientSecret(realm.webappsClientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                // profile and email: Camunda shows the person's name (SingleSignOnUser copies it at login)
                .scope("openid", "profile", "email")
                .authorizationUri(realm.endpoint("auth")).tokenUri(realm.endpoint("token"))
                .jwkSetUri(realm.endpoint("certs")).userInfoUri(realm.endpoint("userinfo"))
                .providerConfigurationMetadata(Map.of("end_session_endpoint", realm.endpoint("logout")))
                .userNameAttributeName("preferred_username").issuerUri(realm.issuerUri())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .clientName("Keycloak").build());
    }

    private static void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
                                List<EndpointRule> declared, ChannelAccounts channels) {
        for (EndpointRule rule : declared) {
            if (rule.isOpen()) {
                rules.requestMatchers(rule.matcher()).permitAll();
            } else if (rule.channel() != null) {
                rules.requestMatchers(rule.matcher()).access(forChannel(rule, channels));
            } else {
                rules.requestMatchers(rule.matcher()).hasAnyAuthority(rule.authorities());
            }
        }
    }

    /** The rule's roles first; then the channel, refused with a decision that names it (RefusalProblems tells the caller). */
    private static AuthorizationManager<RequestAuthorizationContext> forChannel(EndpointRule rule, ChannelAccounts channels) {
        AuthorizationManager<RequestAuthorizationContext> roles = AuthorityAuthorizationManager.hasAnyAuthority(rule.authorities());
        return (caller, context) -> {
            AuthorizationResult byRole = roles.authorize(caller, context);
            if (byRole == null || !byRole.isGranted()) {
                return new AuthorizationDecision(false);
            }
            return channels.refusal(caller.get(), rule.channel()).<AuthorizationDecision>map(ChannelRefused.Decision::new)
                    .orElse(new AuthorizationDecision(true));
        };
    }

    /** After signing out of the hub, Keycloak's end-session endpoint, then back to the webapps (which ask for a login). */
    private static LogoutSuccessHandler signedOutEverywhere(ClientRegistrationRepository clients) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(clients);
        handler.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
        return handler;
    }

    private static RequestMatcher paths(String... patterns) {
        return EndpointRule.matcher(null, List.of(patterns));
    }

    /** No origin listed (the default): no CORS headers at all, so browsers refuse cross-origin calls. */
    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}
