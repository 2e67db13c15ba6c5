/** What may pass into the hub at all: rate limits per client and per address, body size limits, refusal problem details. */
package org.retailhub.security.edge;
