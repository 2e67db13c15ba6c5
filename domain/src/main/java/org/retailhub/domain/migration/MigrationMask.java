package org.retailhub.domain.migration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Masks personal values for the non-production copy, deterministically (the same input and key give the same output,
 * so joins between masked tables survive) and keeping the format where it matters: digits stay digits of the same
 * length through NIST FF1 (SP 800-38G, Bouncy Castle's {@link FPEFF1Engine}), e-mails stay valid addresses, names come
 * from a dictionary chosen by keyed hash. The key comes from configuration, never from the repository.
 */
public final class MigrationMask {

    /** FF1 is only defined (SP 800-38G Rev. 1) for domains of at least a million values: shorter numbers are hashed. */
    private static final int FF1_MIN_DIGITS = 6;
    private static final List<String> FIRST_NAMES = List.of("Alex", "Robin", "Kim", "Sam", "Charlie", "Jo", "Luca", "Noa",
            "Mika", "Toni", "Eli", "Pat", "Fynn", "Jule", "Maxi", "Ronja", "Emil", "Greta", "Ida", "Theo");
    private static final List<String> LAST_NAMES = List.of("Muster", "Beispiel", "Probe", "Testmann", "Platzhalter", "Ersatz",
            "Vorlage", "Schema", "Modell", "Entwurf", "Skizze", "Kopie", "Abbild", "Attrappe", "Double", "Duplikat");
    private static final List<String> MAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

    private final byte[] cipherKey;
    /** Set up once per thread and purpose: an FF1 engine's AES key schedule and a MAC cost more than masking one value. */
    private final ThreadLocal<java.util.Map<String, FPEFF1Engine>> engines = ThreadLocal.withInitial(java.util.HashMap::new);
    private final ThreadLocal<Mac> macs;
    /** FF1 costs tens of microseconds a value; cards and customer numbers recur (every sale on a card), so results are kept. */
    private final java.util.Map<String, String> enciphered = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEPT_AT_MOST = 500_000;

    private MigrationMask(byte[] cipherKey, SecretKeySpec hashKey) {
        this.cipherKey = cipherKey;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Derives the FF1 key (AES-256) and the keyed-hash key from the configured secret; none or a short one refuses. */
    public static MigrationMask fromSecret(String secret) {
        if (secret == null || secret.strip().length() < 16) {
            throw new MaskingKeyMissingException();
        }
        return new MigrationMask(derive(secret, "ff1"), new SecretKeySpec(derive(secret, "hash"), "HmacSHA256"));
    }

    private static byte[] derive(String secret, String purpose) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + ':' + secret).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer number {@code C0001234}: the letters stay, the digits are enciphered. */
    public String customerKey(String key) {
        return digitsInPlace(key, "customer");
    }

    /** A card-like identifier: the same digits in, the same digits out, so sales still join their loyalty account. */
    public String card(String card) {
        return digitsInPlace(card, "card");
    }

    /** A phone number keeps its punctuation and a leading {@code +} with the country code; the rest is enciphered. */
    public String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.startsWith("+") && phone.length() > 3) {
            return phone.substring(0, 3) + digitsInPlace(phone.substring(3), "phone");
        }
        return digitsInPlace(phone, "phone");
    }

    public String postcode(String postcode) {
        return digitsInPlace(postcode, "postcode");
    }

    /** A name from the dictionary, chosen by keyed hash of the real one. */
    public String name(String name) {
        byte[] h = keyedHash("name", name);
        return FIRST_NAMES.get(Math.floorMod(h[0] << 8 | h[1] & 0xff, FIRST_NAMES.size())) + " "
                + LAST_NAMES.get(Math.floorMod(h[2] << 8 | h[3] & 0xff, LAST_NAMES.size()));
    }

    /** A valid address at a reserved example domain, the local part a keyed hash of the real address. */
    public String email(String email) {
        if (email == null) {
            return null;
        }
        byte[] h = keyedHash("email", email.toLowerCase(java.util.Locale.ROOT));
        return "user." + HexFormat.of().formatHex(h, 0, 6) + "@" + MAIL_DOMAINS.get(Math.floorMod(h[6], MAIL_DOMAINS.size()));
    }

    /** Enciphers the digits of a value where they stand; every other character stays. */
    String digitsInPlace(String value, String tweak) {
        if (value == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.isEmpty()) {
            return value;
        }
        String masked = digits.length() >= FF1_MIN_DIGITS ? kept(tweak, digits.toString()) : hashedDigits(digits.toString(), tweak);
        StringBuilder out = new StringBuilder(value.length());
        int next = 0;
        for (char c : value.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? masked.charAt(next++) : c);
        }
        return out.toString();
    }

    private String kept(String tweak, String digits) {
        if (enciphered.size() > KEPT_AT_MOST) {
            enciphered.clear();
        }
        return enciphered.computeIfAbsent(tweak + ':' + digits, k -> ff1(digits, tweak));
    }

    private String ff1(String digits, String tweak) {
        byte[] in = new byte[digits.length()];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (digits.charAt(i) - '0');
        }
        FPEFF1Engine engine = engines.get().computeIfAbsent(tweak, t -> {
            FPEFF1Engine ff1 = new FPEFF1Engine();
            ff1.init(true, new FPEParameters(new KeyParameter(cipherKey), 10, t.getBytes(StandardCharsets.US_ASCII)));
            return ff1;
        });
        byte[] out = new byte[in.length];
        engine.processBlock(in, 0, in.length, out, 0);
        char[] text = new char[out.length];
        for (int i = 0; i < out.length; i++) {
            text[i] = (char) ('0' + out[i]);
        }
        return new String(text);
    }

    private String hashedDigits(String digits, String tweak) {
        byte[] h = keyedHash(tweak, digits);
        StringBuilder out = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            out.append(Math.floorMod(h[i], 10));
        }
        return out.toString();
    }

    private byte[] keyedHash(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
