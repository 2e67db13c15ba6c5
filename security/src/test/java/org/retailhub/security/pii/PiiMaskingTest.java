package org.retailhub.security.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskingTest {

    @Test
    void masksContactsCardsAndNamedFields() {
        assertThat(PiiMasking.mask("mail jane.doe@example.com now")).isEqualTo("mail ***@*** now");
        assertThat(PiiMasking.mask("card 4111 1111 1111 1111 declined")).isEqualTo("card ****1111 declined");
        assertThat(PiiMasking.mask("gift card 6036000000000001")).isEqualTo("gift card ****0001");
        assertThat(PiiMasking.mask("call +49 170 1234567.")).isEqualTo("call +***.");
        assertThat(PiiMasking.mask("{\"name\":\"Jane Doe\",\"street\":\"Hauptstrasse 1\",\"loyaltyTier\":\"GOLD\"}"))
                .isEqualTo("{\"name\":\"***\",\"street\":\"***\",\"loyaltyTier\":\"GOLD\"}");
        assertThat(PiiMasking.mask("lastName=Doe, firstName=Jane")).isEqualTo("lastName=***, firstName=***");
    }

    @Test
    void aLongRunOfLettersIsReadOnceNotOncePerLetter() {
        // a broken order message quoted in a log line: the masking of every line must not stall the thread that logs
        String run = "x".repeat(200_000);
        assertThat(PiiMasking.mask("value (\"" + run + "\") then jane.doe@example.com")).isEqualTo("value (\"" + run + "\") then ***@***");
    }

    @Test
    void leavesIdsDatesAmountsAndCodesAlone() {
        String ordinary = "order 3f1c2a9e-1d2b-4c3d-8e9f-0a1b2c3d4e5f at 2026-11-25T10:15:00Z: 3 x SKU-0002 in STORE-001 for 129.90 EUR, "
                + "receipt STORE-001-TILL-03-000123, job retries 3, id 12345678-1234-1234-1234-123456789012";
        assertThat(PiiMasking.mask(ordinary)).isEqualTo(ordinary);
        assertThat(PiiMasking.mask(null)).isNull();
    }

    @Test
    void aStackTraceKeepsItsFramesAndHasItsMessagesMasked() {
        String trace = "org.retailhub.domain.payment.PaymentProviderUnavailable: psp refused jane.doe@example.com\n"
                + "\tat org.retailhub.connectors.party.PartyClient.send(PartyClient.java:183)\n"
                + "\tat org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd.execute(ExecuteJobsCmd.java:110) ~[camunda.jar:7.24]\n"
                + "Caused by: java.io.IOException: card 4111 1111 1111 1111 for lastName=Doe\n"
                + "  second line of the cause for +49 170 1234567\n"
                + "\t... 42 common frames omitted\n"
                + "\t... 7 more\n";
        assertThat(PiiMasking.maskStackTrace(trace)).isEqualTo(
                "org.retailhub.domain.payment.PaymentProviderUnavailable: psp refused ***@***\n"
                + "\tat org.retailhub.connectors.party.PartyClient.send(PartyClient.java:183)\n"
                + "\tat org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd.execute(ExecuteJobsCmd.java:110) ~[camunda.jar:7.24]\n"
                + "Caused by: java.io.IOException: card ****1111 for lastName=***\n"
                + "  second line of the cause for +***\n"
                + "\t... 42 common frames omitted\n"
                + "\t... 7 more\n");
    }

    @Test
    void aMessageLineThatLooksLikeAFrameButIsNotIndentedIsMasked() {
        assertThat(PiiMasking.maskStackTrace("at jane.doe@example.com we failed")).isEqualTo("at ***@*** we failed");
        assertThat(PiiMasking.maskStackTrace("x\n  ...  mail jane.doe@example.com")).isEqualTo("x\n  ...  mail ***@***");
    }
}
