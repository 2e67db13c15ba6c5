package org.retailhub.processes.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Process scenarios as data (docs/models.md#process-scenarios): every scenario file in the repo passes against the
 * repo's models, and a wrong expectation, a step no scenario scripted, a message nobody waits for, a changed model and
 * an unreadable file each fail with a message an analyst can act on.
 */
class ProcessScenariosTest {

    private static final String PAYMENT_START = "{paymentId: pay-1, paymentMethod: CARD}";

    static Stream<Resource> scenarioFiles() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.scenarios.yaml"));
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioFileInTheRepoPassesAgainstTheReposModels(Resource file) throws IOException {
        ScenarioFiles read = new ScenarioFiles(new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
        try (InputStream in = file.getInputStream()) {
            read.add(file.getFilename(), in.readAllBytes());
        }
        for (ProcessScenarios scenarios : read.processes().values()) {
            ModelFile model = RepoRehearsal.repoModels().get(scenarios.process());
            assertThat(model).as("the repo has the process " + scenarios.process()).isNotNull();
            assertThat(RepoRehearsal.ENGINE.failures(scenarios, List.of(model), RepoRehearsal.repoModels()::get)).as(file.getFilename()).isEmpty();
        }
        for (DecisionScenarios scenarios : read.decisions().values()) {
            byte[] table = new PathMatchingResourcePatternResolver().getResource("classpath:bpmn/order/" + scenarios.decision() + ".dmn")
                    .getContentAsByteArray();
            assertThat(scenarios.failuresAgainst(scenarios.decision() + ".dmn", table)).as(file.getFilename()).isEmpty();
        }
    }

    @Test
    void everyProcessModelInTheRepoHasAScenarioFile() {
        java.util.Set<String> untested = new java.util.TreeSet<>(RepoRehearsal.repoModels().keySet());
        untested.removeAll(ScenarioFiles.repo().processes().keySet());

        assertThat(untested).as("process models without a <model>.scenarios.yaml beside them").isEmpty();
        assertThat(RepoRehearsal.repoModels()).as("the scan finds the repo's models (9 since issue 18 folded delivery into the order)").hasSizeGreaterThanOrEqualTo(9);
        assertThat(ScenarioFiles.repo().processes().get("payment").scenarios()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aProcessModelWithoutScenariosIsRefusedAndNamed() {
        String express = new String(RepoRehearsal.repoModels().get("refund").content(), StandardCharsets.UTF_8)
                .replace("id=\"refund\"", "id=\"express-refund\"");

        List<String> problems = ModelReview.review(List.of(new ModelFile("express-refund.bpmn", express.getBytes(StandardCharsets.UTF_8))),
                List.of(), RepoRehearsal.rehearsal()).problems();

        assertThat(problems).containsExactly("express-refund.bpmn: process express-refund has no scenario tests; upload a scenario file for it "
                + "(process: express-refund, docs/models.md#scenario-files)");
        assertThat(ModelReview.review(List.of(new ModelFile("express-refund.bpmn", express.getBytes(StandardCharsets.UTF_8))),
                List.of(new ModelFile("express.yaml", """
                        process: express-refund
                        scenarios:
                          - name: refunded
                            given: {refundId: r-1}
                            expect: {end: EndEvent_Refunded}
                        """.getBytes(StandardCharsets.UTF_8))), RepoRehearsal.rehearsal()).problems())
                .as("the same model with a scenario file passes").isEmpty();
    }

    @Test
    void aScenarioNamingAStartEventTheModelLacksFailsAtItsStart() {
        ScenarioFiles files = new ScenarioFiles(new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
        files.add("start.yaml", """
                process: reconciliation
                scenarios:
                  - name: a start event the model lacks
                    start: StartEvent_Weekly
                    given: {}
                    expect: {}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(RepoRehearsal.ENGINE.failures(files.processes().get("reconciliation"), List.of(RepoRehearsal.repoModels().get("reconciliation")),
                RepoRehearsal.repoModels()::get))
                .singleElement().asString()
                .startsWith("start.yaml scenario 'a start event the model lacks': the process failed at its start: Element 'StartEvent_Weekly' does not exist");
    }

    @Test
    void aWrongExpectationFailsWithAReadableMessage() {
        List<String> failures = run("""
                process: payment
                scenarios:
                  - name: the analyst expects a decline
                    given: %s
                    steps:
                      payment.authorise: {set: {authorisation: AUTHORISED}}
                      payment.capture: {set: {authorisation: CAPTURED}}
                    expect:
                      path: [Activity_CapturePayment, Activity_AuthorisePayment, Activity_ReverseGiftCard]
                      notPassed: [Activity_CapturePayment]
                      end: EndEvent_PaymentDeclined
                      variables: {authorisation: DECLINED}
                """.formatted(PAYMENT_START));

        assertThat(failures).containsExactly(
                "wrong.yaml scenario 'the analyst expects a decline': expected the process to end at EndEvent_PaymentDeclined but it ended at EndEvent_PaymentCaptured",
                "wrong.yaml scenario 'the analyst expects a decline': expected the path to pass Activity_AuthorisePayment after Activity_CapturePayment but it passed "
                        + "[StartEvent_PaymentRequested, Gateway_PaymentMethod, Gateway_CardToAuthorise, Activity_AuthorisePayment, Gateway_AnswerReceived, "
                        + "Gateway_Authorisation, Activity_CapturePayment, EndEvent_PaymentCaptured]",
                "wrong.yaml scenario 'the analyst expects a decline': expected the path not to pass Activity_CapturePayment but it passed "
                        + "[StartEvent_PaymentRequested, Gateway_PaymentMethod, Gateway_CardToAuthorise, Activity_AuthorisePayment, Gateway_AnswerReceived, "
                        + "Gateway_Authorisation, Activity_CapturePayment, EndEvent_PaymentCaptured]",
                "wrong.yaml scenario 'the analyst expects a decline': expected the variable authorisation to be DECLINED but it is CAPTURED");
    }

    @Test
    void anUnscriptedStepDoesNothingSoTheGatewayAfterItSaysWhatIsMissing() {
        List<String> failures = run("""
                process: payment
                scenarios:
                  - name: nobody scripted the authorisation
                    given: %s
                    steps: {}
                    expect:
                      end: EndEvent_PaymentCaptured
                """.formatted(PAYMENT_START));

        assertThat(failures).singleElement().asString()
                .startsWith("wrong.yaml scenario 'nobody scripted the authorisation': the process failed after Gateway_Authorisation:")
                .contains("authorisation");
    }

    @Test
    void aMessageNobodyWaitsForOrATimerThatIsNotThereIsTheScenariosFailure() {
        List<String> failures = run("""
                process: payment
                scenarios:
                  - name: a webhook for a decided payment
                    given: %1$s
                    steps:
                      payment.authorise: {set: {authorisation: DECLINED}}
                    then:
                      - message: PaymentProviderAnswered
                    expect: {}
                  - name: a till timer for a card payment
                    given: %1$s
                    steps:
                      payment.authorise: {set: {authorisation: PENDING}}
                      paymentTimeouts.providerAnswer: {return: PT2M}
                    then:
                      - timer: Event_NotPaidInStore
                    expect: {}
                """.formatted(PAYMENT_START));

        assertThat(failures).containsExactly(
                "wrong.yaml scenario 'a webhook for a decided payment': no process waits for the message PaymentProviderAnswered; it ended at EndEvent_PaymentDeclined",
                "wrong.yaml scenario 'a till timer for a card payment': no timer Event_NotPaidInStore is waiting; the process waits at [Gateway_AwaitProvider]");
    }

    @Test
    void aChangedModelFailsTheReposScenariosAtReview() throws IOException {
        String payment = new String(RepoRehearsal.repoModels().get("payment").content(), StandardCharsets.UTF_8)
                .replace("${authorisation == 'AUTHORISED'}", "${authorisation == 'CAPTURED'}");

        List<String> problems = ModelReview.review(List.of(new ModelFile("payment.bpmn", payment.getBytes(StandardCharsets.UTF_8))), List.of(),
                RepoRehearsal.rehearsal()).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("payment.scenarios.yaml scenario 'card authorised at once and captured': the process failed after Gateway_Authorisation"));
    }

    @Test
    void aServiceTaskCallingAStepTheHubDoesNotHaveIsRefused() {
        String payment = new String(RepoRehearsal.repoModels().get("payment").content(), StandardCharsets.UTF_8)
                .replace("${payment.authorise(execution)}", "${payment.authorize(execution)}")
                .replace("${payment.giveUp(execution)}", "${payments.giveUp(execution)}");

        List<String> problems = ModelReview.review(List.of(new ModelFile("payment.bpmn", payment.getBytes(StandardCharsets.UTF_8))), List.of(),
                RepoRehearsal.rehearsal()).problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("payment.bpmn: Activity_AuthorisePayment calls payment.authorize, which is not a step of the hub")
                        .contains("payment.authorise"))
                .anySatisfy(p -> assertThat(p).isEqualTo("payment.bpmn: Activity_VoidAuthorisation calls payments.giveUp, which is not a step of the hub (no bean 'payments')"));
    }

    @Test
    void anUnreadableScenarioFileSaysWhatIsWrong() {
        ScenarioFiles files = new ScenarioFiles(new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
        assertThatThrownBy(() -> files.add("a.yaml", "process: payment\nscenarios: []".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("a.yaml needs 'process: <process id>' and a non-empty list 'scenarios'");
        assertThatThrownBy(() -> files.add("b.yaml", """
                process: payment
                scenarios:
                  - name: typo
                    steps: {payment: {set: {a: 1}}}
                    expect: {}
                """.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("b.yaml: scenario 'typo': step 'payment' is not a bean and method like payment.authorise");
        assertThatThrownBy(() -> files.add("c.yaml", """
                process: payment
                scenarios:
                  - name: odd event
                    then: [{signal: x}]
                    expect: {}
                """.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("c.yaml: scenario 'odd event': event 1 is none of 'message: <name>'");
    }

    private static List<String> run(String yaml) {
        ScenarioFiles files = new ScenarioFiles(new java.util.LinkedHashMap<>(), new java.util.LinkedHashMap<>());
        files.add("wrong.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return RepoRehearsal.ENGINE.failures(files.processes().get("payment"), List.of(RepoRehearsal.repoModels().get("payment")),
                RepoRehearsal.repoModels()::get);
    }
}
