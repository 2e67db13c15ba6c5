package org.retailhub.legacy.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.UndecodableChangeException;

/** The documented rule by which a material the hub has not seen gets its SKU. */
class ErpNewMaterialTest {

    @Test
    void aNewMaterialsSkuFollowsTheRetailersNumbering() {
        assertThat(ErpIsland.newSku("000000000000100051")).isEqualTo("SKU-0051");
        assertThat(ErpIsland.newSku("000000000000112345")).isEqualTo("SKU-12345");
    }

    @Test
    void aMaterialOutsideThatNumberingGetsNoSku() {
        assertThatThrownBy(() -> ErpIsland.newSku("000000000000099999")).isInstanceOf(UndecodableChangeException.class)
                .hasMessageContaining("000000000000099999");
        assertThatThrownBy(() -> ErpIsland.newSku("MAT-ABC")).isInstanceOf(UndecodableChangeException.class);
    }
}
