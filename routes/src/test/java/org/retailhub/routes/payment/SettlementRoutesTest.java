package org.retailhub.routes.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.payment.SettlementLine;
import org.retailhub.domain.payment.SettlementMismatch;
import org.retailhub.routes.Inbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The settlement route with its route configuration, reading real files from an inbox folder, with the
 * reconciliation as a test double: lines it cannot read are reconciled as UNREADABLE mismatches with their line
 * numbers beside the lines it read; a file it refuses, or whose reconciliation the database refuses, moves to
 * {@code .failed} with the reason, once; a database down is retried until the file is reconciled.
 */
@CamelSpringBootTest
@SpringBootTest(classes = SettlementRoutesTest.Wiring.class, properties = {"hub.payment.settlement.settle-time=10ms",
        "hub.payment.settlement.retry.redeliveries=-1", "hub.payment.settlement.retry.delay=1ms", "hub.payment.settlement.retry.max-delay=5ms"})
class SettlementRoutesTest {

    private static final Inbox INBOX = Inbox.temporary();
    private static final String HEADER = "payment_id,reference,type,amount,currency\n";
    private static final String LINE = "psp_0001,6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e001,CAPTURE,25.90,EUR\n";
    private static final String NEXT = "psp_0002,6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e002,CAPTURE,10.00,EUR\n";

    @DynamicPropertySource
    static void settlementInbox(DynamicPropertyRegistry registry) {
        registry.add("hub.payment.settlement.inbox", INBOX::path);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({CamelAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties(SettlementProperties.class)
    @Import({SettlementRoutes.class, SettlementRefusals.class})
    static class Wiring {
        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        SettlementBook reconciliation() {
            return new SettlementBook();
        }
    }

    @Autowired
    SettlementBook book;
    @Autowired
    SimpleMeterRegistry meters;

    @BeforeEach
    void clear() {
        book.clear();
    }

    @Test
    void linesTheHubCannotReadAreReconciledAsUnreadableWithTheirLineNumbers() {
        INBOX.drop("settlement-simpsp-2026-11-25.csv", "\uFEFF" + HEADER + LINE + "psp_0003,6b1c1a9e,CAPTURE,twelve,EUR\n" + NEXT);

        INBOX.awaitMoved("settlement-simpsp-2026-11-25.csv", ".done");
        assertThat(book.runs()).singleElement().satisfies(run -> {
            assertThat(run.provider()).isEqualTo("simpsp");
            assertThat(run.date()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(run.lines()).extracting(SettlementLine::providerPaymentId).containsExactly("psp_0001", "psp_0002");
            assertThat(run.unreadable()).singleElement().satisfies(m -> {
                assertThat(m.reference()).isEqualTo("line 3");
                assertThat(m.kind()).isEqualTo(SettlementMismatch.Kind.UNREADABLE);
                assertThat(m.detail()).contains("amount").contains("psp_0003,6b1c1a9e,CAPTURE,twelve,EUR");
            });
        });
        assertThat(meters.get("hub.payments.settlement.mismatch").tag("kind", "UNREADABLE").counter().count()).isEqualTo(1);
    }

    @Test
    void aFileTheHubRefusesMovesToFailedWithItsReasonAndIsNotReconciled() throws IOException {
        INBOX.drop("settlement-simpsp-2026-11-26.csv", "id,ref,amount\n" + LINE);

        Path failed = INBOX.awaitMoved("settlement-simpsp-2026-11-26.csv", ".failed");
        assertThat(Files.readString(failed.resolveSibling("settlement-simpsp-2026-11-26.csv.reason"))).contains("header");
        assertThat(book.attempts()).isZero();
    }

    @Test
    void aReconciliationTheDatabaseRefusesMovesTheFileToFailedOnceInsteadOfRetryingForever() throws IOException {
        book.failNext(1, new DataIntegrityViolationException("PreparedStatementCallback",
                new SQLException("ERROR: value too long for type character varying(32)", "22001")));

        INBOX.drop("settlement-simpsp-2026-11-27.csv", HEADER + LINE);

        Path failed = INBOX.awaitMoved("settlement-simpsp-2026-11-27.csv", ".failed");
        assertThat(Files.readString(failed.resolveSibling("settlement-simpsp-2026-11-27.csv.reason")))
                .startsWith("the hub's database refused it: value too long for type character varying(32)");
        assertThat(book.attempts()).isEqualTo(1);
        assertThat(book.runs()).isEmpty();
    }

    @Test
    void aDatabaseDownIsRetriedUntilTheFileIsReconciled() {
        book.failNext(5, new DataAccessResourceFailureException("hub database down"));

        INBOX.drop("settlement-simpsp-2026-11-28.csv", HEADER + LINE + NEXT);

        Path done = INBOX.awaitMoved("settlement-simpsp-2026-11-28.csv", ".done");
        assertThat(book.attempts()).isEqualTo(6);
        assertThat(book.runs()).singleElement().satisfies(run -> assertThat(run.lines()).hasSize(2));
        assertThat(done.getParent().resolveSibling(".failed").resolve("settlement-simpsp-2026-11-28.csv")).doesNotExist();
    }
}
