package org.retailhub.legacy.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.retailhub.domain.shared.RefusedInputException;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;

/**
 * Generated broken IDocs of each message type: reading one (before any key is looked up) either yields statements the
 * hub can store (a text of at most 120 characters, a price per piece from 0 below 10 billion, a stock from 0) or
 * refuses it with a reason; the well-formed document read next is read whole.
 */
class ErpIdocPropertiesTest {

    static final String PRICES = """
            <IDOC><EDI_DC40><DOCNUM>0000000000004711</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40>
              <E1KOMG><MATNR>000000000000100005</MATNR><E1KONP><KBETR>129.90</KBETR><KPEIN>10</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
              <E1KOMG><MATNR>000000000000100006</MATNR><E1KONP><KBETR>4.99</KBETR><KPEIN>1</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
            </IDOC>""";
    static final String MATERIALS = """
            <IDOC><EDI_DC40><DOCNUM>0000000000004712</DOCNUM><MESTYP>MATMAS</MESTYP></EDI_DC40>
              <E1MARAM><MATNR>000000000000100001</MATNR><MATKL>TOYS01</MATKL><E1MAKTM><SPRAS>E</SPRAS><MAKTX>Blocks</MAKTX></E1MAKTM></E1MARAM>
            </IDOC>""";
    static final String STOCK = """
            <IDOC><EDI_DC40><DOCNUM>0000000000004713</DOCNUM><MESTYP>LOISTD</MESTYP></EDI_DC40>
              <E1MARDM><WERKS>1002</WERKS><MATNR>000000000000100011</MATNR><LABST>17.000</LABST></E1MARDM>
            </IDOC>""";

    @Property(tries = 3000)
    void aBrokenIdocIsReadWithinLimitsOrRefused(@ForAll("brokenIdocs") Broken broken) {
        Statistics.collect(broken.kind());
        ErpIdoc.Document[] read = new ErpIdoc.Document[1];
        Throwable failure = catchThrowable(() -> read[0] = ErpIdoc.parse(broken.bytes()));
        if (failure != null) {
            assertThat(failure).isInstanceOf(RefusedInputException.class);
            assertThat(failure.getMessage()).isNotBlank();
        } else {
            assertThat(read[0].statements()).allSatisfy(ErpIdocPropertiesTest::storable);
        }
        assertThat(ErpIdoc.parse(BrokenInputs.utf8(PRICES)).statements())
                .containsExactly(new ErpIdoc.PricePerPiece("000000000000100005", new BigDecimal("12.99")),
                        new ErpIdoc.PricePerPiece("000000000000100006", new BigDecimal("4.99")));
    }

    private static void storable(ErpIdoc.Statement statement) {
        assertThat(statement.matnr()).isNotBlank();
        if (statement instanceof ErpIdoc.MaterialText m) {
            assertThat(m.text()).isNotBlank().hasSizeLessThanOrEqualTo(120);
        } else if (statement instanceof ErpIdoc.PricePerPiece p) {
            assertThat(p.perPiece()).isNotNegative().isLessThan(new BigDecimal("1E10"));
        } else if (statement instanceof ErpIdoc.PlantStock s) {
            assertThat(s.quantity()).isNotNegative();
        }
    }

    @Provide
    Arbitrary<Broken> brokenIdocs() {
        return Arbitraries.oneOf(BrokenInputs.xml(PRICES), BrokenInputs.xml(MATERIALS), BrokenInputs.xml(STOCK));
    }
}
