/**
 * Edge security: OAuth2 resource server on Keycloak tokens, webapp SSO, rate limits, PII masking, audit.
 * Empty until the security issue lands; until then the embedded default's Cockpit uses a dev-only demo login
 * and the order API is open on localhost (see README, "Security today").
 */
package org.retailhub.security.identity;
