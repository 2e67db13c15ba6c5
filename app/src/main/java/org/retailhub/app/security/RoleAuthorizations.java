package org.retailhub.app.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.PermissionProvider;
import org.retailhub.security.identity.DevUsers;
import org.retailhub.security.identity.HubRole;
import org.retailhub.security.identity.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's groups and grants those of {@link CamundaGroups}, every time the
 * engine starts: missing groups and grants are created, changed permissions are rewritten, nothing is duplicated. In
 * mode {@code dev} it also enters the DEV-ONLY users (one per role, password {@code <name>-dev-only}) as members of
 * their role's group, each with a readable name ("Olga Operator"); with Keycloak only the administrator's id (its
 * names follow from its token at its first login), and {@link SingleSignOnUser} keeps memberships in step with the
 * token's roles.
 * Camunda checks them because {@code camunda.bpm.authorization.enabled} is on; engine calls without an authenticated
 * Camunda user (the hub's controllers, Camel routes, the job executor) are not checked at all, so only people are
 * restricted. A grant or group deleted from the mapping stays in the engine until removed in Camunda Admin.
 */
@Component
class RoleAuthorizations extends AbstractProcessEnginePlugin {

    /** DEV-ONLY: what Cockpit and Tasklist call the demo users, instead of "null null". */
    private static final Map<HubRole, SingleSignOnUser.Person> DEV_NAMES = Map.of(
            HubRole.ANALYST, new SingleSignOnUser.Person("Anna", "Analyst", null),
            HubRole.OPERATOR, new SingleSignOnUser.Person("Olga", "Operator", null),
            HubRole.INTEGRATION, new SingleSignOnUser.Person("Ivo", "Integration", null),
            HubRole.ADMIN, new SingleSignOnUser.Person("Ada", "Admin", null));

    private final CamundaGroups mapping;
    private final SecurityProperties security;
    private PermissionProvider permissions;

    RoleAuthorizations(CamundaGroups mapping, SecurityProperties security) {
        this.mapping = mapping;
        this.security = security;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        permissions = configuration.getPermissionProvider();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        for (Map.Entry<String, CamundaGroups.Group> group : mapping.groups().entrySet()) {
            ensureGroup(identity, group.getKey(), group.getValue().name());
            for (CamundaGroups.Grant grant : group.getValue().grants()) {
                for (Resource resource : resources(grant.resource())) {
                    grant(engine.getAuthorizationService(), group.getKey(), resource, grant);
                }
            }
        }
        if (security.mode() == SecurityProperties.Mode.DEV) {
            // DEV-ONLY: the Basic users of the APIs can sign in to the webapps too, each with its role's rights
            Arrays.stream(HubRole.values()).forEach(role -> enter(identity, role.realmRole(), DevUsers.password(role), DEV_NAMES.get(role),
                    CamundaUser.groupsOf(role)));
        } else {
            // an administrator by id only (no password: single sign-on is its only way in), so that the webapps never offer
            // their first-run page, where whoever comes first creates an administrator
            enter(identity, mapping.administrator(), null, new SingleSignOnUser.Person(mapping.administrator(), "", null),
                    CamundaUser.groupsOf(HubRole.ADMIN));
        }
    }

    private static void ensureGroup(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
    }

    private void grant(AuthorizationService authorizations, String groupId, Resource resource, CamundaGroups.Grant grant) {
        List<Authorization> existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(grant.id()).list();
        // rewritten on every start, so a permission removed from the mapping is removed from the engine too
        Authorization authorization = existing.isEmpty() ? authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT) : existing.get(0);
        Permission[] wanted = grant.permissions().stream().map(name -> permissions.getPermissionForName(name, resource.resourceType()))
                .toArray(Permission[]::new);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(grant.id());
        authorization.setPermissions(wanted);
        authorizations.saveAuthorization(authorization);
    }

    private static List<Resource> resources(String name) {
        return "*".equals(name) ? List.of(Resources.values()) : List.of(Resources.valueOf(name));
    }

    /** Enters the user if it is missing, with {@code person}'s names (kept as they are once the user signed in through Keycloak). */
    private static void enter(IdentityService identity, String id, String password, SingleSignOnUser.Person person, List<String> groups) {
        User known = identity.createUserQuery().userId(id).singleResult();
        if (known == null) {
            User user = identity.newUser(id);
            user.setPassword(password);
            person.showIn(user);
            identity.saveUser(user);
        } else if (known.getFirstName() == null && known.getLastName() == null) {
            // entered before users had names: Tasklist showed them as "null null"
            person.showIn(known);
            identity.saveUser(known);
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() > 0 && identity.createGroupQuery().groupId(group).groupMember(id).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }
}
