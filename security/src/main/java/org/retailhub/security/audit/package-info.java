/**
 * The audit trail at the edge: admins read it over HTTP. What is recorded (deployments, incident retries, task
 * completions: Camunda's user operations) is captured in {@code app}, where the engine is wired.
 */
package org.retailhub.security.audit;
