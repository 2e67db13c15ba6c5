package org.retailhub.legacy.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.camel.impl.DefaultCamelContext;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;

/**
 * Generated broken lines of the POS end-of-day log: each is read as a sale line with a positive quantity and a real
 * business day, or refused with a reason; the well-formed line after it in the same file is read.
 */
class EndOfDayLogTest {

    static final String LINE = "01103000007770010040070002000000998" + "20261125";
    static final String NEXT = "01201000090010010040110003000001500" + "20261125";
    /** The fields of the layout, as the generators break them: store, till, receipt, line, PLU, quantity, cents, day. */
    static final String FIELDS = "011|03|00000777|001|004007|0002|000000998|20261125";

    private static final EndOfDayLog LOG = new EndOfDayLog(new DefaultCamelContext());

    @Property(tries = 3000)
    void aBrokenLineIsReadOrRefusedAndTheNextLineIsRead(@ForAll("brokenLines") Broken broken) {
        Statistics.collect(broken.kind());
        for (String line : broken.text().split("\n", -1)) {
            if (EndOfDayLog.isBlank(line)) {
                continue;
            }
            Throwable failure = catchThrowable(() -> {
                EndOfDayLine read = LOG.line(line);
                assertThat(read.quantity()).isPositive();
            });
            if (failure != null) {
                assertThat(failure).isInstanceOf(RefusedInputException.class);
                assertThat(failure.getMessage()).isNotBlank();
            }
        }
        assertThat(LOG.line(NEXT).receipt()).isEqualTo(9001);
    }

    @Example
    void theLayoutIsReadFieldByField() {
        EndOfDayLine line = LOG.line("\uFEFF" + LINE + "\r");
        assertThat(line.store()).isEqualTo(11);
        assertThat(line.till()).isEqualTo(3);
        assertThat(line.receipt()).isEqualTo(777);
        assertThat(line.plu()).isEqualTo(4007);
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.amountCents()).isEqualTo(998);
        assertThat(line.businessDay()).isEqualTo("20261125");
        assertThat(catchThrowable(() -> LOG.line(LINE.replace("20261125", "20261345")))).hasMessageContaining("not a date");
        assertThat(catchThrowable(() -> LOG.line(LINE.substring(0, 40)))).hasMessageContaining("43 digits");
    }

    @Provide
    Arbitrary<Broken> brokenLines() {
        // field by field on the layout (joined again without separators), and byte by byte on the whole line
        return Arbitraries.oneOf(BrokenInputs.delimited(FIELDS, "|", 0)
                        .map(b -> new Broken(b.kind(), b.where(), BrokenInputs.utf8(b.text().replace("|", "")))),
                BrokenInputs.bytes(BrokenInputs.utf8(LINE + "\n")));
    }
}
