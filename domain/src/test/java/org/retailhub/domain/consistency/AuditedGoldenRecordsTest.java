package org.retailhub.domain.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.CanonicalRecord.Price;

class AuditedGoldenRecordsTest {

    @Test
    void namesTheChangedFieldsWithTheirValuesForMasterData() {
        assertThat(AuditedGoldenRecords.changedFields(new Price("SKU-1", new BigDecimal("9.99")), new Price("SKU-1", new BigDecimal("12.34"))))
                .isEqualTo("listPrice: 9.99 -> 12.34");
        assertThat(AuditedGoldenRecords.changedFields(null, new Article("SKU-2", "Tea", "FOOD")))
                .isEqualTo("sku: null -> SKU-2, name: null -> Tea, category: null -> FOOD");
    }

    @Test
    void namesOnlyTheFieldsOfACustomerNeverTheValues() {
        String detail = AuditedGoldenRecords.changedFields(new Customer("CU1", "Ada Lovelace", "ada@example.org", 10),
                new Customer("CU1", "Ada King", "ada.king@example.org", 10));
        assertThat(detail).isEqualTo("fields name, email").doesNotContain("Ada", "example.org");
    }
}
