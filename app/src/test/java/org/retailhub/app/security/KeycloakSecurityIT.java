package org.retailhub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.retailhub.security.identity.HubRole;
import org.retailhub.app.RetailHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The hub in mode {@code keycloak} against the real Keycloak server with the repo's realm export: every role against
 * every endpoint with real tokens, bad tokens, a flood from one client beside a calm one, the webapps' single sign-on,
 * and the audit trail of what people did through the engine API.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0",
        "hub.erp.simulator-port=0", "hub.security.mode=keycloak", "hub.security.keycloak.clock-skew=PT1S",
        "hub.security.limits.per-client.capacity=40", "hub.security.limits.per-client.refill=40", "hub.security.limits.per-client.period=PT1M",
        "hub.security.limits.per-ip.capacity=100000", "hub.security.limits.per-ip.refill=100000"})
@DirtiesContext
class KeycloakSecurityIT {

    private static final List<String> ROLES = List.of("analyst", "operator", "integration", "admin");
    private static final Set<String> EVERYONE = Set.of("analyst", "operator", "integration", "admin");
    private static final Set<String> NOBODY = Set.of();
    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="https://retail-hub.org/test">
              <process id="%s" name="Security test" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
                %s
                <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    static KeycloakServer keycloak;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JwtDecoder tokens;

    @DynamicPropertySource
    static void realm(DynamicPropertyRegistry registry) {
        keycloak = KeycloakServer.shared();
        registry.add("hub.security.keycloak.issuer-uri", keycloak::issuer);
    }

    /** One endpoint, the roles allowed to call it, and a request that reaches the handler when allowed. */
    record Call(HttpMethod method, String path, Object body, MediaType type, Set<String> allowed) {

        static Call of(HttpMethod method, String path, Set<String> allowed) {
            return new Call(method, path, null, null, allowed);
        }

        static Call json(HttpMethod method, String path, String body, Set<String> allowed) {
            return new Call(method, path, body, MediaType.APPLICATION_JSON, allowed);
        }

        boolean open() {
            return path.startsWith("/actuator/health") || path.startsWith("/api/payments/webhooks/");
        }
    }

