package org.retailhub.domain.consistency;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One record in the hub's language, whatever island it came from; compared by value. */
public sealed interface CanonicalRecord {

    EntityKind kind();

    /** The hub's key (SKU, store/SKU, customer id). */
    String key();

    /** Article master data; ERP owns it by default. */
    record Article(String sku, String name, String category) implements CanonicalRecord {
        public EntityKind kind() {
            return EntityKind.ARTICLE;
        }

        public String key() {
            return sku;
        }
    }

    /** List price per piece in EUR, two decimals. */
    record Price(String sku, BigDecimal listPrice) implements CanonicalRecord {
        public Price {
            listPrice = listPrice.setScale(2, java.math.RoundingMode.HALF_UP);
        }

        public EntityKind kind() {
            return EntityKind.PRICE;
        }

        public String key() {
            return sku;
        }
    }

    /** Whole pieces on hand in one store. */
    record Stock(String storeId, String sku, int onHand) implements CanonicalRecord {
        public EntityKind kind() {
            return EntityKind.STOCK;
        }

        public String key() {
            return storeId + "/" + sku;
        }
    }

    /**
     * A customer's contact and loyalty balance; email is lower case or null. Personal data: its text form (logs,
     * dead-letter reasons, reports) withholds name and e-mail.
     */
    record Customer(String customerId, String name, String email, int loyaltyPoints) implements CanonicalRecord {
        public EntityKind kind() {
            return EntityKind.CUSTOMER;
        }

        public String key() {
            return customerId;
        }

        /** What a person deciding on the record may see of the name: its initials ({@code "A. S."}), empty without a name. */
        public String initials() {
            return name == null ? "" : Arrays.stream(name.strip().split("\\s+")).filter(part -> !part.isEmpty())
                    .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + ".").collect(Collectors.joining(" "));
        }

        /** What a person deciding on the record may see of the e-mail: its first letter and domain ({@code "a***@example.org"}). */
        public String maskedEmail() {
            int at = email == null ? -1 : email.indexOf('@');
            return at < 1 ? "" : email.charAt(0) + "***" + email.substring(at);
        }

        @Override
        public String toString() {
            return "Customer[customerId=" + customerId + ", name=" + withheld(name) + ", email=" + withheld(email) + ", loyaltyPoints="
                    + loyaltyPoints + "]";
        }

        private static String withheld(String value) {
            return value == null ? "null" : "(withheld)";
        }
    }
}
