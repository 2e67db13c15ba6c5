package org.retailhub.legacy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.Reject;

/** A CRM contact to the canonical customer, its rules, and what masking leaves of it. */
class CustomerTransformationTest {

    private final CustomerTransformation clear = new CustomerTransformation(null);

    private static LegacyCustomer contact(String first, String last, String email, int points, String tier, boolean deleted, boolean duplicate) {
        return new LegacyCustomer(12, "C0000012", first, last, email, "+49 30 5550123", points, tier, deleted, duplicate);
    }

    @Test
    void aGoodContactBecomesTheCanonicalCustomerWithTheHubsTier() {
        RowOutcome outcome = clear.apply(contact("Anna", "Müller", " Anna.Mueller@Example.org ", 120, "G", false, false));

        assertThat(((RowOutcome.Migrated) outcome).values()).containsExactly("C0000012", "Anna Müller", "anna.mueller@example.org",
                "+49305550123", 120, "GOLD");
        assertThat(((RowOutcome.Migrated) clear.apply(contact(null, "Weber", null, 0, null, false, false))).values())
                .containsExactly("C0000012", "Weber", null, "+49305550123", 0, "NONE");
        assertThat(((RowOutcome.Migrated) clear.apply(contact("Lea", "Weber", null, 0, "S", false, false))).values()[5]).isEqualTo("SILVER");
        assertThat(((RowOutcome.Migrated) clear.apply(contact("Lea", "Weber", null, 0, "B", false, false))).values()[5]).isEqualTo("NONE");
    }

    @Test
    void eachBrokenRuleIsNamedAndNoReasonQuotesAPersonalValue() {
        String mangled = new String("Müller".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(((RowOutcome.Migrated) clear.apply(contact("Anna", mangled, null, 0, "B", false, false))).values()[1]).isEqualTo("Anna Müller");
        assertThat(rule(contact("Anna", "M\uFFFDller", null, 0, "B", false, false))).isEqualTo(Reject.BAD_ENCODING);
        assertThat(rule(contact("Anna", "Schmidt", "anna.example.org", 0, "B", false, false))).isEqualTo(Reject.BAD_EMAIL);
        assertThat(rule(contact("Anna", "Schmidt", null, -5, "B", false, false))).isEqualTo(Reject.BUSINESS_RULE);
        assertThat(rule(contact("Anna", "Schmidt", null, 0, "X", false, false))).isEqualTo(Reject.BUSINESS_RULE);
        assertThat(rule(contact("Anna", "Schmidt", null, 0, "B", true, false))).isEqualTo(Reject.BUSINESS_RULE);
        assertThat(rule(contact("Anna", "Schmidt", null, 0, "B", false, true))).isEqualTo(Reject.DUPLICATE);
        RowOutcome.Quarantined refused = (RowOutcome.Quarantined) clear.apply(contact("Anna", "Schmidt", "anna@", 0, "B", false, false));
        assertThat(refused.reject().reason()).doesNotContain("anna").doesNotContain("Schmidt");
    }

    @Test
    void aMaskedCustomerAndAMaskedQuarantineHoldNoClearValue() {
        CustomerTransformation masked = new CustomerTransformation(MigrationMask.fromSecret("test-only-key-0123456789"));
        Object[] values = ((RowOutcome.Migrated) masked.apply(contact("Anna", "Schmidt", "anna@example.org", 3, "G", false, false))).values();
        String payload = ((RowOutcome.Quarantined) masked.apply(contact("Anna", "Schmidt", "anna@", 3, "G", false, false))).payload();

        for (String clearValue : new String[] {"C0000012", "Anna", "Schmidt", "anna@", "5550123"}) {
            assertThat(Arrays.toString(values)).doesNotContain(clearValue);
            assertThat(payload).doesNotContain(clearValue);
        }
        assertThat((String) values[2]).matches("user\\.[0-9a-f]{12}@example\\.(com|org|net)");
        assertThat(values[0]).isEqualTo(((RowOutcome.Migrated) masked.apply(contact("Lea", "Weber", null, 0, "B", false, false))).values()[0]);
    }

    private RowOutcome.Quarantined refusedOf(LegacyCustomer c) {
        return (RowOutcome.Quarantined) clear.apply(c);
    }

    private String rule(LegacyCustomer c) {
        return refusedOf(c).reject().rule();
    }
}
