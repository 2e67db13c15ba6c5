package org.retailhub.legacy.migration;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import net.datafaker.Faker;
import org.postgresql.PGConnection;
import org.retailhub.domain.migration.MigrationEntity;
import org.retailhub.domain.migration.Reject;

/**
 * Fills the islands' history tables (POS {@code sale_history}, CRM {@code loyalty_account}) with a deterministic
 * retailer's past: the same seed and sizes give the same rows, byte for byte. Like real archives it has defects, planted
 * at known rates, at most one per row, and counted so a test can hold the migration's quarantine against them: malformed
 * e-mails, impossible dates, text a wrong encoding mangled (repairable, or characters lost), orphans, duplicates,
 * contradicting amounts. Rows go in with COPY; a million take seconds.
 */
public final class LegacyHistoryGenerator {

    /** What was planted, per entity and rule; "REPAIRABLE_ENCODING" rows must load (repaired), not be refused. */
    public record Planted(Map<MigrationEntity, Map<String, Long>> defects, Map<MigrationEntity, Long> rows) {

        public long defects(MigrationEntity entity, String rule) {
            return defects.get(entity).getOrDefault(rule, 0L);
        }

        /** Rows that must be refused (every planted defect but the repairable encoding). */
        public long refused(MigrationEntity entity) {
            return defects.get(entity).entrySet().stream().filter(e -> !e.getKey().equals(REPAIRABLE)).mapToLong(Map.Entry::getValue).sum();
        }
    }

    public static final String REPAIRABLE = "REPAIRABLE_ENCODING";
    private static final DateTimeFormatter TILL_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final LocalDate HISTORY_START = LocalDate.of(2023, 1, 1);
    private static final int HISTORY_DAYS = 3 * 365;
    private static final int COPY_BATCH = 20_000;
    /** 37 contacts of the CRM's seed (C0000001..C0000037) an account may belong to. */
    private static final int KNOWN_CONTACTS = 37;

    private final long seed;

    public LegacyHistoryGenerator(long seed) {
        this.seed = seed;
    }

    /** Replaces both tables' rows; sales reference the generated accounts' cards. */
    public Planted generate(DataSource pos, DataSource crm, int accounts, int sales) {
        Map<MigrationEntity, Map<String, Long>> defects = new EnumMap<>(MigrationEntity.class);
        defects.put(MigrationEntity.LOYALTY_ACCOUNTS, new java.util.TreeMap<>());
        defects.put(MigrationEntity.SALES, new java.util.TreeMap<>());
        copy(crm, "loyalty_account", "account_no, cust_no, card_no, holder_name, email, phone, postcode, points, opened_on",
                accounts, new Accounts(new Random(seed), defects.get(MigrationEntity.LOYALTY_ACCOUNTS))::row);
        copy(pos, "sale_history", "sale_id, store_no, receipt_no, line_no, sold_on, plu, qty, amount_cents, card_no",
                sales, new Sales(new Random(seed + 1), accounts, defects.get(MigrationEntity.SALES))::row);
        return new Planted(defects, Map.of(MigrationEntity.LOYALTY_ACCOUNTS, (long) accounts, MigrationEntity.SALES, (long) sales));
    }

    static String card(long accountNo) {
        return "98" + String.format("%014d", accountNo);
    }

    /** One CSV line (no trailing newline) for row number i, counting from 1. */
    @FunctionalInterface
    private interface RowSource {
        String row(long i);
    }

