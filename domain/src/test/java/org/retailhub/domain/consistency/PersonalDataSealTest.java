package org.retailhub.domain.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataSealTest {

    private static final String OLD = "dev-only-personal-data-key-never-in-prod-00";
    private static final String NEW = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private final PersonalDataSeal seal = new PersonalDataSeal("k1", OLD, Map.of());

    @Test
    void aSealedValueOpensOnlyForItsCustomerAndFieldAndNeverShowsInClear() {
        byte[] sealed = seal.seal("CU1", "name", "Ada Lovelace");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Ada");
        assertThat(seal.seal("CU1", "name", "Ada Lovelace")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(seal.open("k1", "CU1", "name", sealed)).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> seal.open("k1", "CU2", "name", sealed)).hasMessageContaining("CU2 name could not be opened")
                .hasMessageNotContaining("Ada");
        assertThatThrownBy(() -> seal.open("k1", "CU1", "email", sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(seal.seal("CU1", "email", null)).isNull();
    }

    @Test
    void afterRotationTheOldKeyStillOpensAndTheNewOneSeals() {
        byte[] old = seal.seal("CU1", "email", "ada@example.org");
        PersonalDataSeal rotated = new PersonalDataSeal("k2", NEW, Map.of("k1", OLD));

        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.open("k1", "CU1", "email", old)).isEqualTo("ada@example.org");
        assertThat(rotated.open("k2", "CU1", "email", rotated.seal("CU1", "email", "ada@example.org"))).isEqualTo("ada@example.org");
        assertThatThrownBy(() -> new PersonalDataSeal("k2", NEW, Map.of()).open("k1", "CU1", "email", old))
                .hasMessageContaining("key 'k1'").hasMessageContaining("previous-keys");
    }

    @Test
    void aKeyOfTheWrongLengthOrEncodingIsRefusedAtStart() {
        assertThatThrownBy(() -> new PersonalDataSeal("k1", "dev-only-too-short", Map.of())).hasMessageContaining("AES-256 needs 32");
        assertThatThrownBy(() -> new PersonalDataSeal("k1", OLD, Map.of("k0", "not base64!"))).hasMessageContaining("'k0' is not base64url");
    }
}
