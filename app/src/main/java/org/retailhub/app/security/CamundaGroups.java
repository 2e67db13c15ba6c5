package org.retailhub.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.camunda.groups}: the Camunda group of each hub role and what Camunda lets its members do (application.yaml
 * holds the mapping and docs/security.md explains it). Group ids are Keycloak's realm role names, so a token's roles
 * are the caller's Camunda groups; {@code camunda-admin} is Camunda's own administrators' group, which admins also join.
 *
 * @param groups        group id → group
 * @param administrator mode {@code keycloak}: the Keycloak user entered (by id, without a password) as Camunda's first
 *                      administrator, so the webapps never offer their first-run page to create one
 */
@Validated
@ConfigurationProperties("hub.camunda")
record CamundaGroups(@DefaultValue Map<String, @Valid Group> groups, @NotBlank @DefaultValue("admin") String administrator) {

    /**
     * @param name   shown in Camunda Admin
     * @param grants what the group may do; none for a role that has no business in the webapps
     */
    record Group(@NotBlank String name, @DefaultValue List<@Valid Grant> grants) {
    }

    /**
     * One Camunda authorization (type grant).
     *
     * @param resource    a {@link org.camunda.bpm.engine.authorization.Resources} name ({@code PROCESS_DEFINITION}…),
     *                    or {@code *} for every resource
     * @param id          the resource id ({@code cockpit} for an application), {@code *} (the default) for all
     * @param permissions permission names of that resource ({@code READ}, {@code RETRY_JOB}, {@code ALL}…)
     */
    record Grant(@NotBlank String resource, @DefaultValue("*") String id, @NotEmpty List<String> permissions) {
    }
}
