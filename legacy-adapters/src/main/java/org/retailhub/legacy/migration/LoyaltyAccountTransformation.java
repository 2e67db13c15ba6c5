package org.retailhub.legacy.migration;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.Reject;

/**
 * A CRM loyalty account to the canonical row: holder as "First Last" (text a wrong encoding mangled is repaired when it
 * can be), e-mail lower-case, phone without spaces; masked for a masked target. Refuses duplicates, orphans, text whose
 * characters were lost, malformed e-mails, impossible opening dates and negative balances. Reasons never quote a value.
 */
final class LoyaltyAccountTransformation implements Function<LegacyLoyaltyAccount, RowOutcome> {

    static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final MigrationMask mask;
    private final LocalDate today;

    /** @param mask null for a clear target (the hub) */
    LoyaltyAccountTransformation(MigrationMask mask, LocalDate today) {
        this.mask = mask;
        this.today = today;
    }

    @Override
    public RowOutcome apply(LegacyLoyaltyAccount a) {
        String holder = TextRepair.repaired(a.holderName());
        Reject reject = check(a, holder);
        if (reject != null) {
            return new RowOutcome.Quarantined(a.accountNo(), reject, payload(a));
        }
        String name = firstNameFirst(holder);
        String email = a.email() == null ? null : a.email().strip().toLowerCase(Locale.ROOT);
        String phone = a.phone() == null ? null : a.phone().replaceAll("[\\s/()-]", "");
        String postcode = a.postcode() == null ? null : a.postcode().strip();
        return new RowOutcome.Migrated(a.accountNo(), new Object[] {
            masked(a.custNo(), mask == null ? null : mask::customerKey), masked(a.cardNo().strip(), mask == null ? null : mask::card),
            masked(name, mask == null ? null : mask::name), masked(email, mask == null ? null : mask::email),
            masked(phone, mask == null ? null : mask::phone), masked(postcode, mask == null ? null : mask::postcode),
            a.points(), a.openedOn()});
    }

    private Reject check(LegacyLoyaltyAccount a, String holder) {
        if (a.duplicate()) {
            return new Reject(Reject.DUPLICATE, "an earlier account has the same card number");
        }
        if (!a.knownCustomer()) {
            return new Reject(Reject.ORPHAN, "the customer number names no contact in the CRM");
        }
        if (holder == null) {
            return new Reject(Reject.BAD_ENCODING, "the holder's name lost characters to a wrong encoding");
        }
        if (a.email() != null && !EMAIL.matcher(a.email().strip()).matches()) {
            return new Reject(Reject.BAD_EMAIL, "the e-mail is not an address");
        }
        if (a.openedOn() == null || a.openedOn().isBefore(FIRST_DAY) || a.openedOn().isAfter(today)) {
            return new Reject(Reject.BAD_DATE, "opened on a date outside " + FIRST_DAY + " .. today");
        }
        if (a.points() < 0) {
            return new Reject(Reject.BUSINESS_RULE, "a points balance is never negative");
        }
        return null;
    }

    /** "MÜLLER, Anna" and "Müller, Anna" become "Anna Müller"; a name without a comma stays as written. */
    static String firstNameFirst(String holder) {
        int comma = holder.indexOf(',');
        if (comma < 0) {
            return holder.strip();
        }
        String last = holder.substring(0, comma).strip();
        if (last.equals(last.toUpperCase(Locale.ROOT))) {
            last = last.charAt(0) + last.substring(1).toLowerCase(Locale.GERMANY);
        }
        return holder.substring(comma + 1).strip() + " " + last;
    }

    private String payload(LegacyLoyaltyAccount a) {
        return "account_no=" + a.accountNo() + ";cust_no=" + masked(a.custNo(), mask == null ? null : mask::customerKey)
                + ";card_no=" + masked(a.cardNo(), mask == null ? null : mask::card)
                + ";holder_name=" + masked(a.holderName(), mask == null ? null : mask::name)
                + ";email=" + masked(a.email(), mask == null ? null : mask::email)
                + ";phone=" + masked(a.phone(), mask == null ? null : mask::phone)
                + ";postcode=" + masked(a.postcode(), mask == null ? null : mask::postcode)
                + ";points=" + a.points() + ";opened_on=" + a.openedOn();
    }

    /** The value through the masking, or as it is for a clear target (no masking) and for a missing value. */
    static String masked(String value, Function<String, String> masking) {
        return value == null || masking == null ? value : masking.apply(value);
    }

    /** Text that was UTF-8 but read as Latin-1 somewhere on its way ("MÃ¼ller"), and text that lost characters for good. */
    static final class TextRepair {

        private TextRepair() {
        }

        /** The text as meant; null when characters were lost (a replacement character) or the repair does not hold. */
        static String repaired(String text) {
            if (text == null || text.indexOf('\uFFFD') >= 0) {
                return null;
            }
            if (text.indexOf('Ã') < 0 && text.indexOf('Â') < 0) {
                return text;
            }
            for (char c : text.toCharArray()) {
                if (c > 0xFF) {
                    return null;
                }
            }
            String decoded = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 ? null : decoded;
        }
    }
}
