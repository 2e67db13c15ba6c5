package org.retailhub.legacy.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
import org.retailhub.domain.consistency.CanonicalRecord.Stock;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.consistency.UndecodableChangeException;

/** The ERP's IDoc-like documents in the hub's language, keys through the cross-reference. */
class ErpIdocTest {

    private final KeyCrossReference keys = mock(KeyCrossReference.class);
    private final ErpIdoc idocs = new ErpIdoc(keys);

    ErpIdocTest() {
        when(keys.require(eq(Subject.ARTICLE), eq(Island.ERP), any())).thenAnswer(a -> {
            String matnr = a.getArgument(2);
            if (!matnr.startsWith("0000000000001000")) {
                throw new UndecodableChangeException("ERP article '" + matnr + "' has no cross-reference to the hub");
            }
            return "SKU-00" + matnr.substring(16);
        });
        when(keys.require(Subject.STORE, Island.ERP, "1002")).thenReturn("STORE-002");
    }

    private static byte[] xml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pricesPerPriceUnitBecomePricesPerPiece() {
        assertThat(idocs.read(xml("""
                <IDOC><EDI_DC40><DOCNUM>0000000000004711</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40>
                  <E1KOMG><MATNR>000000000000100005</MATNR><E1KONP><KBETR>129.90</KBETR><KPEIN>10</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
                  <E1KOMG><MATNR>000000000000100006</MATNR><E1KONP><KBETR>4.99</KBETR><KPEIN>1</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
                </IDOC>""")))
                .containsExactly(new Price("SKU-0005", new BigDecimal("12.99")), new Price("SKU-0006", new BigDecimal("4.99")));
        assertThat(ErpIdoc.documentNumber(xml("<IDOC><EDI_DC40><DOCNUM>0000000000004711</DOCNUM></EDI_DC40></IDOC>"))).isEqualTo("0000000000004711");
    }

    @Test
    void articleMasterAndStockUseTheHubsCodes() {
        assertThat(idocs.read(xml("""
                <IDOC><EDI_DC40><MESTYP>MATMAS</MESTYP></EDI_DC40>
                  <E1MARAM><MATNR>000000000000100001</MATNR><MATKL>TOYS01</MATKL><E1MAKTM><SPRAS>E</SPRAS><MAKTX>Blocks</MAKTX></E1MAKTM></E1MARAM>
                </IDOC>"""))).containsExactly(new Article("SKU-0001", "Blocks", "TOYS"));
        assertThat(idocs.read(xml("""
                <IDOC><EDI_DC40><MESTYP>LOISTD</MESTYP></EDI_DC40>
                  <E1MARDM><MATNR>000000000000100002</MATNR><WERKS>1002</WERKS><LABST>17.000</LABST></E1MARDM>
                </IDOC>"""))).containsExactly(new Stock("STORE-002", "SKU-0002", 17));
    }

    @Test
    void whatTheHubCannotMapIsNamed() {
        assertThatThrownBy(() -> idocs.read(xml("<IDOC><EDI_DC40><MESTYP>ORDERS</MESTYP></EDI_DC40></IDOC>")))
                .isInstanceOf(UndecodableChangeException.class).hasMessageContaining("ORDERS");
        assertThatThrownBy(() -> idocs.read(xml("<IDOC><EDI_DC40><MESTYP>MATMAS</MESTYP></EDI_DC40>"
                + "<E1MARAM><MATNR>000000000000999999</MATNR><MATKL>TOYS01</MATKL><E1MAKTM><MAKTX>X</MAKTX></E1MAKTM></E1MARAM></IDOC>")))
                .isInstanceOf(UndecodableChangeException.class).hasMessageContaining("999999");
        assertThatThrownBy(() -> idocs.read(xml("<IDOC><broken"))).isInstanceOf(UndecodableChangeException.class);
    }
}
