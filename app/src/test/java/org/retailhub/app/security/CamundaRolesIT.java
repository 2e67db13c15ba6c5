package org.retailhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Mode {@code dev}: Camunda's groups, memberships and grants made at start from {@code hub.camunda.groups}, once only,
 * Tasklist's filters from {@code hub.tasklist.filters}, once only and each seen by its groups, and the DEV-ONLY users
 * (with names) signing in to the webapps with their role's rights and reading what every role may read.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0"})
@DirtiesContext
class CamundaRolesIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RoleAuthorizations roles;
    @Autowired
    FiltersPerRole filtersPerRole;
    @Autowired
    TasklistFilters tasklist;

    @Test
    void groupsMembershipsAndGrantsAreMadeOnceFromTheMapping() {
        long grants = engine.getAuthorizationService().createAuthorizationQuery().count();
        roles.postProcessEngineBuild(engine);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).as("a second start adds nothing").isEqualTo(grants);

        assertThat(engine.getIdentityService().createGroupQuery().list()).extracting(g -> g.getId())
                .contains("analyst", "operator", "integration", "admin", "camunda-admin");
        assertThat(engine.getIdentityService().createGroupQuery().groupMember("admin").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("admin", "camunda-admin");
        assertThat(engine.getAuthorizationService().isUserAuthorized("operator", List.of("operator"),
                ProcessInstancePermissions.RETRY_JOB,
                Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(engine.getAuthorizationService().isUserAuthorized("analyst", List.of("analyst"),
                ProcessInstancePermissions.RETRY_JOB,
                Resources.PROCESS_INSTANCE)).isFalse();
    }

    @Test
    void tasklistFiltersAreMadeOnceAndEachGroupSeesItsOwn() {
        long grants = engine.getAuthorizationService().createAuthorizationQuery().count();
        filtersPerRole.postProcessEngineBuild(engine);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).as("a second start adds no grant").isEqualTo(grants);
        for (TasklistFilters.Filter filter : tasklist.filters()) {
            assertThat(engine.getFilterService().createFilterQuery().filterName(filter.name()).count()).as(filter.name()).isEqualTo(1);
        }
        TasklistFilters.Filter storeOnly = new TasklistFilters.Filter("Counts of my store", "", 0, TasklistFilters.Whose.ANYONES,
                "cycle-count", List.of(), List.of("store-manager"), List.of());
        new FiltersPerRole(new TasklistFilters(List.of(storeOnly))).postProcessEngineBuild(engine);

        assertThat(filterNamesSeenBy("operator", "operator")).as("every filter for operators, none for store managers only")
                .containsExactlyInAnyOrderElementsOf(tasklist.filters().stream().filter(f -> f.readers().contains("operator"))
                        .map(TasklistFilters.Filter::name).toList())
                .contains("My tasks", "My group's tasks", "Customer duplicates", "Purchase proposals to approve", "Shrink investigations")
                .doesNotContain(storeOnly.name());
        assertThat(filterNamesSeenBy("store-manager", "store-manager")).contains(storeOnly.name(), "Shrink investigations")
                .doesNotContain("Customer duplicates");
        assertThat(filterNamesSeenBy("analyst", "analyst")).as("analysts have no task list").isEmpty();
        assertThat(filterNamesSeenBy("admin", "admin", "camunda-admin")).contains(storeOnly.name(), "Customer duplicates");
    }

    /** A shrink investigation waits for the operator: it shows in the decision filter and the group's filter, then in "My tasks" once claimed. */
    @Test
    void anOperatorFindsAWaitingDecisionInItsFilterAndCompletesIt() {
        ProcessInstance count = engine.getRuntimeService().createProcessInstanceByKey("cycle-count").businessKey("count-roles-it")
                .setVariables(Map.of("countId", "count-roles-it", "storeId", "store-roles-it", "shrinkValue", "250.00", "shrinkThreshold", "100.00"))
                .startBeforeActivity("Activity_InvestigateShrink").execute();
        engine.getIdentityService().setAuthentication("operator", List.of("operator"));
        try {
            List<Task> shrink = engine.getFilterService().list(filterId("Shrink investigations"));
            assertThat(shrink).extracting(Task::getProcessInstanceId).contains(count.getId());
            Task task = shrink.stream().filter(t -> t.getProcessInstanceId().equals(count.getId())).findFirst().orElseThrow();
            assertThat(engine.getFilterService().<Task>list(filterId("My group's tasks"))).extracting(Task::getId).contains(task.getId());
            assertThat(engine.getFilterService().<Task>list(filterId("Customer duplicates"))).extracting(Task::getId).doesNotContain(task.getId());

            engine.getTaskService().claim(task.getId(), "operator");
            assertThat(engine.getFilterService().<Task>list(filterId("My tasks"))).extracting(Task::getId).containsExactly(task.getId());
            assertThat(engine.getFilterService().<Task>list(filterId("My group's tasks"))).extracting(Task::getId).doesNotContain(task.getId());
            engine.getTaskService().complete(task.getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(count.getId()).count()).as("the count went on to its end")
                .isZero();
    }

    @Test
    void devUsersHaveNamesTasklistShows() {
        assertThat(engine.getIdentityService().createUserQuery().userIdIn("analyst", "operator", "integration", "admin").list())
                .extracting(u -> u.getFirstName() + " " + u.getLastName())
                .containsExactlyInAnyOrder("Anna Analyst", "Olga Operator", "Ivo Integration", "Ada Admin");
    }

    private List<String> filterNamesSeenBy(String user, String... groups) {
        engine.getIdentityService().setAuthentication(user, List.of(groups));
        try {
            return engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private String filterId(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
    }

    @Test
    void devUsersSignInToTheWebappsTheirRoleOpens() throws Exception {
        assertThat(login("operator", "cockpit")).isEqualTo(200);
        assertThat(login("operator", "tasklist")).isEqualTo(200);
        assertThat(login("analyst", "cockpit")).isEqualTo(200);
        assertThat(login("analyst", "tasklist")).as("analysts have no task list").isEqualTo(403);
        assertThat(login("integration", "cockpit")).as("service accounts have no webapp").isEqualTo(403);
        assertThat(login("admin", "admin")).isEqualTo(200);
    }

    /** The EPC look-up is open to every role (docs/rfid.md) and to nobody unauthenticated; its answer comes through the hub's JSON. */
    @Test
    void devUsersOfEveryRoleReadAnEpcAndStrangersDoNot() throws Exception {
        for (String user : List.of("analyst", "operator", "integration", "admin")) {
            HttpResponse<String> epc = epc("3074257BF7194E4000001A85", user);
            assertThat(epc.statusCode()).as(user).isEqualTo(200);
            assertThat(epc.body()).contains("\"pureIdentityUri\":\"urn:epc:id:sgtin:0614141.812345.6789\"")
                    .contains("\"gtin\":\"80614141123458\"").doesNotContain("\"sscc\"");
        }
        HttpResponse<String> invalid = epc("307C257BF7194E4000001A85", "operator");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(invalid.body()).contains("\"reason\":\"bad-partition\"");
        assertThat(epc("3074257BF7194E4000001A85", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> epc(String hex, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rfid/epc/" + hex));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-dev-only").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Camunda's own webapp login (mode dev), with its CSRF cookie and header as a browser sends them. */
    private int login(String user, String app) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String csrf = start.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue());
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-dev-only")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
