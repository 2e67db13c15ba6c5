package org.retailhub.domain.consistency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a customer's personal fields (name, e-mail) for the hub's tables: AES-256-GCM, a fresh 96-bit nonce per value,
 * and the customer id and field name as associated data, so a sealed value copied to another row or field does not
 * open. Each row names the key that sealed it: values sealed with a previous key still open, and are sealed again
 * with the current key ({@link GoldenRecords#resealCustomers}), which is how keys are rotated.
 */
public final class PersonalDataSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the id written beside every value sealed from now on
     * @param currentKey   32 bytes in base64url (43 characters)
     * @param previousKeys older keys by id (same encoding): still opened, never used to seal
     */
    public PersonalDataSeal(String currentKeyId, String currentKey, Map<String, String> previousKeys) {
        this.currentKeyId = currentKeyId;
        keys.put(currentKeyId, aesKey(currentKeyId, currentKey));
        previousKeys.forEach((id, key) -> keys.putIfAbsent(id, aesKey(id, key)));
    }

    private static SecretKey aesKey(String id, String base64url) {
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(base64url == null ? "" : base64url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("personal data key '" + id + "' is not base64url");
        }
        if (secret.length != 32) {
            throw new IllegalArgumentException("personal data key '" + id + "' has " + secret.length + " bytes, AES-256 needs 32");
        }
        return new SecretKeySpec(secret, "AES");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public boolean opens(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The value sealed with the current key for this customer's field: nonce followed by ciphertext and tag; null stays null. */
    public byte[] seal(String customerId, String field, String value) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, customerId, field, value.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** Opens a value sealed by {@link #seal} with the key {@code keyId}; fails when the key is unknown or the value was altered or moved. */
    public String open(String keyId, String customerId, String field, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("customer " + customerId + " is sealed with key '" + keyId
                    + "', which hub.personal-data does not name (add it under previous-keys)");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, customerId, field, body), StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String customerId, String field, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((customerId + "/" + field).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // the message says nothing about the value
            throw new IllegalStateException("customer " + customerId + " " + field + " could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
