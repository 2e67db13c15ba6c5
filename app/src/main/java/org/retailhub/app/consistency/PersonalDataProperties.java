package org.retailhub.app.consistency;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.retailhub.domain.consistency.PersonalDataSeal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The key that seals customers' names and e-mails in {@code hub.customer} ({@code hub.personal-data.*}, AES-256-GCM,
 * docs/security.md). The embedded default's key is DEV-ONLY: set {@code HUB_PERSONALDATA_KEY} and
 * {@code HUB_PERSONALDATA_KEYID} in production. To rotate, name the new key here and move the old one under
 * {@code previous-keys}: the hub seals every customer again with the new key at its next start.
 *
 * @param keyId        id of the current key, kept beside every sealed value
 * @param key          the current key: 32 random bytes in base64url without padding (43 characters), e.g.
 *                     {@code head -c32 /dev/urandom | basenc --base64url | tr -d =}
 * @param previousKeys keys sealed values may still carry, by id (same encoding); used to open, never to seal
 */
@Validated
@ConfigurationProperties("hub.personal-data")
public record PersonalDataProperties(@Pattern(regexp = "[A-Za-z0-9_-]{1,32}") @DefaultValue("dev-only-1") String keyId,
                                     @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be 32 bytes in base64url without padding (43 characters)")
                                     @DefaultValue(DEV_ONLY_KEY) String key,
                                     @NotNull @DefaultValue Map<String, @Pattern(regexp = "[A-Za-z0-9_-]{43}") String> previousKeys) {

    /** DEV-ONLY: the embedded default's key, public in this repository; never seal real customers with it. */
    static final String DEV_ONLY_KEY = "dev-only-personal-data-key-never-in-prod-00";

    public PersonalDataSeal seal() {
        return new PersonalDataSeal(keyId, key, previousKeys);
    }
}
