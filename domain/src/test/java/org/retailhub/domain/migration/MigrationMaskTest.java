package org.retailhub.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Masking keeps formats and joins, hides the value, and depends on the key; no key, no masking. */
class MigrationMaskTest {

    private final MigrationMask mask = MigrationMask.fromSecret("test-only-key-0123456789");

    @Test
    void cardsStayDigitsOfTheirLengthAndTheSameCardAlwaysMasksTheSame() {
        String card = "9800000000012345";
        String masked = mask.card(card);

        assertThat(masked).matches("\\d{16}").isNotEqualTo(card).isEqualTo(mask.card(card));
        assertThat(MigrationMask.fromSecret("test-only-key-0123456789").card(card)).as("same key, another run").isEqualTo(masked);
        assertThat(MigrationMask.fromSecret("another-test-only-key-987").card(card)).isNotEqualTo(masked);
    }

    @Test
    void ff1IsAPermutationSoDifferentCardsNeverCollide() {
        Set<String> masked = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            masked.add(mask.card(String.format("98%014d", i)));
        }
        assertThat(masked).hasSize(2000);
    }

    @Test
    void phonesCustomerNumbersAndPostcodesKeepTheirShape() {
        assertThat(mask.phone("+49305551234")).matches("\\+49\\d{9}").isNotEqualTo("+49305551234");
        assertThat(mask.phone("030 555-1234")).matches("\\d{3} \\d{3}-\\d{4}");
        assertThat(mask.customerKey("C0001234")).matches("C\\d{7}").isNotEqualTo("C0001234");
        assertThat(mask.postcode("10115")).matches("\\d{5}").isEqualTo(mask.postcode("10115"));
        assertThat(mask.phone(null)).isNull();
    }

    @Test
    void emailsStayValidAddressesAndNamesComeFromTheDictionary() {
        assertThat(mask.email("Anna.Schmidt@Example.org")).matches("user\\.[0-9a-f]{12}@example\\.(com|org|net)")
                .isEqualTo(mask.email("anna.schmidt@example.org"));
        assertThat(mask.name("Anna Schmidt")).matches("[A-Z][a-z]+ [A-Z][a-z]+").doesNotContain("Anna").doesNotContain("Schmidt")
                .isEqualTo(mask.name("Anna Schmidt"));
    }

    @Test
    void withoutAKeyOrWithAShortOneThereIsNoMasking() {
        assertThatThrownBy(() -> MigrationMask.fromSecret(null)).isInstanceOf(MaskingKeyMissingException.class)
                .hasMessageContaining("hub.migration.masking-key");
        assertThatThrownBy(() -> MigrationMask.fromSecret("  short  ")).isInstanceOf(MaskingKeyMissingException.class);
    }
}
