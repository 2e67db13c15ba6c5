package org.retailhub.security.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointRulesTest {

    @Test
    void everyOpenEndpointSaysWhyAndEveryOtherNamesItsRoles() {
        List<EndpointRule> all = new ArrayList<>(EndpointRules.api());
        all.addAll(EndpointRules.engine("/engine-rest"));
        assertThat(all).allSatisfy(rule -> {
            assertThat(rule.paths()).isNotEmpty();
            if (rule.isOpen()) {
                assertThat(rule.why()).as(rule.paths().toString()).isNotBlank();
            }
        });
        assertThat(all.stream().filter(EndpointRule::isOpen).flatMap(r -> r.paths().stream()))
                .containsExactlyInAnyOrder("/actuator/health", "/actuator/health/**", "/api/payments/webhooks/*", "/error");
    }

    @Test
    void onlyAdminsEraseACustomersPersonalDataAndOperatorsSeeShortfalls() {
        assertThat(rolesFor("POST", "/api/customers/CU100007/erasure")).containsExactly(HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/customers/CU100007/erasure")).as("nothing else on that path").isNull();
        assertThat(rolesFor("GET", "/api/consistency/shortfalls")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
    }

    @Test
    void channelsSendBehaviourAndReadRecommendationsAnalystsReadProfilesOperatorsNeither() {
        assertThat(rolesFor("POST", "/api/behaviour")).containsExactlyInAnyOrder(HubRole.INTEGRATION, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/customers/CU100007/recommendations")).containsExactlyInAnyOrder(HubRole.INTEGRATION, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/customers/CU100007/profile")).containsExactlyInAnyOrder(HubRole.INTEGRATION, HubRole.ANALYST, HubRole.ADMIN);
        assertThat(rolesFor("DELETE", "/api/customers/CU100007/profile")).as("nothing else on that path").isNull();
    }

    @Test
    void otherSystemsCaptureEpcisEveryRoleQueriesItAndOperatorsRunCounts() {
        assertThat(rolesFor("POST", "/api/epcis/capture")).containsExactlyInAnyOrder(HubRole.INTEGRATION, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/epcis/events")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.OPERATOR, HubRole.INTEGRATION, HubRole.ADMIN);
        assertThat(rolesFor("POST", "/api/rfid/counts")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("POST", "/api/rfid/counts/7d3f/close")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/rfid/counts/7d3f")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("DELETE", "/api/rfid/counts/7d3f")).as("nothing else on that path").isNull();
    }

    @Test
    void everyRoleReadsTheApiDescriptionAndNobodyChangesIt() {
        assertThat(rolesFor("GET", "/v3/api-docs")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.OPERATOR, HubRole.INTEGRATION, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/v3/api-docs/swagger-config")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.OPERATOR, HubRole.INTEGRATION,
                HubRole.ADMIN);
        assertThat(rolesFor("POST", "/v3/api-docs")).isNull();
    }

    @Test
    void forecastsAreForPlannersAndOnlyOperatorsStartAReplenishmentRun() {
        assertThat(rolesFor("GET", "/api/forecasts/STORE-001/SKU-0001")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/forecasts/STORE-001")).as("a store alone names no series").isNull();
        assertThat(rolesFor("POST", "/api/replenishment/stores/STORE-001/runs")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/replenishment/stores/STORE-001/runs")).isNull();
    }

    @Test
    void onlyAdminsSwitchAStoresPathAndOperatorsWatchIt() {
        assertThat(rolesFor("PUT", "/api/stores/STORE-001/route")).containsExactly(HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/stores/STORE-001/route")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/stores/routes")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("POST", "/api/stores/STORE-001/route")).as("nothing else on that path").isNull();
        assertThat(rolesFor("DELETE", "/api/stores/STORE-001/route")).isNull();
    }

    @Test
    void theEnginesUncheckedDeploymentIsForAdminsOnlyAnalystsGoThroughTheReview() {
        for (String base : java.util.List.of("/engine-rest", "/camunda/api/engine/engine/default")) {
            assertThat(rolesFor(EndpointRules.engine(base), "POST", base + "/deployment/create")).as(base).containsExactly(HubRole.ADMIN);
            assertThat(rolesFor(EndpointRules.engine(base), "POST", base + "/deployment/7d3f/redeploy")).as(base).containsExactly(HubRole.ADMIN);
            assertThat(rolesFor(EndpointRules.engine(base), "GET", base + "/deployment")).as(base).contains(HubRole.ANALYST);
        }
    }

    /** The roles of the first rule matching the request, as the filter chain applies them; null when no rule does (denied). */
    private static java.util.Set<HubRole> rolesFor(String method, String path) {
        return rolesFor(EndpointRules.api(), method, path);
    }

    private static java.util.Set<HubRole> rolesFor(java.util.List<EndpointRule> rules, String method, String path) {
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(method, path);
        return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst().map(EndpointRule::roles).orElse(null);
    }

    @Test
    void analystsNeverRepairAndOperatorsNeverDeploy() {
        for (EndpointRule rule : EndpointRules.engine("/engine-rest")) {
            if (rule.paths().stream().anyMatch(p -> p.contains("/deployment/"))) {
                assertThat(rule.roles()).doesNotContain(HubRole.OPERATOR);
            }
            if (rule.paths().stream().anyMatch(p -> p.endsWith("/job/**") || p.endsWith("/incident/**") || p.endsWith("/task/**"))) {
                assertThat(rule.roles()).doesNotContain(HubRole.ANALYST);
            }
        }
    }

    @Test
    void analystsDeployAndRollBackModelsAndOnlyOperatorsMoveRunningInstances() {
        assertThat(rolesFor("POST", "/api/models")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.ADMIN);
        assertThat(rolesFor("POST", "/api/models/order-pricing/rollback")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.ADMIN);
        assertThat(rolesFor("GET", "/api/models/payment/migration-plan")).containsExactlyInAnyOrder(HubRole.ANALYST, HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("POST", "/api/models/payment/migrations")).containsExactlyInAnyOrder(HubRole.OPERATOR, HubRole.ADMIN);
        assertThat(rolesFor("DELETE", "/api/models/payment")).as("nothing else on that path").isNull();
    }
}
