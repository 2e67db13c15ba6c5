package org.retailhub.app.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Makes Tasklist's filters those of {@link TasklistFilters} at every engine start, so that a person of a role sees
 * their tasks and the decisions waiting for their group instead of "No filter available". A filter is found by its name
 * and rewritten (query, description, priority, shown variables), never entered twice; a second filter of the same name
 * without an owner (two hub instances starting at once) is deleted. Each reader group gets a READ grant on the filter.
 * Filters people make in Tasklist have an owner and are left alone, as are filters and grants dropped from the list.
 */
@Component
class FiltersPerRole extends AbstractProcessEnginePlugin {

    private static final String CURRENT_USER = "${currentUser()}";
    private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

    private final TasklistFilters settings;

    FiltersPerRole(TasklistFilters settings) {
        this.settings = settings;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (TasklistFilters.Filter wanted : settings.filters()) {
            Filter filter = save(engine, wanted);
            for (String group : wanted.readers()) {
                readableBy(engine.getAuthorizationService(), filter.getId(), group);
            }
        }
    }

    private static Filter save(ProcessEngine engine, TasklistFilters.Filter wanted) {
        FilterService filters = engine.getFilterService();
        List<Filter> named = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(wanted.name())
                .orderByFilterId().asc().list();
        named.stream().skip(1).filter(twin -> twin.getOwner() == null).forEach(twin -> filters.deleteFilter(twin.getId()));
        Filter filter = named.isEmpty() ? filters.newTaskFilter(wanted.name()) : named.get(0);
        filter.setQuery(query(engine, wanted));
        filter.setProperties(properties(wanted));
        return filters.saveFilter(filter);
    }

    private static TaskQuery query(ProcessEngine engine, TasklistFilters.Filter wanted) {
        TaskQuery query = engine.getTaskService().createTaskQuery();
        switch (wanted.whose()) {
            case MINE -> query.taskAssigneeExpression(CURRENT_USER);
            case MY_GROUPS -> query.taskCandidateGroupInExpression(CURRENT_USER_GROUPS).taskUnassigned();
            case ANYONES -> {
                // every task the person may read
            }
        }
        if (!wanted.process().isBlank()) {
            query.processDefinitionKey(wanted.process());
        }
        if (!wanted.tasks().isEmpty()) {
            query.taskDefinitionKeyIn(wanted.tasks().toArray(String[]::new));
        }
        return query;
    }

    /** The properties Tasklist reads: description, priority, whether the list refreshes itself, variables with labels. */
    private static Map<String, Object> properties(TasklistFilters.Filter wanted) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", wanted.description());
        properties.put("priority", wanted.priority());
        properties.put("refresh", true);
        properties.put("variables", wanted.variables().stream().map(v -> Map.of("name", v.name(), "label", v.label())).toList());
        return properties;
    }

    private static void readableBy(AuthorizationService authorizations, String filterId, String group) {
        // one grant per group and filter (Camunda's unique key): an existing one gets READ added to what it already allows
        Authorization grant = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(Resources.FILTER).resourceId(filterId).list().stream().findFirst().orElse(null);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(Resources.FILTER);
            grant.setResourceId(filterId);
        } else if (grant.isPermissionGranted(Permissions.READ)) {
            return;
        }
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
