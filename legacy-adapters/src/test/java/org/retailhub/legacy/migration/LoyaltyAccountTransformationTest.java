package org.retailhub.legacy.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.Reject;

/** A CRM loyalty account to the canonical row, its rules, and what masking leaves of it. */
class LoyaltyAccountTransformationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private final LoyaltyAccountTransformation clear = new LoyaltyAccountTransformation(null, TODAY);

    private static LegacyLoyaltyAccount account(String holder, String email, LocalDate opened, int points, boolean known, boolean duplicate) {
        return new LegacyLoyaltyAccount(7, "C0000012", "9800000000000007", holder, email, "+49 30 5550123", "10115", points, opened, known, duplicate);
    }

    @Test
    void aGoodAccountBecomesTheCanonicalRow() {
        RowOutcome outcome = clear.apply(account("MÜLLER, Anna", " Anna.Mueller@Example.org ", LocalDate.of(2020, 5, 1), 120, true, false));

        assertThat(outcome).isInstanceOf(RowOutcome.Migrated.class);
        assertThat(((RowOutcome.Migrated) outcome).values()).containsExactly("C0000012", "9800000000000007", "Anna Müller",
                "anna.mueller@example.org", "+49305550123", "10115", 120, LocalDate.of(2020, 5, 1));
    }

    @Test
    void textThatAWrongEncodingMangledIsRepairedAndTextThatLostCharactersIsRefused() {
        String mangled = new String("MÜLLER, Anna".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(mangled).startsWith("MÃ");
        assertThat(((RowOutcome.Migrated) clear.apply(account(mangled, null, LocalDate.of(2020, 5, 1), 0, true, false))).values()[2])
                .isEqualTo("Anna Müller");
        assertThat(rule(account("M\uFFFDLLER, Anna", null, LocalDate.of(2020, 5, 1), 0, true, false))).isEqualTo(Reject.BAD_ENCODING);
    }

    @Test
    void eachBrokenRuleIsNamedAndNoReasonQuotesAPersonalValue() {
        LocalDate ok = LocalDate.of(2020, 5, 1);
        assertThat(rule(account("A, B", "anna.example.org", ok, 0, true, false))).isEqualTo(Reject.BAD_EMAIL);
        assertThat(rule(account("A, B", null, LocalDate.of(1900, 1, 1), 0, true, false))).isEqualTo(Reject.BAD_DATE);
        assertThat(rule(account("A, B", null, TODAY.plusDays(1), 0, true, false))).isEqualTo(Reject.BAD_DATE);
        assertThat(rule(account("A, B", null, ok, -5, true, false))).isEqualTo(Reject.BUSINESS_RULE);
        assertThat(rule(account("A, B", null, ok, 0, false, false))).isEqualTo(Reject.ORPHAN);
        assertThat(rule(account("A, B", null, ok, 0, true, true))).isEqualTo(Reject.DUPLICATE);
        RowOutcome.Quarantined refused = (RowOutcome.Quarantined) clear.apply(account("SCHMIDT, Anna", "anna@", ok, 0, true, false));
        assertThat(refused.reject().reason()).doesNotContain("anna").doesNotContain("SCHMIDT");
    }

    @Test
    void aMaskedRowAndAMaskedQuarantineHoldNoClearValue() {
        MigrationMask mask = MigrationMask.fromSecret("test-only-key-0123456789");
        LoyaltyAccountTransformation masked = new LoyaltyAccountTransformation(mask, TODAY);
        Object[] values = ((RowOutcome.Migrated) masked.apply(account("SCHMIDT, Anna", "anna@example.org", LocalDate.of(2020, 5, 1), 3, true, false))).values();
        RowOutcome.Quarantined refused = (RowOutcome.Quarantined) masked.apply(account("SCHMIDT, Anna", "anna@", LocalDate.of(2020, 5, 1), 3, true, false));

        for (String clearValue : new String[] {"C0000012", "9800000000000007", "Anna", "Schmidt", "SCHMIDT", "anna@", "5550123"}) {
            assertThat(java.util.Arrays.toString(values)).doesNotContain(clearValue);
            assertThat(refused.payload()).doesNotContain(clearValue);
        }
        assertThat(values[1]).isEqualTo(mask.card("9800000000000007"));
    }

    private String rule(LegacyLoyaltyAccount account) {
        return ((RowOutcome.Quarantined) clear.apply(account)).reject().rule();
    }
}