    private List<Call> everyEndpoint() {
        String unknown = UUID.randomUUID().toString();
        List<Call> calls = new ArrayList<>();
        calls.add(Call.json(HttpMethod.POST, "/api/orders", order("SEC-" + UUID.randomUUID()), Set.of("integration", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/api/orders/" + unknown, Set.of("integration", "operator", "admin")));
        calls.add(Call.json(HttpMethod.POST, "/api/orders/" + unknown + "/cancellation", "{\"reason\":\"test\"}", Set.of("integration", "operator", "admin")));
        calls.add(Call.json(HttpMethod.POST, "/api/orders/" + unknown + "/refunds", "{}", Set.of("integration", "operator", "admin")));
        calls.add(Call.of(HttpMethod.POST, "/api/orders/" + unknown + "/till-payment", Set.of("integration", "admin")));
        calls.add(Call.json(HttpMethod.POST, "/api/payments/webhooks/simpsp", "{}", EVERYONE));
        calls.add(Call.of(HttpMethod.GET, "/api/audit", Set.of("admin")));
        calls.add(Call.of(HttpMethod.GET, "/api/consistency", Set.of("analyst", "operator", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/api/consistency/shortfalls", Set.of("operator", "admin")));
        calls.add(Call.of(HttpMethod.POST, "/api/consistency/reconciliations", Set.of("operator", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/api/migrations/" + unknown + "/report.json", Set.of("operator", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/api/rfid/epc/3074257BF7194E4000001A85", EVERYONE));
        calls.add(Call.of(HttpMethod.GET, "/api/epcis/events?epc=urn:epc:id:sgtin:4012345.000002.1", EVERYONE));
        calls.add(Call.json(HttpMethod.POST, "/api/epcis/capture", "{}", Set.of("integration", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/api/rfid/counts/" + unknown, Set.of("analyst", "operator", "admin")));
        calls.add(Call.of(HttpMethod.POST, "/api/rfid/counts/" + unknown + "/close", Set.of("operator", "admin")));
        calls.add(Call.of(HttpMethod.POST, "/api/customers/CU999999999/erasure", Set.of("admin")));
        calls.add(Call.of(HttpMethod.GET, "/actuator/health", EVERYONE));
        calls.add(Call.of(HttpMethod.GET, "/actuator/prometheus", Set.of("operator", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/actuator/env", NOBODY));
        calls.add(Call.of(HttpMethod.GET, "/api/anything-undeclared", NOBODY));
        calls.add(Call.of(HttpMethod.POST, "/api/models", Set.of("analyst", "admin")));
        calls.add(Call.of(HttpMethod.GET, "/engine-rest/process-definition", Set.of("analyst", "operator", "admin")));
        calls.add(new Call(HttpMethod.POST, "/engine-rest/deployment/create", deployment("security_matrix", "<task id=\"work\"/>"),
                MediaType.MULTIPART_FORM_DATA, Set.of("admin")));
        calls.add(Call.of(HttpMethod.DELETE, "/engine-rest/deployment/" + unknown, Set.of("admin")));
        calls.add(Call.json(HttpMethod.PUT, "/engine-rest/job/" + unknown + "/retries", "{\"retries\":1}", Set.of("operator", "admin")));
        calls.add(Call.json(HttpMethod.POST, "/engine-rest/task/" + unknown + "/complete", "{}", Set.of("operator", "admin")));
        calls.add(Call.json(HttpMethod.POST, "/engine-rest/user/create", "{\"profile\":{\"id\":\"intruder\"}}", Set.of("admin")));
        return calls;
    }

    @Test
    void everyRoleReachesExactlyItsEndpointsAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            RestClient client = api(keycloak.userToken(role));
            for (Call call : everyEndpoint()) {
                ResponseEntity<String> answer = send(client, call);
                boolean refused = refusedBySecurity(answer);
                if (call.allowed().contains(role) == refused) {
                    wrong.add(role + " " + call.method() + " " + call.path() + " -> " + answer.getStatusCode().value());
                }
                if (refused) {
                    assertThat(answer.getStatusCode().value()).as(role + " " + call.path()).isEqualTo(403);
                    assertThat(answer.getHeaders().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
                }
            }
        }
        RestClient anonymous = api(null);
        for (Call call : everyEndpoint()) {
            ResponseEntity<String> answer = send(anonymous, call);
            if (call.open() == (answer.getStatusCode().value() == 401 && answer.getBody().contains("/problems/unauthenticated"))) {
                wrong.add("anonymous " + call.method() + " " + call.path() + " -> " + answer.getStatusCode().value());
            }
        }
        assertThat(wrong).as("calls whose answer contradicts the declared rules").isEmpty();
    }

    @Test
    void connectorsPostOrdersWithTheirServiceAccounts() {
        ResponseEntity<String> posted = send(api(keycloak.clientToken("web-shop")),
                Call.json(HttpMethod.POST, "/api/orders", order("SVC-" + UUID.randomUUID()), Set.of()));
        assertThat(posted.getStatusCode().value()).isEqualTo(202);
    }

    @Test
    void aChannelsAccountSubmitsOrdersAndTillPaymentsForItsOwnChannelsOnly() throws Exception {
        assertThat(send(api(keycloak.clientToken("mobile-app")), Call.json(HttpMethod.POST, "/api/orders",
                order("APP", "CH-" + UUID.randomUUID()), Set.of())).getStatusCode().value()).as("the app's own channel").isEqualTo(202);

        String foreign = "CH-" + UUID.randomUUID();
        ResponseEntity<String> refused = send(api(keycloak.clientToken("web-shop")), Call.json(HttpMethod.POST, "/api/orders",
                order("APP", foreign), Set.of()));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType()).matches(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).endsWith("/channel-not-permitted");
        assertThat(problem.get("channel").asText()).isEqualTo("APP");
        assertThat(problem.get("account").asText()).isEqualTo("web-shop");
        assertThat(problem.get("detail").asText()).contains("APP", "web-shop", "WEB");
        assertThat(jdbc.queryForObject("select count(*) from hub.customer_order where external_id = ?", Integer.class, foreign))
                .as("nothing stored").isZero();

        assertThat(send(api(keycloak.clientToken("erp-connector")), Call.json(HttpMethod.POST, "/api/orders",
                order("WEB", "CH-" + UUID.randomUUID()), Set.of())).getStatusCode().value()).as("a connector of no channel").isEqualTo(403);

        String tillPayment = "/api/orders/" + UUID.randomUUID() + "/till-payment";
        ResponseEntity<String> notATill = send(api(keycloak.clientToken("web-shop")), Call.of(HttpMethod.POST, tillPayment, Set.of()));
        assertThat(notATill.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(notATill.getBody()).get("channel").asText()).isEqualTo("POS");
        assertThat(status(api(keycloak.clientToken("pos-gateway")), HttpMethod.POST, tillPayment))
                .as("the tills pass the channel check and learn the order does not exist").isEqualTo(404);
    }

    @Test
    void expiredForgedForeignAndUnsignedTokensAreRejected() throws Exception {
        String probe = "/api/orders/" + UUID.randomUUID();
        String integration = keycloak.userToken("integration");
        String[] parts = integration.split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));

        String elevated = parts[0] + "." + encode(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"integration\"", "\"admin\"")) + "." + parts[2];
        assertThat(status(api(elevated), HttpMethod.GET, "/api/audit")).as("payload changed after signing").isEqualTo(401);

        assertThat(status(api(selfSigned(header.get("kid").asText())), HttpMethod.GET, "/api/audit")).as("signed with another key").isEqualTo(401);
        assertThat(status(api(encode("{\"alg\":\"none\"}") + "." + parts[1] + "."), HttpMethod.GET, probe)).as("unsigned").isEqualTo(401);
        assertThat(status(api(keycloak.clientToken("foreign-app")), HttpMethod.GET, probe)).as("without our audience").isEqualTo(401);
        assertThat(status(api("not-a-token"), HttpMethod.GET, probe)).isEqualTo(401);

        String shortLived = keycloak.clientToken("short-lived-probe");
        RestClient beforeExpiry = api(shortLived);
        assertThat(status(beforeExpiry, HttpMethod.GET, probe)).as("still valid").isEqualTo(404);
        await().atMost(Duration.ofSeconds(15)).until(() -> status(beforeExpiry, HttpMethod.GET, probe) == 401);
    }

    @Test
    void aFloodFromOneClientIsCutOffWhileAnotherIsServed() throws Exception {
        RestClient flooding = api(keycloak.clientToken("pos-gateway"));
        ResponseEntity<String> cutOff = null;
        for (int i = 0; i < 200 && cutOff == null; i++) {
            ResponseEntity<String> answer = send(flooding, Call.of(HttpMethod.GET, "/api/orders/" + UUID.randomUUID(), Set.of()));
            if (answer.getStatusCode().value() == 429) {
                cutOff = answer;
            }
        }
        assertThat(cutOff).as("the flooding client is told to slow down").isNotNull();
        assertThat(Long.parseLong(cutOff.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(json.readTree(cutOff.getBody()).get("type").asText()).endsWith("/too-many-requests");

        RestClient calm = api(keycloak.clientToken("mobile-app"));
        for (int i = 0; i < 20; i++) {
            assertThat(status(calm, HttpMethod.GET, "/api/orders/" + UUID.randomUUID())).as("the other client is served").isEqualTo(404);
        }
    }

    @Test
    void oversizedBodiesCrossOriginCallsAndHeadersAtTheEdge() {
        RestClient integration = api(keycloak.clientToken("marketplace-gateway"));
        ResponseEntity<String> huge = send(integration, Call.json(HttpMethod.POST, "/api/orders", "{\"x\":\"" + "a".repeat(300_000) + "\"}", Set.of()));
        assertThat(huge.getStatusCode().value()).isEqualTo(413);

        ResponseEntity<String> preflight = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                .options().uri("/api/orders").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").retrieve().toEntity(String.class);
        assertThat(preflight.getHeaders().getAccessControlAllowOrigin()).as("CORS closed by default").isNull();
        assertThat(preflight.getStatusCode().is2xxSuccessful()).isFalse();

        ResponseEntity<String> any = send(integration, Call.of(HttpMethod.GET, "/api/orders/" + UUID.randomUUID(), Set.of()));
        assertThat(any.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(any.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(any.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void analystsDeployOnlyThroughTheReviewOperatorsRepairAndTheAuditTrailNamesThem() throws Exception {
        RestClient analyst = api(keycloak.userToken("analyst"));
        RestClient operator = api(keycloak.userToken("operator"));
        RestClient admin = api(keycloak.userToken("admin"));
        assertThat(send(analyst, new Call(HttpMethod.POST, "/engine-rest/deployment/create", deployment("security_unchecked",
                "<userTask id=\"work\" name=\"Approve\"/>"), MediaType.MULTIPART_FORM_DATA, Set.of())).getStatusCode().value())
                .as("analysts deploy through the hub's review, not the engine's unchecked API").isEqualTo(403);
        // admins keep the engine's API as a break-glass path (the models below break the house rules on purpose)
        assertThat(send(admin, new Call(HttpMethod.POST, "/engine-rest/deployment/create", deployment("security_approval",
                "<userTask id=\"work\" name=\"Approve\"/>"), MediaType.MULTIPART_FORM_DATA, Set.of())).getStatusCode().value()).isEqualTo(200);
        assertThat(send(operator, new Call(HttpMethod.POST, "/engine-rest/deployment/create", deployment("security_other", "<task id=\"work\"/>"),
                MediaType.MULTIPART_FORM_DATA, Set.of())).getStatusCode().value()).as("operators do not deploy").isEqualTo(403);

        assertThat(status(operator, HttpMethod.POST, "/engine-rest/process-definition/key/security_approval/start", "{}")).isEqualTo(200);
        String task = json.readTree(operator.get().uri("/engine-rest/task?processDefinitionKey=security_approval").retrieve().body(String.class))
                .get(0).get("id").asText();
        assertThat(status(analyst, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", "{}")).as("analysts do not approve").isEqualTo(403);
        assertThat(status(operator, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", "{}")).isEqualTo(204);

        // an incident: a step whose expression names no bean fails until its retries are used up
        assertThat(send(admin, new Call(HttpMethod.POST, "/engine-rest/deployment/create", deployment("security_incident",
                "<serviceTask id=\"work\" camunda:asyncBefore=\"true\" camunda:expression=\"${noSuchBean.run()}\"/>"),
                MediaType.MULTIPART_FORM_DATA, Set.of())).getStatusCode().value()).isEqualTo(200);
        assertThat(status(operator, HttpMethod.POST, "/engine-rest/process-definition/key/security_incident/start", "{}")).isEqualTo(200);
        // watched in the database, not over HTTP, so the wait spends none of the operator's request budget
        String job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForList(
                "select i.configuration_ from act_ru_incident i join act_re_procdef d on d.id_ = i.proc_def_id_ where d.key_ = 'security_incident'",
                String.class), found -> !found.isEmpty()).get(0);
        assertThat(status(analyst, HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", "{\"retries\":1}")).as("analysts do not retry").isEqualTo(403);
        assertThat(status(operator, HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", "{\"retries\":1}")).isEqualTo(204);
        // both may read jobs over HTTP; Camunda itself shows the analyst none (no right to read instances)
        String jobs = "/engine-rest/job?processDefinitionKey=security_incident";
        assertThat(json.readTree(operator.get().uri(jobs).retrieve().body(String.class))).hasSize(1);
        assertThat(json.readTree(analyst.get().uri(jobs).retrieve().body(String.class))).as("Camunda filters the analyst's query").isEmpty();

        JsonNode trail = json.readTree(admin.get().uri("/api/audit?limit=50").retrieve().body(String.class));
        List<String> lines = new ArrayList<>();
        // an event may have no subject (a refused upload of no model, from the endpoint matrix)
        trail.forEach(e -> lines.add(e.path("actor").asText() + " " + e.path("action").asText() + " " + e.path("subjectType").asText()
                + " " + e.path("subjectId").asText()));
        assertThat(lines).anyMatch(l -> l.startsWith("admin Create Deployment "))
                .anyMatch(l -> l.equals("operator Complete Task " + task))
                .anyMatch(l -> l.equals("operator SetJobRetries Job " + job));
        assertThat(lines).noneMatch(l -> l.startsWith("operator Create Deployment"));
        assertThat(status(operator, HttpMethod.GET, "/api/audit")).as("only admins read the trail").isEqualTo(403);
    }

    /**
     * Camunda's own authorizations, without the HTTP rules in front: each engine call runs as the Camunda user the hub
     * makes of a real Keycloak token (the same mapping its filters use), so Camunda alone decides.
     */
    @Test
    void camundaItselfRefusesWhatARoleMayNotDo() {
        String approval = deployAsSystem("security_engine_approval", "<userTask id=\"work\" name=\"Approve\"/>");
        String execution = engine.getRuntimeService().startProcessInstanceByKey(approval).getId();
        String incident = engine.getRuntimeService().createIncident("manual", execution, "stuck").getId();
        // a timer a day away: a job nobody else touches while the roles try to change its retries
        String waiting = deployAsSystem("security_engine_timer", "<intermediateCatchEvent id=\"work\"><timerEventDefinition>"
                + "<timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>");
        engine.getRuntimeService().startProcessInstanceByKey(waiting);
        String job = engine.getManagementService().createJobQuery().processDefinitionKey(waiting).singleResult().getId();

        asUser("analyst", () -> {
            assertThatThrownBy(() -> engine.getManagementService().setJobRetries(job, 1)).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> engine.getRuntimeService().resolveIncident(incident)).isInstanceOf(AuthorizationException.class);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(waiting).count()).isEqualTo(1);
        });
        asUser("operator", () -> {
            assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().addString("op.bpmn", BPMN.formatted("security_engine_op",
                    "<task id=\"work\"/>")).deploy()).isInstanceOf(AuthorizationException.class);
            engine.getManagementService().setJobRetries(job, 2);
            engine.getRuntimeService().resolveIncident(incident);
        });
        asUser("integration", () -> assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isZero());
        asUser("admin", () -> assertThat(engine.getRepositoryService().createDeployment()
                .addString("admin.bpmn", BPMN.formatted("security_engine_admin", "<task id=\"work\"/>")).deploy().getId()).isNotBlank());
        assertThat(engine.getRuntimeService().createIncidentQuery().incidentId(incident).count()).as("the operator resolved it").isZero();
        assertThat(engine.getManagementService().createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(2);
    }

    private String deployAsSystem(String processId, String work) {
        engine.getRepositoryService().createDeployment().addString(processId + ".bpmn", BPMN.formatted(processId, work)).deploy();
        return processId;
    }

    /** Runs {@code calls} as the Camunda user the hub makes of {@code user}'s real Keycloak access token. */
    private void asUser(String user, Runnable calls) {
        Jwt token = tokens.decode(keycloak.userToken(user));
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token,
                HubRole.authoritiesOf((java.util.Collection<?>) realmAccess.get("roles")), token.getClaimAsString("preferred_username")));
        CamundaUser camundaUser = CamundaUser.current().orElseThrow();
        SecurityContextHolder.clearContext();
        engine.getIdentityService().setAuthentication(camundaUser.id(), camundaUser.groups());
        try {
            calls.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void cockpitLogsInThroughKeycloakAndKeepsTheRolesApart() throws Exception {
        HttpClient operatorBrowser = browserLoggedInAs("operator");
        HttpResponse<String> me = operatorBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("userId").asText()).isEqualTo("operator");
        assertThat(json.readTree(me.body()).get("authorizedApps").toString()).contains("cockpit", "tasklist").doesNotContain("admin");
        HttpResponse<String> profile = operatorBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/engine/engine/default/user/operator/profile"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(profile.body()).get("firstName").asText() + " " + json.readTree(profile.body()).get("lastName").asText())
                .as("Cockpit shows the person's name from the token, not \"null null\"").isEqualTo("Operator Demo");
        assertThat(engine.getIdentityService().createUserQuery().userId("operator").singleResult().getEmail()).isEqualTo("operator@retail-hub.invalid");
        assertThat(engine.getIdentityService().createGroupQuery().groupMember("operator").list()).extracting(g -> g.getId())
                .as("Camunda's memberships follow the realm roles").containsExactly("operator");
        HttpResponse<String> deploy = operatorBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/engine/engine/default/deployment/create"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deploy.statusCode()).as("an operator cannot deploy from the webapps either").isEqualTo(403);

        HttpClient analystBrowser = browserLoggedInAs("analyst");
        HttpResponse<String> retry = analystBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/engine/engine/default/job/x/retries"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"retries\":1}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).as("an analyst cannot retry incidents").isEqualTo(403);
        HttpResponse<String> analystMe = analystBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(analystMe.body()).get("authorizedApps").toString()).contains("cockpit").doesNotContain("tasklist");

        HttpResponse<String> passwordLogin = operatorBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(passwordLogin.statusCode()).as("no password login beside single sign-on").isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId("demo").count()).as("no DEV-ONLY demo user with Keycloak").isZero();
        HttpResponse<String> firstAdmin = operatorBrowser.send(HttpRequest.newBuilder(hub("/camunda/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"first-admin\"},\"credentials\":{\"password\":\"first-admin-pass\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(firstAdmin.statusCode()).as("nobody creates a first administrator").isEqualTo(403);
        assertThat(engine.getIdentityService().createUserQuery().userId("first-admin").count()).isZero();
    }

    @Test
    void aPersonWhomTheWebappsRefuseIsToldWhyAndCanSignOut() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> refused = signIn(browser, "integration");

        assertThat(refused.uri().getPath()).isEqualTo("/camunda/app/cockpit/default/");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("signed in as <b>integration</b>", "roles: integration",
                        "Cockpit is open to the roles <b>admin, analyst, operator</b>", "action=\"/logout\"", "Sign out")
                .doesNotContain("Whitelabel");

        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(hub("/logout")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.uri().toString()).as("signed out of Keycloak too: the webapps ask for a login again").startsWith(keycloak.issuer());
        assertThat(signedOut.body()).contains("kc-form-login");
    }

    /** Opens Cockpit like a browser: redirected to Keycloak's login form, signs in, and lands back in Cockpit. */
    private HttpClient browserLoggedInAs(String user) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> cockpit = signIn(browser, user);
        assertThat(cockpit.uri().getPath()).as(() -> "Keycloak says: " + feedback(cockpit.body())).isEqualTo("/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        return browser;
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Asks for Cockpit, signs in on Keycloak's login form, and returns the page the browser lands on. */
    private HttpResponse<String> signIn(HttpClient browser, String user) throws Exception {
        HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(hub("/camunda/app/cockpit/default/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.uri().toString()).startsWith(keycloak.issuer());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-dev-only")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String feedback(String page) {
        Matcher message = Pattern.compile("(?s)kc-feedback-text\">(.*?)<").matcher(page);
        return message.find() ? message.group(1).trim() : page.substring(0, Math.min(page.length(), 500));
    }

    /**
     * A browser's cookie jar for http://localhost: browsers treat localhost as a secure context and send cookies marked
     * {@code Secure} there (Keycloak marks its login cookies so); Java's CookieManager would drop them on plain http.
     */
    private static final class LocalhostCookies extends CookieManager {

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
            Map<String, List<String>> relaxed = new java.util.HashMap<>();
            headers.forEach((name, values) -> relaxed.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(c -> c.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            super.put(uri, relaxed);
        }
    }

    private URI hub(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static boolean refusedBySecurity(ResponseEntity<String> answer) {
        String body = answer.getBody() == null ? "" : answer.getBody();
        return answer.getStatusCode().value() == 403 && body.contains("/problems/forbidden")
                || answer.getStatusCode().value() == 401 && body.contains("/problems/unauthenticated");
    }

    private RestClient api(String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).build();
    }

    private static ResponseEntity<String> send(RestClient client, Call call) {
        RestClient.RequestBodySpec request = client.method(call.method()).uri(call.path());
        if (call.body() != null) {
            request.contentType(call.type()).body(call.body());
        }
        return request.retrieve().toEntity(String.class);
    }

    private static int status(RestClient client, HttpMethod method, String path) {
        return send(client, Call.of(method, path, Set.of())).getStatusCode().value();
    }

    private static int status(RestClient client, HttpMethod method, String path, String jsonBody) {
        return send(client, Call.json(method, path, jsonBody, Set.of())).getStatusCode().value();
    }

    private static String order(String externalId) {
        return order("WEB", externalId);
    }

    private static String order(String channel, String externalId) {
        return "{\"channel\":\"" + channel + "\",\"externalId\":\"" + externalId
                + "\",\"storeId\":\"WEB-DC\",\"lines\":[{\"sku\":\"SKU-0007\",\"quantity\":1}]}";
    }

    private static Object deployment(String processId, String work) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", processId);
        parts.add("deploy-changed-only", "true");
        parts.add("data", new ByteArrayResource(BPMN.formatted(processId, work).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return processId + ".bpmn";
            }
        });
        return parts;
    }

    private String selfSigned(String keycloakKeyId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keycloakKeyId).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(keycloak.issuer()).audience("retail-hub-api").subject("intruder")
                        .claim("preferred_username", "intruder").claim("realm_access", Map.of("roles", List.of("admin")))
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
