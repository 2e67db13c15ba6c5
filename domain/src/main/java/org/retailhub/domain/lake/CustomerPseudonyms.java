package org.retailhub.domain.lake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The only way a customer appears in the data lake: a pseudonym, HMAC-SHA256 of the golden id under a random 256-bit
 * key of that customer alone ({@code hub.lake_customer_key}). The lake holds the pseudonym, the hub the key. Erasing
 * the customer deletes the key in the erasure's transaction (a trigger on {@code hub.customer.erased_at}), so the
 * pseudonym can never be computed again and the customer's lake rows are linked to nobody. An erased or unknown
 * customer gets no pseudonym (their rows are written without one).
 */
public class CustomerPseudonyms {

    private static final String HMAC = "HmacSHA256";

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public CustomerPseudonyms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The customer's pseudonym (64 hex digits), making their key on first use; empty when the hub does not know the
     * customer or erased them.
     */
    public Optional<String> of(String goldenId) {
        return secret(goldenId).or(() -> newSecret(goldenId)).map(secret -> hmac(secret, goldenId));
    }

    /** The pseudonym if the customer's key exists, without making one: empty once the customer is erased. */
    public Optional<String> existing(String goldenId) {
        return secret(goldenId).map(secret -> hmac(secret, goldenId));
    }

    private Optional<byte[]> secret(String goldenId) {
        List<byte[]> found = jdbc.query("select secret from hub.lake_customer_key where customer_id = ?",
                (rs, n) -> rs.getBytes(1), goldenId);
        return found.stream().findFirst();
    }

    /**
     * Makes a key for a known customer who is not erased. The customer row is locked in share mode, so an erasure
     * running at the same time either waits and then deletes this key, or commits first and no key is made.
     */
    private Optional<byte[]> newSecret(String goldenId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        List<byte[]> kept = jdbc.query("""
                        with customer as (select customer_id from hub.customer where customer_id = ? and erased_at is null for share)
                        insert into hub.lake_customer_key (customer_id, secret) select customer_id, ? from customer
                        on conflict (customer_id) do update set secret = hub.lake_customer_key.secret
                        returning secret""",
                (rs, n) -> rs.getBytes(1), goldenId, secret);
        return kept.stream().findFirst();
    }

    private static String hmac(byte[] secret, String goldenId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(goldenId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }
}
