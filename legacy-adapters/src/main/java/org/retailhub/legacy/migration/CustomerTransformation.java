package org.retailhub.legacy.migration;

import static org.retailhub.legacy.migration.LoyaltyAccountTransformation.masked;

import java.util.Locale;
import java.util.function.Function;
import org.retailhub.domain.migration.MigrationMask;
import org.retailhub.domain.migration.Reject;
import org.retailhub.domain.shared.LoyaltyTier;

/**
 * A CRM contact to the canonical customer, as the hub's CDC reads it ({@code CrmIsland}): name "First Last", e-mail
 * lower-case; phone without spaces and the CRM's tier letter as the hub's {@link LoyaltyTier} (G gold, S silver, B and
 * none the base tier). Masked for a masked target. Refuses contacts entered twice (same e-mail), deleted ones, text
 * whose characters were lost, malformed e-mails, negative balances and unknown tiers. Reasons never quote a value.
 */
final class CustomerTransformation implements Function<LegacyCustomer, RowOutcome> {

    private final MigrationMask mask;

    /** @param mask null for a clear target (the hub) */
    CustomerTransformation(MigrationMask mask) {
        this.mask = mask;
    }

    @Override
    public RowOutcome apply(LegacyCustomer c) {
        String first = c.firstName() == null ? "" : LoyaltyAccountTransformation.TextRepair.repaired(c.firstName());
        String last = LoyaltyAccountTransformation.TextRepair.repaired(c.lastName());
        LoyaltyTier tier = tier(c.tier());
        Reject reject = check(c, first, last, tier);
        if (reject != null) {
            return new RowOutcome.Quarantined(c.contactNo(), reject, payload(c));
        }
        String name = (first.strip() + " " + last.strip()).strip();
        String email = c.email() == null ? null : c.email().strip().toLowerCase(Locale.ROOT);
        String phone = c.phone() == null ? null : c.phone().replaceAll("[\\s/()-]", "");
        return new RowOutcome.Migrated(c.contactNo(), new Object[] {
            masked(c.custNo(), mask == null ? null : mask::customerKey), masked(name, mask == null ? null : mask::name),
            masked(email, mask == null ? null : mask::email), masked(phone, mask == null ? null : mask::phone),
            c.loyaltyPoints(), tier.name()});
    }

    private static Reject check(LegacyCustomer c, String first, String last, LoyaltyTier tier) {
        if (c.duplicate()) {
            return new Reject(Reject.DUPLICATE, "an earlier contact has the same e-mail");
        }
        if (c.deleted()) {
            return new Reject(Reject.BUSINESS_RULE, "the contact is deleted in the CRM");
        }
        if (first == null || last == null || last.isBlank()) {
            return new Reject(Reject.BAD_ENCODING, "the name lost characters to a wrong encoding or is empty");
        }
        if (c.email() != null && !LoyaltyAccountTransformation.EMAIL.matcher(c.email().strip()).matches()) {
            return new Reject(Reject.BAD_EMAIL, "the e-mail is not an address");
        }
        if (c.loyaltyPoints() < 0) {
            return new Reject(Reject.BUSINESS_RULE, "a points balance is never negative");
        }
        if (tier == null) {
            return new Reject(Reject.BUSINESS_RULE, "the tier is none of G, S, B");
        }
        return null;
    }

    /** The CRM's tier letter as the hub's tier; null for a letter the CRM does not use. */
    static LoyaltyTier tier(String letter) {
        if (letter == null || letter.isBlank()) {
            return LoyaltyTier.NONE;
        }
        return switch (letter.strip()) {
            case "G" -> LoyaltyTier.GOLD;
            case "S" -> LoyaltyTier.SILVER;
            case "B" -> LoyaltyTier.NONE;
            default -> null;
        };
    }

    private String payload(LegacyCustomer c) {
        return "cust_no=" + masked(c.custNo(), mask == null ? null : mask::customerKey)
                + ";first_name=" + masked(c.firstName(), mask == null ? null : mask::name)
                + ";last_name=" + masked(c.lastName(), mask == null ? null : mask::name)
                + ";email=" + masked(c.email(), mask == null ? null : mask::email)
                + ";phone=" + masked(c.phone(), mask == null ? null : mask::phone)
                + ";loyalty_points=" + c.loyaltyPoints() + ";tier=" + c.tier() + ";deleted=" + c.deleted();
    }
}
