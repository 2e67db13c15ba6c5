package org.retailhub.routes.consistency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.KeyCrossReference;

/** The key cross-reference as a test double: the links a test gives it, in memory. */
final class KeyTable extends KeyCrossReference {

    private final Map<String, String> links = new ConcurrentHashMap<>();

    KeyTable() {
        super(null);
    }

    @Override
    public Optional<String> hubKey(Subject subject, Island island, String nativeKey) {
        return Optional.ofNullable(links.get(subject + "/" + island + "/" + nativeKey));
    }

    @Override
    public void link(Subject subject, String hubKey, Island island, String nativeKey) {
        links.put(subject + "/" + island + "/" + nativeKey, hubKey);
    }
}
