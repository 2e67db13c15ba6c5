package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.retailhub.domain.audit.AuditTrail;
import org.retailhub.processes.models.ModelDeployments.ModelRefused;
import org.retailhub.processes.models.ModelReview.ModelFile;

/**
 * Deploying, rolling back and seeding models on a real (in-memory) engine: what the next order would be priced by,
 * which payment model an order in flight calls, and which table a new release leaves in place.
 */
class ModelDeploymentsTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

    private static final List<String> RELEASE = List.of("bpmn/order/order-pricing.dmn", "bpmn/order/order-fulfilment.bpmn",
            "bpmn/payment/payment.bpmn", "bpmn/payment/payment-reversal.bpmn");

    private final AuditTrail audit = mock(AuditTrail.class);
    private RepositoryService repository;
    private ModelDeployments models;
    private Set<String> before;

    @BeforeEach
    void release() {
        ProcessEngine processEngine = engine.getProcessEngine();
        repository = processEngine.getRepositoryService();
        before = deploymentIds();
        models = new ModelDeployments(repository, audit, Clock.systemUTC(), RepoRehearsal.ENGINE, RepoRehearsal::steps);
        new ModelSeeds(() -> release(Map.of())).postProcessEngineBuild(processEngine);
    }

    @AfterEach
    void undeploy() {
        deploymentIds().stream().filter(id -> !before.contains(id)).forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void aDeployedTableIsWhatTheNextLineIsPricedByAndARollbackBringsTheOldOneBack() throws IOException {
        List<ModelVersion> deployed = models.deploy("anna", List.of(table("\"MULTIBUY-3\"", "\"MULTIBUY-3-XMAS\"")),
                List.of(scenario("MULTIBUY-3-XMAS")), "xmas-2026");

        assertThat(deployed).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo("order-pricing");
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.versionTag()).isEqualTo("xmas-2026");
            assertThat(v.origin()).isEqualTo("analyst");
        });
        assertThat(promotionsForThreeGroceries()).containsExactly("MULTIBUY-3-XMAS");
        verify(audit).record(eq("anna"), eq("model-deployed"), eq("model"), eq("order-pricing.dmn"), contains("order-pricing v2"));

        ModelVersion rolledBack = models.rollback("anna", "order-pricing", null);

        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(rolledBack.versionTag()).as("version 1's own tag comes back with it").isNull();
        assertThat(promotionsForThreeGroceries()).containsExactly("MULTIBUY-3");
        assertThat(models.versions("order-pricing")).extracting(ModelVersion::version).containsExactly(3, 2, 1);
        verify(audit).record(eq("anna"), eq("model-rolled-back"), eq("model"), eq("order-pricing"), contains("v2 -> v3"));
        assertThatThrownBy(() -> models.rollback("anna", "order-pricing", 7)).hasMessageContaining("no version 7");
    }

    @Test
    void aRefusedTableListsEveryProblemAndDeploysNothing() throws IOException {
        Set<String> deployments = deploymentIds();

        assertThatThrownBy(() -> models.deploy("anna", List.of(table("<text>15</text>", "<text>55</text>")), List.of(), null))
                .isInstanceOfSatisfying(ModelRefused.class, refused -> assertThat(refused.problems())
                        .anySatisfy(p -> assertThat(p).contains("above the hub's limit"))
                        .anySatisfy(p -> assertThat(p).contains("scenario 'three of an article at the till'")));

        assertThat(deploymentIds()).isEqualTo(deployments);
        assertThat(promotionsForThreeGroceries()).containsExactly("MULTIBUY-3");
        verify(audit).record(eq("anna"), eq("model-refused"), eq("model"), eq("order-pricing.dmn"), anyString());
    }

    @Test
    void aNewPaymentModelReachesNewOrdersWhileOrdersInFlightKeepTheirs() throws IOException {
        String inFlight = repository.createProcessDefinitionQuery().processDefinitionKey("order-fulfilment").latestVersion().singleResult()
                .getDeploymentId();
        String payment = resource("bpmn/payment/payment.bpmn").replace("name=\"Take payment\"", "name=\"Take the payment\"");

        models.deploy("anna", List.of(new ModelFile("payment.bpmn", payment.getBytes(StandardCharsets.UTF_8))), List.of(), "pay-2");

        var newest = repository.createProcessDefinitionQuery().processDefinitionKey("order-fulfilment").latestVersion().singleResult();
        assertThat(newest.getVersion()).as("order-fulfilment is deployed again beside the new payment model").isEqualTo(2);
        assertThat(keysIn(newest.getDeploymentId())).contains("payment", "payment-reversal");
        assertThat(repository.createProcessDefinitionQuery().deploymentId(newest.getDeploymentId()).processDefinitionKey("payment")
                .singleResult().getVersionTag()).isEqualTo("pay-2");
        assertThat(repository.createProcessDefinitionQuery().deploymentId(inFlight).processDefinitionKey("payment").singleResult()
                .getVersion()).as("orders started before call the payment model of their own deployment").isEqualTo(1);

        ModelMigrations.Plan plan = new ModelMigrations(repository, engine.getProcessEngine().getRuntimeService(), audit)
                .preview("anna", "order-fulfilment", 1, null);
        assertThat(plan.problems()).as("orders may move to the new version").isEmpty();
        assertThat(plan.mappedSteps()).containsEntry("Activity_ValidateOrder", "Activity_ValidateOrder")
                .containsEntry("Activity_TakePayment", "Activity_TakePayment");
    }

    @Test
    void aRollbackReviewsTheVersionItBringsBackAndRefusesOneThatNoLongerPasses() throws IOException {
        String broken = resource("bpmn/payment/payment.bpmn").replace("${authorisation == 'AUTHORISED'}", "${authorisation == 'CAPTURED'}");
        repository.createDeployment().name("through the engine's REST API").addString("payment.bpmn", broken).deploy();
        models.deploy("anna", List.of(new ModelFile("payment.bpmn", resource("bpmn/payment/payment.bpmn").getBytes(StandardCharsets.UTF_8))),
                List.of(), "pay-3");
        int newest = models.versions("payment").get(0).version();
        Set<String> deployments = deploymentIds();

        assertThatThrownBy(() -> models.rollback("anna", "payment", newest - 1))
                .isInstanceOfSatisfying(ModelRefused.class, refused -> assertThat(refused.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("payment.scenarios.yaml scenario 'card authorised at once and captured'")));

        assertThat(deploymentIds()).isEqualTo(deployments);
        verify(audit).record(eq("anna"), eq("model-refused"), eq("model"), eq("payment"), contains("rollback to v" + (newest - 1)));
    }

    @Test
    void aRollbackRunsTheScenariosItsVersionWasDeployedWith() throws IOException {
        models.deploy("anna", List.of(table("\"MULTIBUY-3\"", "\"MULTIBUY-3-XMAS\"")), List.of(scenario("MULTIBUY-3-XMAS")), "xmas");
        models.deploy("anna", List.of(table("\"MULTIBUY-3\"", "\"MULTIBUY-3-NEW\"")), List.of(scenario("MULTIBUY-3-NEW")), "new");

        ModelVersion rolledBack = models.rollback("anna", "order-pricing", null);

        assertThat(rolledBack.versionTag()).as("the repo's scenarios expect MULTIBUY-3; the xmas table's own scenarios pass").isEqualTo("xmas");
        assertThat(promotionsForThreeGroceries()).containsExactly("MULTIBUY-3-XMAS");
    }

    @Test
    void aNewReleaseReplacesOnlyTheModelsAnalystsLeftAlone() throws IOException {
        ProcessEngine processEngine = engine.getProcessEngine();
        String release2 = resource("bpmn/order/order-pricing.dmn").replace("<text>8</text>", "<text>9</text>");
        new ModelSeeds(() -> release(Map.of("bpmn/order/order-pricing.dmn", release2))).postProcessEngineBuild(processEngine);
        assertThat(newestPricing().origin()).isEqualTo("release");
        assertThat(newestPricing().version()).as("untouched by analysts: the release's table replaces the release's").isEqualTo(2);

        models.deploy("anna", List.of(table("\"MULTIBUY-3\"", "\"MULTIBUY-3-XMAS\"")), List.of(scenario("MULTIBUY-3-XMAS")), null);
        String release3 = resource("bpmn/order/order-pricing.dmn").replace("<text>8</text>", "<text>7</text>");
        new ModelSeeds(() -> release(Map.of("bpmn/order/order-pricing.dmn", release3))).postProcessEngineBuild(processEngine);

        assertThat(newestPricing().version()).as("the analysts' table stays the newest after the next release").isEqualTo(3);
        assertThat(promotionsForThreeGroceries()).containsExactly("MULTIBUY-3-XMAS");
        new ModelSeeds(() -> release(Map.of())).postProcessEngineBuild(processEngine);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("order-fulfilment").count())
                .as("an unchanged release deploys nothing").isEqualTo(1);
    }

    private ModelVersion newestPricing() {
        return models.versions("order-pricing").get(0);
    }

    private List<String> promotionsForThreeGroceries() {
        return engine.getProcessEngine().getDecisionService().evaluateDecisionTableByKey("order-pricing")
                .variables(Variables.createVariables().putValue("category", "GROCERY").putValue("quantity", 3)
                        .putValue("loyaltyTier", "NONE").putValue("channel", "POS"))
                .evaluate().getResultList().stream().map(r -> (String) r.get("promotionCode")).toList();
    }

    private Set<String> keysIn(String deploymentId) {
        Set<String> keys = new HashSet<>();
        repository.createProcessDefinitionQuery().deploymentId(deploymentId).list().forEach(d -> keys.add(d.getKey()));
        return keys;
    }

    private Set<String> deploymentIds() {
        Set<String> ids = new HashSet<>();
        repository.createDeploymentQuery().list().stream().map(Deployment::getId).forEach(ids::add);
        return ids;
    }

    /** The release's models, with some replaced by other content. */
    private static Map<String, byte[]> release(Map<String, String> changed) {
        Map<String, byte[]> models = new LinkedHashMap<>();
        ModelSeeds.jarModels().entrySet().stream().filter(m -> RELEASE.contains(m.getKey())).forEach(m -> models.put(m.getKey(),
                changed.containsKey(m.getKey()) ? changed.get(m.getKey()).getBytes(StandardCharsets.UTF_8) : m.getValue()));
        return models;
    }

    private static ModelFile table(String text, String replacement) throws IOException {
        return new ModelFile("order-pricing.dmn", resource("bpmn/order/order-pricing.dmn").replace(text, replacement).getBytes(StandardCharsets.UTF_8));
    }

    private static ModelFile scenario(String multiBuyCode) {
        return new ModelFile("xmas.yaml", ("""
                decision: order-pricing
                scenarios:
                  - name: three groceries at the till
                    given: {category: GROCERY, quantity: 3, loyaltyTier: NONE, channel: POS}
                    expect:
                      results: [{promotionCode: %s, discountPercent: 15}]
                """.formatted(multiBuyCode)).getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ModelDeploymentsTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
