package org.retailhub.domain.migration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.retailhub.domain.consistency.Island;

/**
 * What an operator asks for when starting a migration: the source islands, the entities (each must live in one of the
 * sources), the target, the rows per committed chunk, and whether it is a dry run (read, transform, mask and validate,
 * load nothing).
 */
public record MigrationRequest(Set<Island> sources, List<MigrationEntity> entities, MigrationTarget target, int chunkSize, boolean dryRun) {

    public static final int MAX_CHUNK_SIZE = 50_000;

    public MigrationRequest {
        sources = Set.copyOf(sources);
        entities = List.copyOf(entities);
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("name at least one entity: " + Arrays.toString(MigrationEntity.values()));
        }
        if (sources.contains(Island.HUB)) {
            throw new IllegalArgumentException("the hub is a target, not a source");
        }
        for (MigrationEntity entity : entities) {
            if (!sources.contains(entity.island())) {
                throw new IllegalArgumentException(entity + " is kept by " + entity.island() + ", which is not among the sources " + sources);
            }
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1.." + MAX_CHUNK_SIZE + ", not " + chunkSize);
        }
        if (target == null) {
            throw new IllegalArgumentException("name a target: " + Arrays.toString(MigrationTarget.values()));
        }
    }

    /** Reads the request from the texts of a start form or an API call (comma-separated lists, names in any case). */
    public static MigrationRequest parse(String sources, String entities, String target, int chunkSize, boolean dryRun) {
        return new MigrationRequest(names(sources, Island.class), List.copyOf(names(entities, MigrationEntity.class)),
                MigrationTarget.valueOf(required(target, "target").strip().toUpperCase(Locale.ROOT)), chunkSize, dryRun);
    }

    private static <E extends Enum<E>> Set<E> names(String list, Class<E> type) {
        Set<E> found = EnumSet.noneOf(type);
        for (String name : required(list, type.getSimpleName()).split(",")) {
            if (!name.isBlank()) {
                found.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            }
        }
        return found;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    public String sourcesText() {
        return sources.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public String entitiesText() {
        return entities.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
