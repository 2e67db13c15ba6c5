package org.retailhub.legacy.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord.Article;
import org.retailhub.domain.consistency.CanonicalRecord.Price;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.springframework.jdbc.core.JdbcTemplate;

/** How the till's conventions map to the hub's: surname first, texts cut to the display. */
class PosIslandTest {

    @Test
    void memberNamesKeepTheSurnameFirst() {
        assertThat(PosIsland.canonicalName("Schmidt, Anna")).isEqualTo("Anna Schmidt");
        assertThat(PosIsland.memberName("Anna Maria Schmidt")).isEqualTo("Schmidt, Anna Maria");
        assertThat(PosIsland.canonicalName(PosIsland.memberName("Anna Schmidt"))).isEqualTo("Anna Schmidt");
        assertThat(PosIsland.canonicalName("Walk-in")).isEqualTo("Walk-in");
    }

    @Test
    void theTillHoldsArticleTextsUpperCaseAndCutToItsDisplay() {
        PosIsland pos = new PosIsland(mock(JdbcTemplate.class), mock(KeyCrossReference.class));
        assertThat(pos.asStored(new Article("SKU-0001", "Building blocks deluxe edition 2026", "TOYS")))
                .isEqualTo(new Article("SKU-0001", "BUILDING BLOCKS DELUXE E", "TOYS"));
        Price price = new Price("SKU-0001", new java.math.BigDecimal("4.99"));
        assertThat(pos.asStored(price)).isEqualTo(price);
    }
}
