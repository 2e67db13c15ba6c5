package org.retailhub.domain.audit;

import java.time.Instant;

/**
 * One line of the audit trail: {@code actor} did {@code action} to {@code subjectType} {@code subjectId}.
 *
 * @param detail what changed, short and free of personal data (e.g. "retries: 0 -> 1")
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail) {
}
