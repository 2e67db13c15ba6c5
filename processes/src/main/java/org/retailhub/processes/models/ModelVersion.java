package org.retailhub.processes.models;

import java.time.Instant;

/**
 * One deployed version of a process or decision, as analysts see it in {@code GET /api/models}.
 *
 * @param key          the process or decision id, e.g. {@code order-pricing}
 * @param kind         {@code process} or {@code decision}
 * @param version      the engine's version number (the newest is the one new orders use)
 * @param versionTag   the tag given at deployment (the hub always sets one on what it deploys for analysts)
 * @param deploymentId the engine's deployment
 * @param deployedAt   when it was deployed
 * @param origin       {@code analyst} (through the hub's API), {@code release} (the jar's seed) or {@code other}
 * @param resource     the file name it was deployed from
 */
public record ModelVersion(String key, String kind, int version, String versionTag, String deploymentId, Instant deployedAt,
                           String origin, String resource) {
}