    private static void copy(DataSource database, String table, String columns, int rows, RowSource source) {
        try (Connection c = database.getConnection()) {
            c.createStatement().execute("truncate " + table);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder csv = new StringBuilder();
            for (long i = 1; i <= rows; i++) {
                csv.append(source.row(i)).append('\n');
                if (i % COPY_BATCH == 0 || i == rows) {
                    copy.copyIn("copy " + table + " (" + columns + ") from stdin (format csv)", new StringReader(csv.toString()));
                    csv.setLength(0);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not fill " + table + ": " + e.getMessage(), e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void count(Map<String, Long> defects, String rule) {
        defects.merge(rule, 1L, Long::sum);
    }

    /** Loyalty accounts: German names and places (Datafaker, seeded), at most one defect a row. */
    private static final class Accounts {

        private final Random random;
        private final Faker faker;
        private final Map<String, Long> defects;
        private String lastClean;

        Accounts(Random random, Map<String, Long> defects) {
            this.random = random;
            this.faker = new Faker(Locale.GERMANY, random);
            this.defects = defects;
        }

        String row(long no) {
            int dice = random.nextInt(1000);
            if (dice < 3 && lastClean != null) { // the same card entered again under a new account number
                count(defects, Reject.DUPLICATE);
                return no + lastClean;
            }
            String first = faker.name().firstName();
            String last = faker.name().lastName();
            String holder = last.toUpperCase(Locale.GERMANY) + ", " + first;
            String custNo = random.nextInt(5) == 0 ? String.format("C%07d", 1 + random.nextInt(KNOWN_CONTACTS)) : null;
            String email = ascii(first) + "." + ascii(last) + (no % 100) + "@" + (random.nextBoolean() ? "example.org" : "mail.example.com");
            String phone = "+49 " + (30 + random.nextInt(60)) + " " + (1_000_000 + random.nextInt(9_000_000));
            String postcode = String.format("%05d", 1000 + random.nextInt(98_000));
            int points = random.nextInt(5000);
            LocalDate opened = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(20 * 365));
            if (dice < 13) {
                count(defects, Reject.BAD_EMAIL);
                email = random.nextBoolean() ? email.replace('@', ' ') : email.substring(0, email.indexOf('@') + 1);
            } else if (dice < 18) {
                count(defects, Reject.BAD_DATE);
                opened = random.nextBoolean() ? LocalDate.of(1900, 1, 1) : LocalDate.of(2099, 12, 31);
            } else if (dice < 21) {
                count(defects, Reject.BAD_ENCODING);
                holder = holder.substring(0, holder.length() / 2) + '\uFFFD' + holder.substring(holder.length() / 2);
            } else if (dice < 24) {
                count(defects, Reject.ORPHAN);
                custNo = String.format("C9%06d", random.nextInt(1_000_000));
            } else if (dice < 26) {
                count(defects, Reject.BUSINESS_RULE);
                points = -1 - random.nextInt(500);
            } else if (dice < 36) {
                count(defects, REPAIRABLE); // UTF-8 read as Latin-1 by an old import: "MÃ¼LLER" for "MÜLLER"
                holder = new String(("MÜLLER-" + holder).getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            String rest = "," + text(custNo) + "," + text(card(no)) + "," + text(holder) + "," + text(email) + "," + text(phone) + ","
                    + text(postcode) + "," + points + "," + opened;
            if (dice >= 36) {
                lastClean = rest;
            }
            return no + rest;
        }

        private static String ascii(String name) {
            return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        }
    }

    /** Till sale lines over three years, receipts of one to three lines, a third of them on a loyalty card. */
    private static final class Sales {

        private final Random random;
        private final int accounts;
        private final Map<String, Long> defects;
        private int receipt;
        private int line;
        private String lastClean;

        Sales(Random random, int accounts, Map<String, Long> defects) {
            this.random = random;
            this.accounts = accounts;
            this.defects = defects;
        }

        String row(long id) {
            int dice = random.nextInt(1000);
            if (dice < 3 && lastClean != null) { // the archive took the same line twice
                count(defects, Reject.DUPLICATE);
                return id + lastClean;
            }
            if (line == 0 || line >= 1 + random.nextInt(3)) {
                receipt++;
                line = 0;
            }
            line++;
            int store = receipt % 3 == 0 ? 12 : 11;
            LocalDate day = HISTORY_START.plusDays((long) receipt * 7 % HISTORY_DAYS);
            String soldOn = day.format(TILL_DATE);
            int plu = 4001 + random.nextInt(45);
            int qty = 1 + random.nextInt(4);
            int amount = qty * (199 + random.nextInt(9800));
            String card = accounts > 0 && random.nextInt(3) == 0 ? card(1 + random.nextInt(accounts)) : null;
            if (dice < 7) {
                count(defects, Reject.BAD_DATE);
                soldOn = switch (dice % 3) {
                    case 0 -> "31.02." + day.getYear();
                    case 1 -> "00.00.0000";
                    default -> day.toString();
                };
            } else if (dice < 10) {
                count(defects, Reject.ORPHAN);
                plu = random.nextBoolean() ? 4901 : 4999;
            } else if (dice < 12) {
                count(defects, Reject.BUSINESS_RULE);
                amount = random.nextBoolean() ? -amount : amount;
                qty = amount < 0 ? qty : 0;
            }
            String rest = "," + store + "," + receipt + "," + line + "," + text(soldOn) + "," + plu + "," + qty + "," + amount + "," + text(card);
            if (dice >= 12) {
                lastClean = rest;
            }
            return id + rest;
        }
    }
}
