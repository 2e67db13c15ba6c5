package org.retailhub.legacy.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.domain.replenishment.ErpPurchasing.ErpAnswer;
import org.retailhub.domain.replenishment.GoodsReceipt;
import org.retailhub.domain.replenishment.InvalidGoodsReceiptException;
import org.retailhub.domain.replenishment.PurchaseOrder;
import org.retailhub.domain.replenishment.PurchaseOrderStatus;
import org.retailhub.domain.shared.Money;

/** Purchase orders in the ERP's format, its status answers, and its purchasing changes as the hub reads them. */
class ErpPurchaseOrderIdocTest {

    private final KeyCrossReference keys = mock(KeyCrossReference.class);
    private final PurchaseOrder order = new PurchaseOrder("PO-STORE-001-20261130-1-105", "STORE-001", "0000000105",
            PurchaseOrderStatus.PLACED, null, null, LocalDate.of(2026, 12, 1),
            List.of(new PurchaseOrder.Line(10, "SKU-0013", 60, 0, 0, Money.of("60.01", "EUR")),
                    new PurchaseOrder.Line(20, "SKU-0021", 41, 0, 0, Money.of("11.10", "EUR"))));

    ErpPurchaseOrderIdocTest() {
        when(keys.nativeKey(Subject.STORE, "STORE-001", Island.ERP)).thenReturn(Optional.of("1001"));
        when(keys.nativeKey(Subject.ARTICLE, "SKU-0013", Island.ERP)).thenReturn(Optional.of("000000000000100013"));
        when(keys.nativeKey(Subject.ARTICLE, "SKU-0021", Island.ERP)).thenReturn(Optional.of("000000000000100021"));
    }

    @Test
    void anOrderBecomesAnOrders05IdocWithVendorPlantMaterialsQuantitiesAndDeliveryDate() throws Exception {
        JsonNode idoc = new XmlMapper().readTree(new ErpPurchaseOrderIdoc(keys).orders(order)).path("IDOC");

        assertThat(idoc.at("/EDI_DC40/MESTYP").asText()).isEqualTo("ORDERS");
        assertThat(idoc.at("/EDI_DC40/SNDPRN").asText()).isEqualTo("RETAILHUB");
        assertThat(idoc.at("/E1EDK01/BELNR").asText()).isEqualTo("PO-STORE-001-20261130-1-105");
        assertThat(idoc.path("E1EDKA1").findValuesAsText("PARTN")).containsExactly("0000000105", "1001");
        JsonNode items = idoc.path("E1EDP01");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("POSEX").asText()).isEqualTo("000010");
        assertThat(items.get(0).path("MENGE").asText()).isEqualTo("60");
        assertThat(items.get(0).at("/E1EDP19/IDTNR").asText()).isEqualTo("000000000000100013");
        assertThat(items.get(1).at("/E1EDP20/EDATU").asText()).isEqualTo("20261201");
    }

    @Test
    void aCancellationNamesTheErpsOrderWithTheDeleteAction() throws Exception {
        PurchaseOrder accepted = new PurchaseOrder(order.poId(), order.storeId(), order.supplier(), PurchaseOrderStatus.ACCEPTED,
                "4500000007", null, order.dueDate(), order.lines());

        JsonNode idoc = new XmlMapper().readTree(new ErpPurchaseOrderIdoc(keys).cancellation(accepted)).path("IDOC");

        assertThat(idoc.at("/EDI_DC40/MESTYP").asText()).isEqualTo("ORDCHG");
        assertThat(idoc.at("/E1EDK01/ACTION").asText()).isEqualTo("003");
        assertThat(idoc.at("/E1EDK02/BELNR").asText()).isEqualTo("4500000007");
        assertThatThrownBy(() -> new ErpPurchaseOrderIdoc(keys).cancellation(order)).hasMessageContaining("no ERP number");
    }

    @Test
    void theErpsStatusIsAnAcceptanceWithItsNumberOrARefusalWithItsReason() {
        assertThat(ErpPurchaseOrderIdoc.answer(aleaud("53", "purchase order 4500000007 created", "4500000007")))
                .isEqualTo(new ErpAnswer(true, "4500000007", "purchase order 4500000007 created"));
        assertThat(ErpPurchaseOrderIdoc.answer(aleaud("51", "vendor 0000000105 is blocked for purchasing", "")))
                .isEqualTo(new ErpAnswer(false, null, "vendor 0000000105 is blocked for purchasing"));
        assertThatThrownBy(() -> ErpPurchaseOrderIdoc.answer(aleaud("64", "ready", ""))).hasMessageContaining("neither 53");
        assertThatThrownBy(() -> ErpPurchaseOrderIdoc.answer("<ALEAUD01>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not well-formed");
    }

    private static byte[] aleaud(String status, String text, String number) {
        return ("<ALEAUD01><E1ADHDR><E1STATE><STATUS>" + status + "</STATUS><STATXT>" + text + "</STATXT><STAPA1>" + number
                + "</STAPA1></E1STATE></E1ADHDR></ALEAUD01>").getBytes(StandardCharsets.UTF_8);
    }

    private static IslandChange change(String table, Map<String, Object> row) {
        return new IslandChange(Island.ERP, table, 'c', row, 1, Instant.now(), row.toString());
    }

    @Test
    void aGoodsReceiptRowIsReadAndAMalformedOneRefusedWithTheReason() {
        Map<String, Object> row = new HashMap<>(Map.of("belnr", "5000000001", "buzei", 1, "ebeln", "4500000007", "ebelp", 10,
                "bwart", "101", "menge", "24.000"));
        assertThat(ErpPurchasingChange.receipt(change("ekbe", row))).contains(new GoodsReceipt("5000000001", 1, "4500000007", 10, 24));

        row.put("menge", "2.500");
        assertThatThrownBy(() -> ErpPurchasingChange.receipt(change("ekbe", row))).isInstanceOf(InvalidGoodsReceiptException.class)
                .hasMessageContaining("5000000001/1 for 4500000007/10 has quantity 2.500, not a positive whole number");
        row.put("menge", "0");
        assertThatThrownBy(() -> ErpPurchasingChange.receipt(change("ekbe", row))).isInstanceOf(InvalidGoodsReceiptException.class);
        row.put("bwart", "122");
        assertThat(ErpPurchasingChange.receipt(change("ekbe", row))).as("not a goods receipt: a return to vendor").isEmpty();
    }

    @Test
    void anItemTheErpDeletedIsACancellationAndOtherItemChangesAreNoNews() {
        assertThat(ErpPurchasingChange.cancellation(change("ekpo", Map.of("ebeln", "4500000007", "ebelp", 20, "loekz", "L"))))
                .contains(new ErpPurchasingChange.Cancellation("4500000007", 20));
        assertThat(ErpPurchasingChange.cancellation(change("ekpo", Map.of("ebeln", "4500000007", "ebelp", 20, "elikz", "X")))).isEmpty();
        assertThat(ErpPurchasingChange.concerns(change("ekbe", Map.of()))).isTrue();
        assertThat(ErpPurchasingChange.concerns(change("mard", Map.of()))).isFalse();
    }

    @Test
    void orderDaysAreReadFromTheErpsWeekdayCodes() {
        assertThat(ErpPurchasingTerms.orderDays("MO,TH")).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThatThrownBy(() -> ErpPurchasingTerms.orderDays("MO,XX")).hasMessageContaining("name no weekday 'XX'");
    }
}
