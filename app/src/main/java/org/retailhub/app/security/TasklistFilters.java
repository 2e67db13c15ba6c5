package org.retailhub.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.tasklist.filters}: the task lists Tasklist offers on its left, one per entry, each readable by the groups
 * it names ({@link FiltersPerRole} makes them at every start; application.yaml holds the list, docs/tasklist.md explains
 * it). A new kind of decision (a user task in a model) is one more entry.
 *
 * @param filters in the order they are listed (Tasklist sorts them by {@link Filter#priority()})
 */
@Validated
@ConfigurationProperties("hub.tasklist")
record TasklistFilters(@DefaultValue List<@Valid Filter> filters) {

    /** Whose tasks a filter lists, before {@link Filter#process()} and {@link Filter#tasks()} narrow them down. */
    enum Whose {
        /** tasks assigned to the person looking */
        MINE,
        /** unassigned tasks offered to a group of the person looking */
        MY_GROUPS,
        /** every task the person may read (Camunda's task grants decide) */
        ANYONES
    }

    /**
     * One filter.
     *
     * @param name        shown in Tasklist; also how the filter is found again at the next start (rename = new filter)
     * @param description shown under the name
     * @param priority    Tasklist lists lower numbers first
     * @param whose       whose tasks
     * @param process     process definition key the tasks belong to (empty: any)
     * @param tasks       task definition keys (the user tasks' ids in the models; empty: any)
     * @param readers     Camunda groups that see the filter (grant READ on it); {@code camunda-admin} sees every filter
     * @param variables   process variables Tasklist shows in the list, under their labels
     */
    record Filter(@NotBlank String name, @DefaultValue("") String description, @DefaultValue("0") int priority,
            @DefaultValue("ANYONES") Whose whose, @DefaultValue("") String process, @DefaultValue List<@NotBlank String> tasks,
            @NotEmpty List<@NotBlank String> readers, @DefaultValue List<@Valid Variable> variables) {
    }

    /** A process variable Tasklist shows with every task of the filter. */
    record Variable(@NotBlank String name, @NotBlank String label) {
    }
}
