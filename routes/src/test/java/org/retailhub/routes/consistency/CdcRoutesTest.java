package org.retailhub.routes.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.ConflictingChangeException;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.routes.consistency.DeadLetterTable.Letter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The CDC routes with their route configuration, fed through the gate the capture engines use, with change
 * propagation and the dead-letter table as test doubles: a change that cannot be applied becomes a dead letter with
 * the reason and its payload and the stream goes on; a batch with such a change is applied change by change, so only
 * that one is set aside; when not even the dead letter can be written, the engine sees the failure and captures the
 * change again.
 */
@CamelSpringBootTest
@SpringBootTest(classes = CdcRoutesTest.Wiring.class)
class CdcRoutesTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    @Import({CdcRoutes.class, CdcDeadLetters.class, CapturedChangeGate.class, ConsistencyDoubles.class})
    static class Wiring {
        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    CapturedChangeGate engines;
    @Autowired
    IslandLedger ledger;
    @Autowired
    DeadLetterTable deadLetters;
    @Autowired
    SimpleMeterRegistry meters;

    @BeforeEach
    void clear() {
        ledger.clear();
        deadLetters.clear();
    }

    @Test
    void aChangeTheHubCannotReadIsDeadLetteredWithItsPayloadAndTheNextIsApplied() {
        IslandChange unreadable = change(Island.ERP, "mara", '?', 101, "{\"op\":\"truncate\"}");
        IslandChange next = change(Island.ERP, "a004", 'u', 102, "{\"op\":\"u\"}");
        double letters = count("hub.cdc.dead.letters", "ERP");

        engines.accept(unreadable);
        engines.accept(next);

        assertThat(deadLetters.letters()).containsExactly(new Letter(Island.ERP, "mara", 101,
                "UndecodableChangeException: not a change event the hub can read", "{\"op\":\"truncate\"}"));
        assertThat(ledger.applied()).containsExactly(next);
        assertThat(count("hub.cdc.dead.letters", "ERP") - letters).isEqualTo(1);
    }

    @Test
    void aBatchWithAConflictIsAppliedChangeByChangeAndOnlyTheConflictIsSetAside() {
        ledger.refuseTable("plu_item", new ConflictingChangeException("POS changed PRICE SKU-0005 which ERP owns"));
        IslandChange first = change(Island.POS, "loyalty_member", 'u', 201, "{}");
        IslandChange conflict = change(Island.POS, "plu_item", 'u', 202, "{\"price_cents\":1}");
        IslandChange last = change(Island.POS, "till_sale", 'c', 203, "{}");

        engines.acceptAll(List.of(first, conflict, last));

        assertThat(ledger.applied()).containsExactly(first, last);
        assertThat(deadLetters.letters()).extracting(Letter::source, Letter::position, Letter::reason, Letter::payload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("plu_item", 202L,
                        "ConflictingChangeException: POS changed PRICE SKU-0005 which ERP owns", "{\"price_cents\":1}"));
    }

    @Test
    void whenNotEvenTheDeadLetterCanBeWrittenTheCaptureEngineSeesTheFailure() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("hub database down");
        ledger.refuseTable("a004", down);
        deadLetters.failNext(down);

        Throwable failed = catchThrowable(() -> engines.accept(change(Island.ERP, "a004", 'u', 301, "{}")));

        assertThat(failed).as("the engine does not commit the offset: the change is captured again")
                .hasRootCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(deadLetters.letters()).isEmpty();
    }

    @Test
    void aChangeThatFailedBecauseTheDatabaseWentAwayIsCapturedAgainNotDeadLettered() {
        // as seen in HubCrashIT: PostgreSQL stopped under a change, the rollback failed on a closed connection
        // (SQL state 08003); the dead-letter table answered again a moment later
        ledger.refuseTable("a004", new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("This connection has been closed.", "08003")));

        Throwable failed = catchThrowable(() -> engines.accept(change(Island.ERP, "a004", 'u', 401, "{}")));

        assertThat(failed).as("the engine does not commit the offset: the change is captured again")
                .hasRootCauseInstanceOf(java.sql.SQLException.class);
        assertThat(deadLetters.letters()).isEmpty();
    }

    private double count(String meter, String island) {
        var counter = meters.find(meter).tag("island", island).counter();
        return counter == null ? 0 : counter.count();
    }

    private static IslandChange change(Island island, String table, char operation, long position, String payload) {
        return new IslandChange(island, table, operation, Map.of(), position, Instant.now(), payload);
    }
}
