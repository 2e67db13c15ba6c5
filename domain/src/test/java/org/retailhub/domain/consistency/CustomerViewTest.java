package org.retailhub.domain.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;

/** What an operator choosing between duplicate customers sees of their personal data. */
class CustomerViewTest {

    @Test
    void showsInitialsAndTheMailDomainOnly() {
        Customer customer = new Customer("CU1", " anna  maria Schmidt ", "anna.schmidt@example.org", 120);
        assertThat(customer.initials()).isEqualTo("A. M. S.");
        assertThat(customer.maskedEmail()).isEqualTo("a***@example.org");
    }

    @Test
    void missingOrOddValuesShowNothing() {
        Customer customer = new Customer("CU2", null, "@example.org", 0);
        assertThat(customer.initials()).isEmpty();
        assertThat(customer.maskedEmail()).isEmpty();
        assertThat(new Customer("CU3", "", null, 0).maskedEmail()).isEmpty();
    }
}
