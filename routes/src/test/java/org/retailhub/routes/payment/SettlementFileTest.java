package org.retailhub.routes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.retailhub.domain.payment.SettlementLine;
import org.retailhub.domain.payment.SettlementMismatch;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;

/**
 * Generated broken settlement lines with a well-formed line behind them in the same file: the file is either refused
 * whole with a reason (its CSV structure or header broke) or read, with every line it could not read reported as
 * UNREADABLE with the reason, and the well-formed line after it read.
 */
class SettlementFileTest {

    static final String HEADER = "payment_id,reference,type,amount,currency\n";
    static final String LINE = "psp_0001,6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e001,CAPTURE,25.90,EUR\n";
    static final String GOOD = "psp_0002,6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e002,CAPTURE,10.00,EUR\n";

    @Property(tries = 3000)
    void aBrokenLineIsReportedAndTheNextLineIsRead(@ForAll("brokenLines") Broken broken) {
        Statistics.collect(broken.kind());
        String file = HEADER + broken.text().stripTrailing() + "\n" + GOOD;
        SettlementFile.Reading[] reading = new SettlementFile.Reading[1];
        Throwable failure = catchThrowable(() -> reading[0] = SettlementFile.read(BrokenInputs.utf8(file)));
        if (failure != null) {
            assertThat(failure).isInstanceOf(RefusedInputException.class);
            assertThat(failure.getMessage()).isNotBlank();
            return;
        }
        assertThat(reading[0].lines()).extracting(SettlementLine::reference).contains("6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e002");
        assertThat(reading[0].unreadable()).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(SettlementMismatch.Kind.UNREADABLE);
            assertThat(m.reference()).matches("line \\d+");
            assertThat(m.detail()).isNotBlank().doesNotContain("\u0000").hasSizeLessThanOrEqualTo(1000);
        });
        assertThat(reading[0].lines()).allSatisfy(l -> assertThat(l.amount().abs()).isLessThan(new BigDecimal("1E10")));
    }

    @Example
    void aByteOrderMarkAndWindowsLineEndsChangeNothing() {
        SettlementFile.Reading plain = SettlementFile.read(BrokenInputs.utf8(HEADER + LINE + GOOD));
        assertThat(SettlementFile.read(BrokenInputs.utf8("\uFEFF" + (HEADER + LINE + GOOD).replace("\n", "\r\n")))).isEqualTo(plain);
        assertThat(plain.lines()).hasSize(2);
        assertThat(plain.unreadable()).isEmpty();
    }

    @Example
    void anotherHeaderRefusesTheFile() {
        assertThat(catchThrowable(() -> SettlementFile.read(BrokenInputs.utf8("id,ref,amount\n" + LINE))))
                .isInstanceOf(RefusedInputException.class).hasMessageContaining("header");
    }

    @Provide
    Arbitrary<Broken> brokenLines() {
        return BrokenInputs.delimited(LINE, ",", 0);
    }
}
