package org.retailhub.legacy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.migration.Reject;

/** An ERP material to the canonical article, by the hub's key cross-reference or its numbering rule, and its refusals. */
class ArticleTransformationTest {

    private final ArticleTransformation transformation = new ArticleTransformation(Map.of("000000000000100007", "SKU-0777"));

    private static LegacyArticle material(String matnr, String group, String deletion, BigDecimal amount, Integer unit) {
        return new LegacyArticle(Long.parseLong(matnr), matnr, " Table lamp ", group, "ST", deletion, amount, unit, "EUR");
    }

    @Test
    void aMaterialBecomesAnArticleUnderItsKnownSkuOrTheNumberingRuleWithItsPricePerPiece() {
        assertThat(((RowOutcome.Migrated) transformation.apply(material("000000000000100007", "HOME01", null, new BigDecimal("99.90"), 10))).values())
                .containsExactly("SKU-0777", "000000000000100007", "Table lamp", "HOME", "ST", new BigDecimal("9.99"), "EUR");
        assertThat(((RowOutcome.Migrated) transformation.apply(material("000000000000100051", "TOYS01", null, new BigDecimal("5.00"), 1))).values()[0])
                .isEqualTo("SKU-0051");
    }

    @Test
    void materialsTheHubCannotSellAreRefusedWithTheirReason() {
        assertThat(reason(material("000000000000100008", "HOME01", "X", BigDecimal.ONE, 1))).contains("deletion");
        assertThat(reason(material("000000000000100008", "HOME01", null, null, null))).contains("no valid sales price");
        assertThat(reason(material("000000000000100008", "HOME01", null, BigDecimal.ONE, 0))).contains("no valid sales price");
        assertThat(reason(material("000000000000100008", "GARDEN01", null, BigDecimal.ONE, 1))).contains("no hub category");
        assertThat(reason(material("000000000000000042", "HOME01", null, BigDecimal.ONE, 1))).contains("outside the numbering");
    }

    private String reason(LegacyArticle a) {
        RowOutcome.Quarantined refused = (RowOutcome.Quarantined) transformation.apply(a);
        assertThat(refused.reject().rule()).isEqualTo(Reject.BUSINESS_RULE);
        return refused.reject().reason();
    }
}
