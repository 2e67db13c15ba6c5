package org.retailhub.domain.consistency;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key cross-reference (table {@code hub.key_xref}): which native key each island uses for the hub's stores,
 * articles and customers. Customers get their hub key the first time the hub sees them in the CRM, articles the first
 * time their owner's material master names them ({@link #articleOf}).
 */
public class KeyCrossReference {

    /** What a key names. */
    public enum Subject { ARTICLE, STORE, CUSTOMER }

    private final JdbcTemplate jdbc;
    // articles and stores are maintained by hand and never unlinked: every change would otherwise ask the database
    private final Map<String, String> masterData = new ConcurrentHashMap<>();

    public KeyCrossReference(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> hubKey(Subject subject, Island island, String nativeKey) {
        return remembered(subject, subject + ">" + island + ":" + nativeKey, () -> hubKeyFromTable(subject, island, nativeKey));
    }

    private Optional<String> remembered(Subject subject, String cacheKey, java.util.function.Supplier<Optional<String>> lookup) {
        if (subject == Subject.CUSTOMER) {
            return lookup.get();
        }
        String known = masterData.get(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = lookup.get();
        found.ifPresent(k -> masterData.put(cacheKey, k));
        return found;
    }

    private Optional<String> hubKeyFromTable(Subject subject, Island island, String nativeKey) {
        List<String> keys = jdbc.queryForList("select hub_key from hub.key_xref where kind = ? and island = ? and native_key = ?",
                String.class, subject.name(), island.name(), nativeKey);
        return keys.stream().findFirst();
    }

    public Optional<String> nativeKey(Subject subject, String hubKey, Island island) {
        return remembered(subject, subject + "<" + island + ":" + hubKey, () -> nativeKeyFromTable(subject, hubKey, island));
    }

    private Optional<String> nativeKeyFromTable(Subject subject, String hubKey, Island island) {
        List<String> keys = jdbc.queryForList("select native_key from hub.key_xref where kind = ? and island = ? and hub_key = ?",
                String.class, subject.name(), island.name(), hubKey);
        return keys.stream().findFirst();
    }

    public void link(Subject subject, String hubKey, Island island, String nativeKey) {
        jdbc.update("insert into hub.key_xref (kind, hub_key, island, native_key) values (?, ?, ?, ?) on conflict do nothing",
                subject.name(), hubKey, island.name(), nativeKey);
    }

    /** Forgets an island's key, e.g. after a duplicate customer was merged away. */
    public void unlink(Subject subject, String hubKey, Island island) {
        jdbc.update("delete from hub.key_xref where kind = ? and hub_key = ? and island = ?", subject.name(), hubKey, island.name());
    }

    /** The hub's customer id for a customer the owner island names, given a new one on first sight. */
    public String customerOf(Island island, String nativeKey) {
        return hubKey(Subject.CUSTOMER, island, nativeKey).orElseGet(() -> {
            String id = "CU" + jdbc.queryForObject("select nextval('hub.customer_number_seq')", Long.class);
            link(Subject.CUSTOMER, id, island, nativeKey);
            // a concurrent first sight may have won: use whatever is linked now
            return hubKey(Subject.CUSTOMER, island, nativeKey).orElse(id);
        });
    }

    /**
     * The SKU of an article its owner island names: looked up, or linked on first sight to the SKU {@code newSku}
     * derives from the native key. Always read from the table (not the cache): a first link may have been rolled back.
     */
    public String articleOf(Island island, String nativeKey, java.util.function.Function<String, String> newSku) {
        return hubKeyFromTable(Subject.ARTICLE, island, nativeKey).orElseGet(() -> {
            String sku = newSku.apply(nativeKey);
            link(Subject.ARTICLE, sku, island, nativeKey);
            return hubKeyFromTable(Subject.ARTICLE, island, nativeKey).orElseThrow(() -> new UndecodableChangeException(
                    island + " article '" + nativeKey + "' would be " + sku + ", which names another " + island + " article already"));
        });
    }

    /** Resolves a key or explains, in the dead letter's words, why the change cannot be mapped. */
    public String require(Subject subject, Island island, String nativeKey) {
        if (nativeKey == null) {
            throw new UndecodableChangeException(island + " " + subject.name().toLowerCase() + " key is missing");
        }
        return hubKey(subject, island, nativeKey).orElseThrow(() -> new UndecodableChangeException(
                island + " " + subject.name().toLowerCase() + " '" + nativeKey + "' has no cross-reference to the hub"));
    }
}
