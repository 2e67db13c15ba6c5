package org.retailhub.routes.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.consistency.StockSale;
import org.retailhub.legacy.pos.PosIsland;
import org.retailhub.routes.Inbox;
import org.retailhub.routes.consistency.DeadLetterTable.Letter;
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
 * The island file routes with their route configuration, reading real files from an inbox folder, with change
 * propagation, the key cross-reference and the dead-letter table as test doubles: a line or document that cannot be
 * read, mapped or stored becomes a dead letter with the file, the line number, the reason and the original text, and
 * the file goes on; a database down leaves the file in the inbox for the next poll, which applies it.
 */
@CamelSpringBootTest
@SpringBootTest(classes = IslandFileRoutesTest.Wiring.class, properties = {"hub.consistency.file-settle-time=10ms",
        "hub.consistency.file-retry.redeliveries=2", "hub.consistency.file-retry.delay=1ms", "hub.consistency.file-retry.max-delay=5ms"})
class IslandFileRoutesTest {

    private static final Inbox INBOX = Inbox.temporary("pos", "erp");
    /** store 11 till 3 receipt 777 line 1, PLU 4007, 2 pieces, 9.98, 25 Nov 2026 */
    private static final String SALE = "011030000077700100400700020000009982026112" + "5";
    private static final String NEXT_SALE = "012010000900100100401100030000015002026112" + "5";
    private static final String UNKNOWN_PLU = "011010000900200100999900010000001002026112" + "5";
    private static final String RESERVED = "012010000900300100401100050000025002026112" + "5";

    @DynamicPropertySource
    static void islandInbox(DynamicPropertyRegistry registry) {
        registry.add("hub.consistency.inbox", INBOX::path);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({CamelAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties(ConsistencyProperties.class)
    @Import({IslandFileRoutes.class, IslandFileDeadLetters.class, ConsistencyDoubles.class})
    static class Wiring {
        @Bean
        KeyTable keys() {
            KeyTable keys = new KeyTable();
            keys.link(Subject.STORE, "STORE-001", Island.POS, "11");
            keys.link(Subject.STORE, "STORE-002", Island.POS, "12");
            keys.link(Subject.ARTICLE, "SKU-0007", Island.POS, "4007");
            keys.link(Subject.ARTICLE, "SKU-0011", Island.POS, "4011");
            keys.link(Subject.ARTICLE, "SKU-0009", Island.ERP, "000000000000100009");
            return keys;
        }

        @Bean
        PosIsland pos(KeyTable keys) {
            return new PosIsland(null, keys);
        }
    }

    @Autowired
    IslandLedger ledger;
    @Autowired
    DeadLetterTable deadLetters;

    @BeforeEach
    void clear() {
        ledger.clear();
        deadLetters.clear();
    }

    @Test
    void anEndOfDayFileGoesOnPastItsPoisonLinesWhichAreDeadLetteredWithTheirLineNumbers() {
        // the stock check refuses this sale (the hub's database): a refusal, set aside once, not retried forever
        ledger.refuseSale("POS-12-1-9003-1", new DataIntegrityViolationException("PreparedStatementCallback",
                new SQLException("ERROR: new row for relation \"stock\" violates check constraint \"stock_reserved_within_on_hand\"\n"
                        + "  Detail: Failing row contains (STORE-002, SKU-0011, 3, 5).", "23514")));

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(("\uFEFF" + SALE + "\r\n" + "this is no sale line\r\n" + "\r\n" + UNKNOWN_PLU + "\r\n" + RESERVED + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        // a line with a byte that is not UTF-8: that line is unreadable, the file is not
        file.writeBytes(new byte[] {'0', '1', '2', (byte) 0xC3, 0x28, '\r', '\n'});
        file.writeBytes((NEXT_SALE + "\r\n").getBytes(StandardCharsets.UTF_8));
        INBOX.drop("pos/eod-20261125.txt", file.toByteArray());

        INBOX.awaitMoved("pos/eod-20261125.txt", ".done");
        assertThat(ledger.sales()).containsExactly(new StockSale("POS-11-3-777-1", "STORE-001", "SKU-0007", 2),
                new StockSale("POS-12-1-9001-1", "STORE-002", "SKU-0011", 3));
        assertThat(deadLetters.letters()).extracting(Letter::island, Letter::source, Letter::position).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Island.POS, "eod-20261125.txt", 2L),
                org.assertj.core.groups.Tuple.tuple(Island.POS, "eod-20261125.txt", 4L),
                org.assertj.core.groups.Tuple.tuple(Island.POS, "eod-20261125.txt", 5L),
                org.assertj.core.groups.Tuple.tuple(Island.POS, "eod-20261125.txt", 6L));
        assertThat(deadLetters.letters()).extracting(Letter::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("43 digits"),
                reason -> assertThat(reason).contains("'9999' has no cross-reference"),
                reason -> assertThat(reason).contains("stock_reserved_within_on_hand").doesNotContain("Failing row"),
                reason -> assertThat(reason).contains("43 digits"));
        assertThat(deadLetters.letters()).extracting(Letter::payload)
                .containsExactly("this is no sale line\r", UNKNOWN_PLU + "\r", RESERVED + "\r", "012\uFFFD(\r");
        assertThat(ledger.saleAttempts()).as("two sales, and the refused one tried once").isEqualTo(3);
    }

    @Test
    void aDatabaseDownLeavesTheFileInTheInboxAndTheNextPollAppliesIt() {
        // the first attempt and two redeliveries fail: the file is not done and is read again
        ledger.failNextSales(3, new DataAccessResourceFailureException("hub database down"));

        INBOX.drop("pos/eod-20261126.txt", NEXT_SALE + "\n");

        INBOX.awaitMoved("pos/eod-20261126.txt", ".done");
        assertThat(ledger.saleAttempts()).isGreaterThanOrEqualTo(4);
        assertThat(ledger.sales()).containsExactly(new StockSale("POS-12-1-9001-1", "STORE-002", "SKU-0011", 3));
        assertThat(deadLetters.letters()).isEmpty();
    }

    @Test
    void anIdocTheHubCannotReadIsDeadLetteredWholeAndTheNextIsApplied() {
        String broken = "<IDOC><EDI_DC40><DOCNUM>0000000000004710</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40><E1KOMG><MATNR>";
        INBOX.drop("erp/idoc-4710.xml", broken);
        INBOX.awaitMoved("erp/idoc-4710.xml", ".done");
        INBOX.drop("erp/idoc-4711.xml", """
                <IDOC><EDI_DC40><DOCNUM>0000000000004711</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40>
                  <E1KOMG><MATNR>000000000000100009</MATNR><E1KONP><KBETR>45.60</KBETR><KPEIN>1</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
                </IDOC>""");
        INBOX.awaitMoved("erp/idoc-4711.xml", ".done");

        assertThat(deadLetters.letters()).singleElement().satisfies(letter -> {
            assertThat(letter.island()).isEqualTo(Island.ERP);
            assertThat(letter.source()).isEqualTo("idoc-4710.xml");
            assertThat(letter.reason()).contains("not well-formed XML");
            assertThat(letter.payload()).isEqualTo(broken);
        });
        assertThat(ledger.statements()).containsExactly(new CanonicalRecord.Price("SKU-0009", new BigDecimal("45.60")));
    }
}
