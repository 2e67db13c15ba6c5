package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retailhub.processes.models.ModelReview.ModelFile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The review {@code POST /api/models} runs before a deployment, on the repo's own models (each must pass, scenarios
 * included: CI runs the scenario files beside the models here) and on broken tables an analyst could upload.
 */
class ModelReviewTest {

    static Stream<Resource> models() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        return Stream.concat(Stream.of(resolver.getResources("classpath*:bpmn/**/*.bpmn")), Stream.of(resolver.getResources("classpath*:bpmn/**/*.dmn")));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyRepoModelPassesTheReviewAndItsScenarios(Resource model) throws IOException {
        assertThat(review(List.of(file(model)), List.of()).problems()).as(model.getFilename()).isEmpty();
    }

    @Test
    void theRepoTableIsCoveredByScenariosThatCanFail() throws IOException {
        assertThat(ModelReview.repoScenarios()).containsKey("order-pricing");
        byte[] table = pricingTable().replace("<text>15</text>", "<text>20</text>").getBytes(StandardCharsets.UTF_8);

        assertThat(review(List.of(new ModelFile("order-pricing.dmn", table)), List.of()).problems())
                .as("a changed multi-buy discount breaks the repo's scenarios")
                .anySatisfy(p -> assertThat(p).contains("three of an article at the till").contains("MULTIBUY-3"));
    }

    @Test
    void everyFailureOfABrokenTableIsListed() throws IOException {
        String broken = pricingTable()
                .replace("<text>15</text>", "<text>-15</text>")               // negative discount
                .replace("<text>8</text>", "<text>60</text>")                 // above 50 %
                .replace("<text>\"LOYALTY-GOLD\"</text>", "<text></text>")      // empty output cell
                .replace("<text>\"APP\"</text>", "<text>\"KIOSK\"</text>");    // a channel the hub never passes

        List<String> problems = review(List.of(new ModelFile("order-pricing.dmn", broken.getBytes(StandardCharsets.UTF_8))),
                List.of()).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("Rule_MultiBuy").contains("negative"))
                .anySatisfy(p -> assertThat(p).contains("Rule_LoyaltyPlatinum").contains("above the hub's limit of 50 %"))
                .anySatisfy(p -> assertThat(p).contains("Rule_LoyaltyGold").contains("promotionCode is empty"))
                .anySatisfy(p -> assertThat(p).contains("Rule_AppToys").contains("unreachable").contains("KIOSK"))
                .anySatisfy(p -> assertThat(p).contains("scenario 'toys in the app, not on the web'"));
    }

    @Test
    void uploadedScenariosReplaceTheReposAndAreCheckedToo() throws IOException {
        String newTable = pricingTable().replace("\"MULTIBUY-3\"", "\"MULTIBUY-3-XMAS\"");
        String scenarios = """
                decision: order-pricing
                scenarios:
                  - name: christmas multi-buy
                    given: {category: GROCERY, quantity: 3, loyaltyTier: NONE, channel: POS, couponCode: XMAS}
                    expect:
                      results:
                        - {promotionCode: MULTIBUY-3-XMAS, discountPercent: 15}
                      line: {unitPrice: "2.00", total: "5.10"}
                """;
        ModelFile table = new ModelFile("order-pricing.dmn", newTable.getBytes(StandardCharsets.UTF_8));

        assertThat(review(List.of(table), List.of(new ModelFile("xmas.yaml", scenarios.getBytes(StandardCharsets.UTF_8)))).problems())
                .isEmpty();
        assertThat(review(List.of(table), List.of(new ModelFile("xmas.yaml", scenarios.replace("5.10", "5.00")
                .getBytes(StandardCharsets.UTF_8)))).problems())
                .containsExactly("xmas.yaml scenario 'christmas multi-buy': expected the line to cost 5.00 but it costs 5.10");
        assertThat(review(List.of(table), List.of(new ModelFile("bad.yaml", "decision: [".getBytes(StandardCharsets.UTF_8))))
                .problems()).anySatisfy(p -> assertThat(p).startsWith("bad.yaml is not YAML or JSON"));
    }

    @Test
    void aModelThatDoesNotParseOrBreaksTheHouseRulesIsRefused() {
        assertThat(review(List.of(new ModelFile("payment.bpmn", "<definitions".getBytes(StandardCharsets.UTF_8))), List.of())
                .problems()).singleElement().asString().startsWith("payment.bpmn is not a valid BPMN model");
        String scripted = org.camunda.bpm.model.bpmn.Bpmn.convertToString(org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("quick")
                .startEvent().scriptTask().scriptFormat("groovy").scriptText("1").endEvent().done());
        assertThat(review(List.of(new ModelFile("quick.bpmn", scripted.getBytes(StandardCharsets.UTF_8))), List.of()).problems())
                .anySatisfy(p -> assertThat(p).contains("has no human-readable name"))
                .anySatisfy(p -> assertThat(p).contains("script tasks hide logic"));
    }

    static String pricingTable() throws IOException {
        try (InputStream in = ModelReviewTest.class.getResourceAsStream("/bpmn/order/order-pricing.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ModelFile file(Resource model) throws IOException {
        try (InputStream in = model.getInputStream()) {
            return new ModelFile(model.getFilename(), in.readAllBytes());
        }
    }

    private static ModelReview.Verdict review(List<ModelFile> models, List<ModelFile> scenarios) {
        return ModelReview.review(models, scenarios, RepoRehearsal.rehearsal());
    }
}
